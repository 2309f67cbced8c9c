/**
 * A batch started as a TA starts it (`npm run grade -- batch …`, in its own process group like a
 * terminal's job) and stopped from outside: SIGINT to npm (what Ctrl-C's npm forwards), or npm
 * killed outright. Every process of the batch (npm, the grader, its workers and their sandboxed
 * children) must be gone within seconds, and a second batch on the same folder is refused while
 * the first runs.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../grader/batch/batch-lock.js';
import { processStat } from '../../grader/batch/process-tree.js';

const root = path.resolve(import.meta.dirname, '../..');

function classOf(n: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stop-class-'));
  for (let i = 1; i <= n; i++) cpSync(path.join(root, 'solutions'), path.join(dir, `s${i}`), { recursive: true });
  return dir;
}

function startBatch(dir: string, out: string): { npm: ChildProcess; stderr: () => string } {
  const npm = spawn('npm', ['run', 'grade', '--', 'batch', dir, '--out', out, '--only', 'convolution,convolution2d', '--jobs', '2', '--sandbox', 'node'], {
    cwd: root,
    detached: true, // its own process group, default signal handling: a terminal's job
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  npm.stderr!.on('data', (d) => (err += d));
  return { npm, stderr: () => err };
}

/** Every process below `pid`, found through /proc (the workers are in process groups of their own). */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const e of readdirSync('/proc')) {
    const p = Number(e);
    const s = Number.isInteger(p) ? processStat(p) : undefined;
    if (s) (children.get(s.ppid) ?? children.set(s.ppid, []).get(s.ppid)!).push(p);
  }
  const out: number[] = [];
  const walk = (p: number) => (children.get(p) ?? []).forEach((c) => (out.push(c), walk(c)));
  walk(pid);
  return out;
}

const alive = (pids: number[]) => pids.filter((p) => (processStat(p)?.state ?? 'Z') !== 'Z');

async function until<T>(what: string, seconds: number, probe: () => T | undefined | false): Promise<T> {
  for (const end = Date.now() + seconds * 1000; Date.now() < end; await new Promise((r) => setTimeout(r, 200))) {
    const v = probe();
    if (v) return v;
  }
  throw new Error(`not within ${seconds} s: ${what}`);
}

describe('stopping a batch started with npm run grade', () => {
  it('SIGINT to npm stops the batch and every worker within seconds, says how far it got; a second batch is refused meanwhile', async () => {
    const dir = classOf(8);
    const out = path.join(dir, 'out');
    const { npm, stderr } = startBatch(dir, out);
    const closed = new Promise<number | null>((r) => npm.once('close', (code, signal) => r(code ?? (signal ? 128 + os.constants.signals[signal] : null))));
    await until('the first submission graded', 240, () => /\[1\/8\]/.test(stderr()));
    const tree = descendants(npm.pid!);
    expect(tree.length).toBeGreaterThanOrEqual(3); // the grader and two workers at least

    const second = spawnSync(process.execPath, ['--import', 'tsx', 'grader/cli/main.ts', 'batch', dir, '--out', out, '--only', 'convolution'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(second.status, second.stderr).toBe(2);
    expect(second.stderr).toMatch(/^grader: another batch \(pid \d+ on .*\) is writing to .*: wait for it to finish or stop it/m);

    process.kill(npm.pid!, 'SIGINT');
    const code = await Promise.race([closed, new Promise((r) => setTimeout(() => r('still running'), 20_000))]);
    expect(code, stderr()).toBe(130);
    await until(`every process of the batch gone (left: ${alive(tree)})`, 10, () => alive(tree).length === 0);
    expect(stderr()).toMatch(/grader: stopped by SIGINT: \d+ of 8 submissions graded \(\d+ in this run\), \d+ still to grade; .*Run the same command again to go on/);
    expect(existsSync(path.join(out, LOCK_FILE))).toBe(false);
  }, 360_000);

  it('npm killed outright (SIGKILL, which it cannot forward): the grader notices and stops, leaving no process', async () => {
    const dir = classOf(8);
    const out = path.join(dir, 'out');
    const { npm, stderr } = startBatch(dir, out);
    await until('the first submission graded', 240, () => /\[1\/8\]/.test(stderr()));
    const tree = descendants(npm.pid!);
    process.kill(npm.pid!, 'SIGKILL');
    await until(`every process of the batch gone (left: ${alive(tree)})`, 15, () => alive(tree).length === 0);
    await until('the grader saying why it stopped', 5, () => /grader: stopped by the end of the process that started it \(pid \d+\)/.test(stderr()));
    expect(existsSync(path.join(out, LOCK_FILE))).toBe(false);
    // What was done is kept: at least the submission the progress line reported.
    expect(readdirSync(out).filter((s) => existsSync(path.join(out, s, 'graded.json'))).length).toBeGreaterThanOrEqual(1);
  }, 360_000);
});
