/**
 * The browser's Conv2DBackpropFilter for tfjs-backend-wasm (the page trains on wasm when WebGL
 * cannot) against tfjs's cpu backend, with strides and both paddings.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { registerWasmFilterGradient } from '../../grader/studio/page/wasm-filter-gradient.js';
import { seededRandom } from '../../grader/ml/seeded-random.js';

describe("the studio's wasm filter gradient", () => {
  it('equals the cpu backend’s, strides and paddings included', async () => {
    const random = seededRandom(5);
    const values = (n: number) => Float32Array.from({ length: n }, () => random() * 2 - 1);
    for (const [stride, pad] of [[1, 'valid'], [2, 'same'], [1, 'same']] as const) {
      const x = values(2 * 9 * 8 * 3);
      const outSize = (n: number) => (pad === 'valid' ? Math.floor((n - 3) / stride) + 1 : Math.ceil(n / stride));
      const dy = values(2 * outSize(9) * outSize(8) * 4);
      const w = values(3 * 3 * 3 * 4);
      // The filter's gradient of Σ conv2d(x, w)·dy is Conv2DBackpropFilter(x, dy).
      const run = () => tf.tidy(() => {
        const [xt, dyt] = [tf.tensor4d(x, [2, 9, 8, 3]), tf.tensor4d(dy, [2, outSize(9), outSize(8), 4])];
        return tf.grad((wt: tf.Tensor) => tf.conv2d(xt, wt as tf.Tensor4D, stride, pad).mul(dyt).sum())(tf.tensor4d(w, [3, 3, 3, 4])).dataSync();
      });
      await tf.setBackend('cpu');
      const expected = run();
      await tf.setBackend('wasm');
      registerWasmFilterGradient();
      const got = run();
      expect(got.length).toBe(expected.length);
      got.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 4));
    }
  });
});
