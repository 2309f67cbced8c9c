import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canvasClass } from './lms-fixtures.js';

const root = path.resolve(import.meta.dirname, '../..');
const grader = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'grader/cli/main.ts'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });

/** Bad input gets one clear line and exit code 2, before anything is graded. */
describe('batch refuses a bad roster, column or shard in one line', () => {
  it.each([
    ['an --assignment the roster lacks', async (c: { zip: string; roster: string }) => ['batch', c.zip, '--roster', c.roster, '--assignment', 'Homework 9'], /--assignment 'Homework 9' names no assignment column; its assignments are 'Homework 1 \(1001\)', 'Quiz 1 \(1002\)'/],
    ['a Canvas roster with two assignments and no --assignment', async (c: { zip: string; roster: string }) => ['batch', c.zip, '--roster', c.roster], /name the column to fill with --assignment/],
    ['--assignment without --roster', async (c: { zip: string; roster: string }) => ['batch', c.zip, '--assignment', '1001'], /give --roster too/],
    [
      'a file that is no roster',
      async (c: { zip: string; roster: string }) => {
        const f = path.join(mkdtempSync(path.join(os.tmpdir(), 'roster-')), 'notes.csv');
        writeFileSync(f, 'a,b\n1,2\n');
        return ['batch', c.zip, '--roster', f];
      },
      /notes\.csv is not a roster the grader knows/,
    ],
    ['--shard auto with no engine', async (c: { zip: string; roster: string }) => ['batch', c.zip, '--shard', 'auto'], /--shard auto found no engine's task index/],
  ])('%s', async (_what, args, message) => {
    const c = await canvasClass();
    const r = grader(await args(c), { STRATEGY_JOB_INDEX: '', JOB_COMPLETION_INDEX: '', SLURM_ARRAY_TASK_ID: '' });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack
  }, 60_000);
});
