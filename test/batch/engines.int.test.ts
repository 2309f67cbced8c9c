import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { canvasClass } from './lms-fixtures.js';

const root = path.resolve(import.meta.dirname, '../..');
const engines = path.join(root, 'docs/engines');
const run = promisify(execFile);

/**
 * The grader's CLI as an engine starts it: a fresh process whose environment holds only what a
 * bare machine has (PATH, HOME) and the engine's own variables.
 */
function cli(args: string[], engineEnv: Record<string, string>) {
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? os.tmpdir(), ...engineEnv };
  return run(process.execPath, ['--import', 'tsx', path.join(root, 'grader/cli/main.ts'), ...args], { cwd: root, env, maxBuffer: 2 ** 24 });
}

describe('a class split across machines', () => {
  it('Slurm array tasks 1-3 (SLURM_ARRAY_TASK_MIN=1), merged, give the unsharded gradebooks, student for student', async () => {
    const { zip, roster } = await canvasClass();
    const work = mkdtempSync(path.join(os.tmpdir(), 'engines-'));
    const lms = ['--roster', roster, '--assignment', 'Homework 1 (1001)'];
    const common = ['--only', 'convolution', '--jobs', '1', ...lms];
    const whole = cli(['batch', zip, '--out', path.join(work, 'whole'), ...common], {});
    const tasks = [1, 2, 3].map((id) =>
      cli(['batch', zip, '--out', path.join(work, 'shards', String(id)), '--shard', 'auto', ...common], {
        SLURM_ARRAY_JOB_ID: '4242',
        SLURM_ARRAY_TASK_ID: String(id),
        SLURM_ARRAY_TASK_COUNT: '3',
        SLURM_ARRAY_TASK_MIN: '1',
        SLURM_ARRAY_TASK_MAX: '3',
        SLURM_ARRAY_TASK_STEP: '1',
      }),
    );
    const logs = await Promise.all([whole, ...tasks]);
    for (const [i, l] of logs.slice(1).entries()) expect(l.stderr).toContain(`Shard ${i + 1} of 3: Slurm array task ${i + 1}`);
    await cli(['merge', ...[1, 2, 3].map((id) => path.join(work, 'shards', String(id))), '--out', path.join(work, 'merged'), ...lms], {});
    const read = (dir: string, file: string) => readFileSync(path.join(work, dir, file), 'utf8');
    for (const file of ['gradebook-canvas.csv', 'gradebook.csv', 'unmatched.csv']) expect(read('merged', file), file).toBe(read('whole', file));
    // The gradebook has every roster student's row, with scores (not just the same blanks).
    expect(read('whole', 'gradebook-canvas.csv')).toMatch(/"Doe, Jane",12345,S-001,jdoe,CNN 101 A,26\r\n/);
    // Each shard graded its part only: 5 submissions in all (4 students and a stray file).
    const counts = logs.slice(1).map((l) => Number(/(\d+) submissions:/.exec(l.stderr)?.[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(5);
  }, 600_000);
});

describe('the engine templates, linted', () => {
  it('Slurm: the array script is clean under shellcheck', () => {
    const file = path.join(engines, 'grade-class.sbatch');
    const check = spawnSync('shellcheck', [file], { encoding: 'utf8' });
    if (check.error) {
      console.warn(`shellcheck is not installed: ${file} was not linted`);
      return;
    }
    expect(check.stdout + check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});
