/**
 * The page's Conv2DBackpropFilter for tfjs-backend-wasm (4.22 has none), made of the backend's own
 * Transpose, Conv2D and Slice: a convolution's filter gradient on wasm equals the cpu backend's,
 * for strides that do and do not divide the input, 'valid', 'same' and explicit padding, one and
 * several channels; and it leaves no tensor behind.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { addWasmFilterGradient } from '../../grader/studio/page/wasm-filter-gradient.js';
import { seededRandom } from '../../grader/ml/seeded-random.js';

type Pad = 'valid' | 'same' | [[0, 0], [number, number], [number, number], [0, 0]];
const CASES: { x: [number, number, number, number]; k: [number, number]; f: number; stride: number; pad: Pad }[] = [
  { x: [2, 9, 8, 3], k: [3, 3], f: 4, stride: 1, pad: 'valid' },
  { x: [2, 9, 8, 3], k: [3, 3], f: 4, stride: 2, pad: 'same' },
  { x: [2, 9, 8, 3], k: [3, 3], f: 4, stride: 2, pad: 'valid' }, // (9 − 3) / 2 and (8 − 3) / 2: one divides, one not
  { x: [3, 10, 7, 1], k: [5, 2], f: 2, stride: 3, pad: 'same' },
  { x: [2, 6, 6, 2], k: [3, 3], f: 3, stride: 1, pad: [[0, 0], [2, 0], [1, 1], [0, 0]] },
  { x: [5, 28, 28, 1], k: [3, 3], f: 16, stride: 2, pad: 'same' }, // the reference CNN's first layer
];

describe("the studio's wasm filter gradient", () => {
  it('equals the cpu backend’s filter gradient, and leaves no tensor behind', async () => {
    await tf.setBackend('wasm');
    expect(tf.getKernel(tf.Conv2DBackpropFilter, 'wasm')).toBeUndefined(); // what the page makes up for
    expect(addWasmFilterGradient()).toBe(true);
    expect(addWasmFilterGradient()).toBe(true); // registered once, still in use
    const random = seededRandom(5);
    const values = (n: number) => Float32Array.from({ length: n }, () => random() * 2 - 1);
    for (const { x: shape, k, f, stride, pad } of CASES) {
      const x = values(shape.reduce((a, b) => a * b));
      const w = values(k[0] * k[1] * shape[3] * f);
      // The filter's gradient of Σ conv2d(x, w)·r, r fixed, is Conv2DBackpropFilter(x, r).
      const run = () => tf.tidy(() => {
        const [xt, wt] = [tf.tensor4d(x, shape), tf.tensor4d(w, [k[0], k[1], shape[3], f])];
        const out = tf.conv2d(xt, wt, stride, pad);
        const r = tf.tensor(Float32Array.from({ length: out.size }, (_, i) => Math.sin(i)), out.shape);
        return tf.grad((v: tf.Tensor) => tf.conv2d(xt, v as tf.Tensor4D, stride, pad).mul(r).sum())(wt).dataSync();
      });
      await tf.setBackend('cpu');
      const expected = run();
      await tf.setBackend('wasm');
      const before = tf.engine().backend.numDataIds();
      const got = run();
      expect(tf.engine().backend.numDataIds(), `${JSON.stringify(pad)}: tensors left on wasm`).toBe(before);
      expect(got.length).toBe(expected.length);
      got.forEach((v, i) => expect(v, `${JSON.stringify({ shape, k, stride, pad })} at ${i}`).toBeCloseTo(expected[i], 3));
    }
  });
});
