import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBatch, type BatchOptions, type BatchSummary } from '../../grader/batch/run-batch.js';
import { mergeBatches } from '../../grader/batch/merge.js';
import { readRecord } from '../../grader/batch/record.js';
import { resolveConfig } from '../../grader/config/resolve.js';
import { classFixtures } from './class-fixtures.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = classFixtures();
const base = resolveConfig();
// Short sandbox limits so the hostile submission's endless loop costs seconds, not minutes (yet
// roomy enough for a correct submission on a machine shared with other jobs).
const config = { ...base, sandbox: { ...base.sandbox, callTimeoutMs: 1000, exerciseTimeoutMs: 10_000 } };
const options = (dir: string, out: string, more: Partial<BatchOptions> = {}): BatchOptions => ({
  dir, out, jobs: 2, only: ['convolution'], format: 'gradescope', config, visibility: 'all', timeoutMs: 60_000, progress: null, ...more,
});
const tmp = (name: string) => mkdtempSync(path.join(os.tmpdir(), `batch-${name}-`));
const byStudent = (s: BatchSummary) => Object.fromEntries(s.records.map((r) => [r.student, r.status === 'graded' ? r.score : r.error]));

describe('batch', () => {
  let out: string;
  let first: BatchSummary;
  beforeAll(async () => {
    out = tmp('out');
    first = await runBatch(options(fixtures, out));
  }, 240_000);

  it('grades every folder and zip, with error rows for the broken zip', () => {
    const scores = byStudent(first);
    expect(Object.keys(scores)).toEqual(['alice', 'carol', 'dave', 'eve', 'mallory', 'smith_12345_67890_convolution']);
    expect(scores.alice).toBe(26);
    expect(scores.carol).toBeLessThan(26);
    expect(scores.dave).toBeLessThan(26);
    expect(scores.smith_12345_67890_convolution).toBeGreaterThan(20); // graded from hw1/ inside the zip
    expect(scores.eve).toMatch(/eve\.zip is not a zip file/);
    expect(typeof scores.mallory === 'string' || (scores.mallory as number) < 10).toBe(true); // stopped, not hung
    for (const s of ['alice', 'carol', 'smith_12345_67890_convolution']) {
      for (const f of ['results.json', 'junit.xml', 'report.html', 'graded.json', 'fingerprints.json']) expect(existsSync(path.join(out, s, f)), `${s}/${f}`).toBe(true);
    }
  });

  it('writes the gradebook and the summary', () => {
    const csv = readFileSync(path.join(out, 'gradebook.csv'), 'utf8').split('\r\n');
    expect(csv[0]).toBe('student,convolution (/26),total,max,late,status,error');
    expect(csv[1]).toBe('alice,26,26,26,,graded,');
    expect(csv.find((l) => l.startsWith('eve,'))).toMatch(/^eve,0,0,26,,error,eve\.zip is not a zip file/);
    const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
    expect(summary.rows).toHaveLength(6);
    expect(summary.checkPassRates.length).toBeGreaterThan(3);
    // Which known mistakes are named is the catalogue's business (test/self); the summary counts what was diagnosed.
    expect(summary.mistakes.length).toBeGreaterThan(0);
    for (const m of summary.mistakes) expect(m).toMatchObject({ id: expect.stringMatching(/^convolution\./), title: expect.any(String), count: expect.any(Number) });
    expect(summary.similarPairs.map((p: { a: string; b: string }) => [p.a, p.b].sort().join())).toContain('alice,smith_12345_67890_convolution');
    expect(summary.similarPairs.map((p: { a: string; b: string }) => [p.a, p.b].join())).not.toContain('carol,dave');
    expect(readFileSync(path.join(out, 'summary.html'), 'utf8')).toContain('smith_12345_67890_convolution');
  });

  it('records the seed, and grades the same submission the same way twice', async () => {
    const results = JSON.parse(readFileSync(path.join(out, 'carol', 'results.json'), 'utf8'));
    expect(results.extra_data.seed).toBe(config.seed);
    const again = tmp('again');
    cpSync(path.join(fixtures, 'carol'), path.join(again, 'carol'), { recursive: true });
    const second = await runBatch(options(again, path.join(again, 'out')));
    const results2 = JSON.parse(readFileSync(path.join(again, 'out', 'carol', 'results.json'), 'utf8'));
    expect(second.records[0].score).toBe(first.records.find((r) => r.student === 'carol')!.score);
    const scores = (r: { tests: { number: string; score: number; output: string }[] }) => r.tests.map((t) => [t.number, t.score, t.output]);
    expect(scores(results2)).toEqual(scores(results));
  }, 120_000);

  it('skips what is done on a rerun and regrades only a deleted result', async () => {
    rmSync(path.join(out, 'dave'), { recursive: true });
    rmSync(path.join(out, 'alice', 'graded.json')); // results.json stays, but without its marker it is not done
    const rerun = await runBatch(options(fixtures, out));
    expect(rerun.graded).toBe(2);
    expect(rerun.skipped).toBe(4);
    expect(byStudent(rerun)).toEqual(byStudent(first));
    expect(readRecord(path.join(out, 'carol'))!.finishedAt).toBe(first.records.find((r) => r.student === 'carol')!.finishedAt);
  }, 120_000);

  it('splits into shards that merge back into the same gradebook', async () => {
    const shards = [tmp('shard1'), tmp('shard2')];
    const a = await runBatch(options(fixtures, shards[0], { shard: { index: 1, count: 2 }, jobs: 1 }));
    const b = await runBatch(options(fixtures, shards[1], { shard: { index: 2, count: 2 }, jobs: 1 }));
    expect([...a.records, ...b.records].map((r) => r.student).sort()).toEqual(first.records.map((r) => r.student));
    expect(a.records.length).toBe(3);
    const merged = await mergeBatches(shards, path.join(tmp('merged'), 'all'));
    const gradebook = (dir: string) => readFileSync(path.join(dir, 'gradebook.csv'), 'utf8');
    expect(gradebook(merged.outDir)).toBe(gradebook(out));
    // Similarity is found across shards.
    const pairs = JSON.parse(readFileSync(path.join(merged.outDir, 'summary.json'), 'utf8')).similarPairs;
    expect(pairs.map((p: { a: string; b: string }) => [p.a, p.b].sort().join())).toContain('alice,smith_12345_67890_convolution');
    expect(existsSync(path.join(merged.outDir, 'alice', 'results.json'))).toBe(true);
  }, 240_000);
});

