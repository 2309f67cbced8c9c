import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { TRAINING_THREADS_ENV } from '../../grader/ml/threads.js';

function trainInChild(threads: number) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'test/ml/train-and-print-weights.ts'], {
    encoding: 'utf8', timeout: 180_000, env: { ...process.env, [TRAINING_THREADS_ENV]: String(threads) },
  });
  expect(run.status, run.stderr.slice(-2000)).toBe(0);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { threads: { count: number; reason: string }; detail: string; weights: string };
}

describe('the threaded wasm build', () => {
  // Run as separate processes: the backend is chosen once per process, and each must exit alone.
  it('uses the threads asked for (not half of them) and trains to the very same weights as one thread', () => {
    const one = trainInChild(1);
    const two = trainInChild(2);
    expect(one.threads).toEqual({ count: 1, reason: `${TRAINING_THREADS_ENV}=1` });
    expect(two.threads.count).toBe(2);
    expect(two.detail).toMatch(/2 thread\(s\)/);
    expect(two.weights).toBe(one.weights);
  }, 400_000);
});
