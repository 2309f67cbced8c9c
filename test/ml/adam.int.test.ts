import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { initBackend } from '../../grader/ml/backend.js';
import { seededRandom } from '../../grader/ml/seeded-random.js';
import { WasmAdam } from '../../grader/ml/wasm-kernels/adam.js';
import { values } from './on-backend.js';

/** Fits a small dense model for `steps` batches with `optimizer`; returns its weights' values. */
function train(optimizer: tf.Optimizer, steps: number): number[][] {
  const random = seededRandom(5);
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [7], units: 5, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }), tf.layers.dense({ units: 3, kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) })] });
  model.compile({ optimizer, loss: 'meanSquaredError' });
  for (let step = 0; step < steps; step++) {
    tf.tidy(() => {
      const x = tf.tensor2d(values(16 * 7, random), [16, 7]);
      const y = tf.tensor2d(values(16 * 3, random), [16, 3]);
      optimizer.minimize(() => tf.losses.meanSquaredError(y, model.apply(x) as tf.Tensor) as tf.Scalar);
    });
  }
  const weights = model.getWeights().map((w) => [...w.dataSync()]);
  model.dispose();
  optimizer.dispose();
  return weights;
}

describe("the grader's Adam", () => {
  it.each(['wasm', 'cpu'] as const)('updates the weights to the same bits as tf.train.adam on %s', async (backend) => {
    await initBackend(backend);
    const ours = train(new WasmAdam(0.01, 0.9, 0.999), 30);
    const theirs = train(tf.train.adam(0.01), 30);
    expect(ours).toEqual(theirs);
    expect(ours.flat().some((w, i) => w !== train(tf.train.adam(0.01), 1).flat()[i])).toBe(true); // 30 steps moved them
  });

  it('leaves no tensors behind', async () => {
    await initBackend('wasm');
    const before = tf.memory().numTensors;
    train(new WasmAdam(0.01, 0.9, 0.999), 3);
    expect(tf.memory().numTensors).toBe(before);
  });
});