describe('a killed batch', () => {
  it('resumes and loses nothing', async () => {
    const dir = tmp('killed');
    for (const s of ['alice', 'carol', 'dave', 'eve.zip', 'smith_12345_67890_convolution.zip']) cpSync(path.join(fixtures, s), path.join(dir, s), { recursive: true });
    const out = path.join(dir, 'out');
    const cli = (extra: string[] = []) =>
      spawn(process.execPath, ['--import', 'tsx', path.join(root, 'grader/cli/main.ts'), 'batch', dir, '--out', out, '--only', 'convolution', '--jobs', '1', ...extra], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const child = cli();
    const firstDone = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const done = ['alice', 'carol', 'dave', 'eve', 'smith_12345_67890_convolution'].find((s) => existsSync(path.join(out, s, 'graded.json')));
        if (done) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve(done);
        }
      }, 20);
      child.on('exit', () => {
        clearInterval(timer);
        reject(new Error('the batch ended before it could be killed'));
      });
    });
    await new Promise((r) => child.once('exit', r));
    const before = readRecord(path.join(out, firstDone))!;
    const rerun = cli();
    let stderr = '';
    rerun.stderr!.on('data', (d) => (stderr += d));
    const code = await new Promise((r) => rerun.once('exit', r));
    expect(code, stderr).toBe(0);
    const already = Number(/(\d+) already done/.exec(stderr)?.[1]);
    expect(already).toBeGreaterThanOrEqual(1);
    expect(stderr).toMatch(new RegExp(`5 submissions: ${5 - already} graded now`));
    expect(readRecord(path.join(out, firstDone))!.finishedAt).toBe(before.finishedAt);
    const rows = readFileSync(path.join(out, 'gradebook.csv'), 'utf8').trim().split('\r\n');
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r.startsWith('alice,'))).toBe('alice,26,26,26,,graded,');
  }, 240_000);
});
