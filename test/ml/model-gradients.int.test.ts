import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { rebuildModel } from '../../grader/ml/train.js';
import { seededRandom } from '../../grader/ml/seeded-random.js';
import { maxRelativeError, onBackend, values } from './on-backend.js';
import { MODELS, topologyOf } from './topologies.js';

/**
 * Every kind of layer a student's CNN may use trains on wasm: the gradient of the loss with
 * respect to every weight equals the cpu backend's, from the same seeded initial weights.
 */
describe('a training step on wasm computes the same gradients as cpu', () => {
  it.each(Object.keys(MODELS))('%s', async (name) => {
    const topology = topologyOf(MODELS[name]);
    const random = seededRandom(name.length);
    const x = values(4 * 784, random).map((v) => (v + 1) / 2);
    const y = tf.tidy(() => tf.oneHot([0, 3, 5, 9], 10).dataSync() as Float32Array);
    const gradients = () => {
      const model = rebuildModel(topology, { maxParameters: 1e6 }, { seed: 42 });
      const { grads } = tf.variableGrads(() => {
        const predicted = model.apply(tf.tensor4d(x, [4, 28, 28, 1]), { training: true }) as tf.Tensor;
        return tf.metrics.categoricalCrossentropy(tf.tensor2d(y, [4, 10]), predicted).mean() as tf.Scalar;
      });
      const ordered = model.trainableWeights.map((w) => grads[w.originalName] ?? grads[w.name]);
      model.dispose();
      return ordered;
    };
    const [wasm, cpu] = [await onBackend('wasm', gradients), await onBackend('cpu', gradients)];
    expect(wasm).toHaveLength(cpu.length);
    wasm.forEach((g, i) => expect(maxRelativeError(g, cpu[i]), `weight ${i}`).toBeLessThan(1e-4));
  });
});
