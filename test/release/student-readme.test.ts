/** The student README says what the release does: figures from the config, the workflow it ships, its exercises only. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../grader/config/defaults.js';
import { resolveConfig } from '../../grader/config/resolve.js';
import type { GraderConfig } from '../../grader/config/types.js';
import type { ExerciseId } from '../../grader/core/contract.js';
import { ALL_MISTAKES, EXERCISE_MODULES } from '../../grader/exercises/registry.js';
import { selectChecks } from '../../grader/exercises/select-checks.js';
import { studentReadme } from '../../grader/release/student-readme.js';

const template = readFileSync('grader/release/templates/README.md', 'utf8');
const training = selectChecks(DEFAULT_CONFIG, { visibility: 'public' }).find((c) => c.kind === 'training')!;

/** The README of a release of `only` (default every exercise). */
function readme(config: GraderConfig, o: { only?: ExerciseId[]; homework?: string; nodeEngines?: string; workflow?: { path: string; node: string } } = {}): string {
  const exercises = EXERCISE_MODULES.filter((m) => !o.only || o.only.includes(m.id));
  return studentReadme(template, {
    exercises,
    homework: o.homework,
    publicChecks: selectChecks(config, { visibility: 'public', only: o.only }),
    mistakes: ALL_MISTAKES.filter((m) => exercises.some((e) => e.id === m.exercise)),
    config,
    nodeEngines: o.nodeEngines ?? '>=20',
    workflow: o.workflow ?? { path: 'w.yml', node: '26' },
  });
}

describe('the student README', () => {
  it('takes the training check’s points and thresholds from the config, the Node versions and the workflow from the release', () => {
    const config = resolveConfig(DEFAULT_CONFIG, {}, { checks: { [training.id]: { points: 12 } }, training: { fullPointsAccuracy: 0.97, zeroPointsAccuracy: 0.85 } });
    const text = readme(config, { nodeEngines: '^20.19.0 || >=22.12.0', workflow: { path: '.github/workflows/classroom.yml', node: '26' } });
    expect(text).toContain('up to 12 points, full points at 97%, none at or below 85%');
    expect(text).not.toMatch(/10 points|98%|90%/);
    expect(text).toContain('(`.github/workflows/classroom.yml`)');
    expect(text).not.toContain('grade.yml');
    expect(text).toContain('# Node ^20.19.0 || >=22.12.0 (the workflow uses Node 26)');
    expect(text).not.toContain('{{');
    for (const m of EXERCISE_MODULES) expect(text).toContain(`- \`exercises/${m.id}.ts\`: ${m.title}`);
    expect(text).toContain('npm run train');
  });

  it('says "1 point" for one point', () => {
    const config = resolveConfig(DEFAULT_CONFIG, {}, { checks: { [training.id]: { points: 1 } } });
    expect(readme(config)).toContain('up to 1 point,');
  });

  it("a homework's README names its exercises and what they have, nothing of the others", () => {
    const text = readme(DEFAULT_CONFIG, { only: ['convolution', 'convolution2d'], homework: 'hw1' });
    expect(text).toMatch(/^# CNN exercises: hw1$/m);
    expect(text).toContain('- `exercises/convolution.ts`: 1D convolution and smoothing');
    expect(text).toContain('- `exercises/convolution2d.ts`: 2D convolution');
    // No training, no pictures, no other exercise's file or check.
    expect(text).not.toMatch(/npm run train|MNIST|handwritten|Train your CNN/);
    for (const other of EXERCISE_MODULES.filter((m) => !['convolution', 'convolution2d'].includes(m.id))) {
      expect(text).not.toContain(`exercises/${other.id}.ts`);
      expect(text).not.toContain(`| ${other.id} |`);
    }
    expect(text).toMatch(/REPLAY='convolution\.[\w-]+:/);
    expect(text).not.toContain('{{');
  });
});
