import { describe, expect, it } from 'vitest';
import { availableCores, threadsPerWorker, trainingThreads, TRAINING_THREADS_ENV } from '../../grader/ml/threads.js';

describe('how many threads training uses', () => {
  it('every available core unless the batch says otherwise; a bad value is ignored, with the reason', () => {
    expect(trainingThreads({}, 4)).toEqual({ threads: 4, reason: 'every available core of 4' });
    expect(trainingThreads({ [TRAINING_THREADS_ENV]: '1' }, 4)).toEqual({ threads: 1, reason: `${TRAINING_THREADS_ENV}=1` });
    expect(trainingThreads({ [TRAINING_THREADS_ENV]: 'two' }, 4).threads).toBe(4);
    expect(trainingThreads({ [TRAINING_THREADS_ENV]: '0' }, 4).reason).toMatch(/ignored .*"0"/);
  });

  it('a cgroup CPU quota caps the cores; "max" or no file leaves the affinity mask', () => {
    const all = availableCores(undefined);
    expect(availableCores('max 100000')).toBe(all);
    expect(availableCores('100000 100000')).toBe(1);
    expect(availableCores('50000 100000')).toBe(1);
    expect(availableCores(`${(all + 8) * 100000} 100000`)).toBe(all);
  });

  it('a batch never runs more workers × threads than cores', () => {
    for (const cores of [1, 2, 3, 8, 64]) {
      for (const workers of [1, 2, 3, 5, 8, 100]) {
        const threads = threadsPerWorker(workers, cores);
        expect(threads).toBeGreaterThanOrEqual(1);
        if (workers <= cores) expect(workers * threads).toBeLessThanOrEqual(cores);
      }
    }
    expect(threadsPerWorker(1, 2)).toBe(2);
    expect(threadsPerWorker(2, 2)).toBe(1);
  });
});
