/**
 * docs/instructors.md, "Add an exercise", followed to the letter: a median-filter exercise is
 * added to a copy of this repository in five files (test/fixtures/new-exercise holds four of them;
 * the fifth is the registry's one line), and then it type-checks, grades, diagnoses its mistake,
 * shows in report.html and goes out in a student release, without any other file changing.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/new-exercise');
const FIXTURE_FILES = ['exercises/median.ts', 'solutions/median.ts', 'grader/exercises/median/index.ts', 'grader/exercises/median/mistakes.ts'];
const REGISTRY = 'grader/exercises/registry.ts';

/** The registry edit the guide shows: import the module, add it to the list. */
export function addToRegistry(text: string): string {
  const lastImport = text.lastIndexOf("import { parameters } from './parameters/index.js';");
  const list = 'cnn, parameters];';
  if (lastImport < 0 || !text.includes(list)) throw new Error(`${REGISTRY} no longer looks as docs/instructors.md shows it`);
  return text.replace("import { parameters } from './parameters/index.js';", "import { parameters } from './parameters/index.js';\nimport { median } from './median/index.js';").replace(list, 'cnn, parameters, median];');
}

let copy: string;
const run = (args: string[], timeout = 300_000) => spawnSync(process.execPath, ['--import', 'tsx', ...args], { cwd: copy, encoding: 'utf8', timeout });

beforeAll(() => {
  copy = mkdtempSync(path.join(tmpdir(), 'add-exercise-'));
  const tracked = spawnSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
  for (const f of tracked.filter((f) => existsSync(path.join(ROOT, f)))) {
    mkdirSync(path.dirname(path.join(copy, f)), { recursive: true });
    cpSync(path.join(ROOT, f), path.join(copy, f));
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
  for (const f of FIXTURE_FILES) {
    mkdirSync(path.dirname(path.join(copy, f)), { recursive: true });
    cpSync(path.join(FIXTURE, f), path.join(copy, f));
  }
  writeFileSync(path.join(copy, REGISTRY), addToRegistry(readFileSync(path.join(copy, REGISTRY), 'utf8')));
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('adding an exercise as docs/instructors.md shows it', () => {
  it('touches five files, all named in the guide', () => {
    const guide = readFileSync(path.join(ROOT, 'docs/instructors.md'), 'utf8');
    const touched = [...FIXTURE_FILES, REGISTRY];
    expect(touched).toHaveLength(5);
    for (const f of touched) expect(guide, `the guide does not name ${f}`).toContain(f);
  });

  // Each step starts the CLI or tsc on a whole repository: minutes on a loaded machine.
  const SLOW = 900_000;

  it('type-checks', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', '.'], { cwd: copy, encoding: 'utf8', timeout: 300_000 });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, SLOW);

  it('grades: the reference in full, the stub at 0, its mistake named; report.html titles it', () => {
    const out = path.join(copy, 'out');
    const reference = run(['grader/cli/main.ts', 'solutions', '--only', 'median', '--sandbox', 'node', '--out', path.join(out, 'ref')]);
    expect(reference.status, reference.stderr).toBe(0);
    const results = JSON.parse(readFileSync(path.join(out, 'ref/results.json'), 'utf8'));
    expect(results.tests.map((t: { tags: string[] }) => t.tags[0])).toEqual(['median', 'median']);
    expect([results.score, results.max_score]).toEqual([3, 3]);
    expect(readFileSync(path.join(out, 'ref/report.html'), 'utf8')).toContain('A median filter');

    const stub = run(['grader/cli/main.ts', 'exercises', '--only', 'median', '--sandbox', 'node', '--out', path.join(out, 'stub')]);
    expect(stub.status, stub.stderr).toBe(0);
    expect(JSON.parse(readFileSync(path.join(out, 'stub/results.json'), 'utf8')).score).toBe(0);

    // A student who keeps the edges: the catalogued mistake is named in the feedback.
    const student = path.join(copy, 'student');
    mkdirSync(student);
    writeFileSync(
      path.join(student, 'median.ts'),
      'export function medianFilter(signal: number[], size: number): number[] {\n' +
        '  const half = (size - 1) / 2;\n' +
        '  return signal.map((x, i) => (i < half || i >= signal.length - half ? x : [...signal.slice(i - half, i + half + 1)].sort((a, b) => a - b)[half]));\n' +
        '}\n',
    );
    const mistake = run(['grader/cli/main.ts', 'student', '--only', 'median', '--sandbox', 'node', '--out', path.join(out, 'student')]);
    expect(mistake.status, mistake.stderr).toBe(0);
    const graded = JSON.parse(readFileSync(path.join(out, 'student/results.json'), 'utf8'));
    expect(graded.score).toBe(0);
    expect(graded.tests.map((t: { output: string }) => t.output).join('\n')).toContain('Edges kept instead of zero-padded');
  }, SLOW);

  it('goes out in a student release with its public checks and no line of its reference', () => {
    const ids = run(['-e', "import('./grader/exercises/registry.ts').then((r) => console.log(JSON.stringify(r.ALL_CHECKS.map((c) => c.id))))"]);
    expect(ids.status, ids.stderr).toBe(0);
    const others = (JSON.parse(ids.stdout) as string[]).filter((id) => !id.startsWith('median.'));
    // Only the new exercise's checks are recorded, so that the release takes seconds, not minutes.
    writeFileSync(path.join(copy, 'median.config.json'), JSON.stringify({ checks: Object.fromEntries(others.map((id) => [id, { enabled: false }])) }));
    const release = run(['grader/cli/main.ts', 'release', path.join(copy, 'release'), '--config', 'median.config.json']);
    expect(release.status, release.stderr).toBe(0);
    expect(release.stdout).toContain('2 public checks');
    const released = (f: string) => readFileSync(path.join(copy, 'release', f), 'utf8');
    expect(released('exercises/median.ts')).toContain("throw new Error('not implemented')");
    expect(released('grader/exercises/median/index.ts')).toContain("id: 'matches-reference'");
    expect(released('grader/exercises/median/mistakes.ts')).toContain('replayingMistakes');
    expect(released('README.md')).toMatch(/\| median \| medianFilter matches scipy\.signal\.medfilt \| 2 \|/);
    expect(existsSync(path.join(copy, 'release/solutions'))).toBe(false);
  }, SLOW);
});
