import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPool, type JobOutcome } from '../../grader/batch/pool.js';

const workerFile = path.join(import.meta.dirname, 'fake-worker.ts');

describe('runPool', () => {
  it('records a hang, a crash and a refusal as errors and goes on with the rest', async () => {
    const jobs = ['a', 'hang', 'b', 'crash', 'c', 'refuse', 'd'].map((id) => ({ id }));
    const outcomes = new Map<string, JobOutcome<{ type: string; record?: { pid: number } }>>();
    const started = Date.now();
    await runPool(jobs, { workerFile, jobs: 2, timeoutMs: 5000 }, (job, outcome) => {
      outcomes.set(job.id, outcome as never);
    });
    expect([...outcomes.keys()].sort()).toEqual(['a', 'b', 'c', 'crash', 'd', 'hang', 'refuse']);
    for (const id of ['a', 'b', 'c', 'd']) expect(outcomes.get(id)).toMatchObject({ ok: true, value: { type: 'done' } });
    expect(outcomes.get('hang')).toEqual({ ok: false, error: 'grading took longer than the limit of 5 s and was stopped' });
    expect(outcomes.get('crash')).toMatchObject({ ok: false, error: expect.stringMatching(/exited with code 3 .*out of memory/s) });
    expect(outcomes.get('refuse')).toEqual({ ok: false, error: 'not a zip' });
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('reuses a worker for several submissions', async () => {
    const pids = new Set<number>();
    await runPool(['a', 'b', 'c', 'd'].map((id) => ({ id })), { workerFile, jobs: 1, timeoutMs: 5000 }, (_job, o) => {
      if (o.ok) pids.add((o.value as unknown as { record: { pid: number } }).record.pid);
    });
    expect(pids.size).toBe(1);
  });
});
