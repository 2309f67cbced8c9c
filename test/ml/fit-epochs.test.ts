import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { loadMnist, PIXELS } from '../../datasets/mnist.js';
import { fitEpochs } from '../../grader/ml/fit-epochs.js';
import { permutation, seededRandom } from '../../grader/ml/seeded-random.js';
import { onTrainingProgress, type BatchProgress } from '../../grader/ml/progress.js';

describe('fitEpochs', () => {
  it('trains on exactly the batches the float32 dataset gave: the shuffled digits, level / 255, one-hot labels', async () => {
    const { train } = await loadMnist({ trainLimit: 300, testLimit: 1 });
    // The float32 images the loader held before it kept bytes, converted as it did.
    const floats = new Float32Array(train.pixels.length);
    for (let i = 0; i < floats.length; i++) floats[i] = train.pixels[i] / 255;
    const batches: { x: Float32Array; y: Float32Array }[] = [];
    const model = {
      trainOnBatch: async (xs: tf.Tensor, ys: tf.Tensor) => {
        // Copied: the cpu backend keeps the caller's array, which the next batch overwrites.
        batches.push({ x: Float32Array.from(xs.dataSync()), y: Float32Array.from(ys.dataSync()) });
        return [1, 0.5];
      },
    } as unknown as tf.LayersModel;
    await fitEpochs(model, train, { epochs: 2, batchSize: 128, maxSeconds: Infinity, random: seededRandom(3), network: 'test' });

    const random = seededRandom(3);
    const expected = [1, 2].flatMap(() => {
      const order = Array.from(permutation(train.count, random));
      return [0, 128, 256].map((start) => order.slice(start, start + 128));
    });
    expect(batches.map((b) => b.x.length / PIXELS)).toEqual([128, 128, 44, 128, 128, 44]);
    batches.forEach(({ x, y }, b) => {
      const digits = expected[b];
      const want = new Float32Array(digits.length * PIXELS);
      digits.forEach((d, i) => want.set(floats.subarray(d * PIXELS, (d + 1) * PIXELS), i * PIXELS));
      expect(Buffer.from(x.buffer, x.byteOffset, x.byteLength).equals(Buffer.from(want.buffer))).toBe(true);
      expect(digits.map((_, i) => y.subarray(i * 10, (i + 1) * 10).indexOf(1))).toEqual(digits.map((d) => train.labels[d]));
      expect(y.reduce((a, v) => a + v, 0)).toBe(digits.length);
    });
  });

  it("logs each batch's loss and accuracy in its epoch and reports every batch to the progress listener", async () => {
    const { train } = await loadMnist({ trainLimit: 300, testLimit: 1 });
    let step = 0;
    const model = { trainOnBatch: async () => [1 / ++step, step / 10] } as unknown as tf.LayersModel;
    const seen: BatchProgress[] = [];
    const stop = onTrainingProgress((p) => seen.push(p));
    const fit = await fitEpochs(model, train, { epochs: 2, batchSize: 128, maxSeconds: Infinity, random: seededRandom(3), network: 'your model' }).finally(stop);
    expect(fit.epochs.map((e) => e.batches)).toEqual([
      { loss: [1, 0.5, 0.33333], accuracy: [0.1, 0.2, 0.3] },
      { loss: [0.25, 0.2, 0.16667], accuracy: [0.4, 0.5, 0.6] },
    ]);
    expect(seen[1].epochLoss).toBeCloseTo((1 * 128 + 0.5 * 128) / 256, 12);
    expect(seen.map((p) => [p.network, p.epoch, p.epochs, p.batch, p.batches, p.loss])).toEqual([
      ['your model', 1, 2, 1, 3, 1], ['your model', 1, 2, 2, 3, 0.5], ['your model', 1, 2, 3, 3, 1 / 3],
      ['your model', 2, 2, 1, 3, 0.25], ['your model', 2, 2, 2, 3, 0.2], ['your model', 2, 2, 3, 3, 1 / 6],
    ]);
    // Nobody listens once stopped.
    await fitEpochs(model, train, { epochs: 1, batchSize: 300, maxSeconds: Infinity, random: seededRandom(3), network: 'x' });
    expect(seen).toHaveLength(6);
  });
});
