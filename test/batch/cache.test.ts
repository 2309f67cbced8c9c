import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { trainingCache, trainingKey } from '../../grader/ml/training-cache.js';

describe('trainingCache', () => {
  it('stores and finds a result by the hash of what decides it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cache-test-'));
    const cache = trainingCache(dir);
    const key = trainingKey({ topology: { layers: [1, 2] }, settings: { epochs: 1, batchSize: 32 }, seed: 7, data: 'mnist:abc' });
    // Key order does not matter; any value does.
    expect(trainingKey({ seed: 7, data: 'mnist:abc', settings: { batchSize: 32, epochs: 1 }, topology: { layers: [1, 2] } })).toBe(key);
    expect(trainingKey({ topology: { layers: [1, 2] }, settings: { epochs: 1, batchSize: 32 }, seed: 8, data: 'mnist:abc' })).not.toBe(key);
    expect(cache.get(key)).toBeUndefined();
    cache.put(key, { accuracy: 0.97 });
    expect(trainingCache(dir).get(key)).toEqual({ accuracy: 0.97 });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(() => cache.get('../../etc/passwd')).toThrow(/hex hash/);
  });

  it('trains each key once, even when asked twice at the same time', async () => {
    const cache = trainingCache(mkdtempSync(path.join(os.tmpdir(), 'cache-test-')), { pollMs: 10 });
    const key = trainingKey({ model: 'tutorial' });
    let trainings = 0;
    const train = async () => {
      trainings++;
      await new Promise((r) => setTimeout(r, 50));
      return { accuracy: 0.98 };
    };
    const results = await Promise.all([cache.getOrCompute(key, train), cache.getOrCompute(key, train), cache.getOrCompute(key, train)]);
    expect(results).toEqual([{ accuracy: 0.98 }, { accuracy: 0.98 }, { accuracy: 0.98 }]);
    expect(trainings).toBe(1);
  });
});

describe('trainingCacheFromEnv', () => {
  it('is the batch workers\' cache when GRADER_TRAINING_CACHE is set, and none otherwise', async () => {
    const { trainingCacheFromEnv } = await import('../../grader/ml/training-cache.js');
    expect(trainingCacheFromEnv({})).toBeUndefined();
    expect(trainingCacheFromEnv({ GRADER_TRAINING_CACHE: '/tmp/x' })?.dir).toBe('/tmp/x');
  });
});
