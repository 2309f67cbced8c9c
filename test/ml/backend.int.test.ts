import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { currentBackend, initBackend } from '../../grader/ml/backend.js';

describe('initBackend', () => {
  it('auto picks tfjs-node when it loads, else wasm with our kernels; repeated calls agree', async () => {
    const first = await initBackend('auto');
    expect(['tfjs-node-gpu', 'tfjs-node', 'wasm']).toContain(first.name);
    if (first.name === 'wasm') {
      expect(first.detail).toMatch(/^tfjs-backend-wasm 4\.\d+\.\d+, .*with the grader's kernels/);
      expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
    }
    expect(await initBackend('auto')).toBe(first);
  });

  it('switches between backends and back, and currentBackend follows', async () => {
    const wasm = await initBackend('wasm');
    expect((await initBackend('cpu')).name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(await currentBackend()).toMatchObject({ name: 'cpu' });
    expect(await initBackend('wasm')).toBe(wasm);
    await tf.setBackend('cpu');
    expect(await currentBackend()).toBe(wasm);
    expect(tf.getBackend()).toBe('wasm');
  });

  it('says why tfjs-node cannot be used when it is asked for and missing', async () => {
    const node = await initBackend('node').catch((error: Error) => error);
    if (node instanceof Error) expect(node.message).toMatch(/tfjs-node(-gpu)? (not installed|failed: )/);
    else expect(node.name).toMatch(/^tfjs-node/);
  });
});
