/**
 * tfjs's "install our node backend" banner is not printed when the grader builds a student's model
 * in its own process (npm test, a release, the studio), and tfjs's other warnings still are.
 */
import { describe, expect, it, vi } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { inProcessSubmission } from '../../grader/run/in-process-submission.js';
import { RUNTIMES } from '../../grader/exercises/registry.js';
import * as cnn from '../../solutions/cnn.js';

describe("tfjs's node-backend banner", () => {
  it('is not printed when a model is built in-process; other tfjs warnings are', async () => {
    const warned: string[] = [];
    const spy = vi.spyOn(console, 'warn').mockImplementation((...m: unknown[]) => void warned.push(m.join(' ')));
    try {
      const outcome = await inProcessSubmission('t', { cnn }, RUNTIMES).get('cnn', 'buildModel', []);
      expect(outcome.kind).toBe('returned');
      expect(tf.getBackend()).toBe('cpu'); // the backend that prints the banner on its first tensor
      tf.backend_util.warn('a real warning');
    } finally {
      spy.mockRestore();
    }
    expect(warned.filter((w) => w.includes('node backend'))).toEqual([]);
    expect(warned).toContain('a real warning');
  });
});
