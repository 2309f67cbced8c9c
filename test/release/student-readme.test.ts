/** The student README says what the release does: figures from the config, the workflow it ships. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../grader/config/defaults.js';
import { resolveConfig } from '../../grader/config/resolve.js';
import { selectChecks } from '../../grader/exercises/select-checks.js';
import { studentReadme } from '../../grader/release/student-readme.js';

const template = readFileSync('grader/release/templates/README.md', 'utf8');
const training = selectChecks(DEFAULT_CONFIG, { visibility: 'public' }).find((c) => c.kind === 'training')!;

describe('the student README', () => {
  it('takes the training check’s points and thresholds from the config, the Node versions and the workflow from the release', () => {
    const config = resolveConfig(DEFAULT_CONFIG, {}, { checks: { [training.id]: { points: 12 } }, training: { fullPointsAccuracy: 0.97, zeroPointsAccuracy: 0.85 } });
    const readme = studentReadme(template, {
      publicChecks: selectChecks(config, { visibility: 'public' }),
      config,
      nodeEngines: '^20.19.0 || >=22.12.0',
      workflow: { path: '.github/workflows/classroom.yml', node: '26' },
    });
    expect(readme).toContain('up to 12 points, full points at 97%, none at or below 85%');
    expect(readme).not.toMatch(/10 points|98%|90%/);
    expect(readme).toContain('(`.github/workflows/classroom.yml`)');
    expect(readme).not.toContain('grade.yml');
    expect(readme).toContain('# Node ^20.19.0 || >=22.12.0 (the workflow uses Node 26)');
    expect(readme).not.toContain('{{');
  });

  it('says "1 point" for one point', () => {
    const config = resolveConfig(DEFAULT_CONFIG, {}, { checks: { [training.id]: { points: 1 } } });
    const readme = studentReadme(template, { publicChecks: selectChecks(config, { visibility: 'public' }), config, nodeEngines: '>=20', workflow: { path: 'w.yml', node: '26' } });
    expect(readme).toContain('up to 1 point,');
  });
});
