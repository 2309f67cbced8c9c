import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  conv2dBackward,
  conv2dForward,
  maxPool2dBackward,
  maxPool2dForward,
  type ConvLayerOptions,
  type Tensor,
} from '../../solutions/layers.js';
import * as stubs from '../../exercises/layers.js';
import * as reference from '../../solutions/layers.js';
import { exerciseModule } from '../../grader/exercises/registry.js';

/** Seeded PRNG (mulberry32), so a failure replays. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const int = (rand: () => number, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

function randomTensor(rand: () => number, shape: number[], values: () => number = () => rand() * 2 - 1): Tensor {
  const data = new Float32Array(shape.reduce((a, d) => a * d, 1));
  for (let i = 0; i < data.length; i++) data[i] = values();
  return { shape, data };
}
const toTf = (t: Tensor): tf.Tensor => tf.tensor(t.data, t.shape);
const copy = (t: Tensor): Tensor => ({ shape: [...t.shape], data: t.data.slice() });

/** One tolerance: |got − want| ≤ 1e-4 · (|want| + max|want| + 1e-3), elementwise, and equal shapes. */
function expectClose(got: Tensor, want: tf.Tensor, label: string): void {
  expect(got.shape, `${label} shape`).toEqual(want.shape);
  const w = want.dataSync();
  expect(got.data).toBeInstanceOf(Float32Array);
  expect(got.data.length, `${label} length`).toBe(w.length);
  let scale = 1e-3;
  for (const v of w) scale = Math.max(scale, Math.abs(v));
  for (let i = 0; i < w.length; i++) {
    const err = Math.abs(got.data[i] - w[i]);
    if (!(err <= 1e-4 * (Math.abs(w[i]) + scale))) {
      throw new Error(`${label}: element ${i} is ${got.data[i]}, tfjs says ${w[i]} (shape [${want.shape}])`);
    }
  }
}

interface ConvCase { x: Tensor; w: Tensor; b: Tensor; dout: Tensor; options: ConvLayerOptions }

function randomConvCase(rand: () => number): ConvCase {
  const [N, H, W, C, F] = [int(rand, 1, 3), int(rand, 1, 8), int(rand, 1, 8), int(rand, 1, 4), int(rand, 1, 4)];
  const padding = rand() < 0.5 ? 'valid' : 'same';
  const stride = int(rand, 1, 3);
  const KH = padding === 'valid' ? int(rand, 1, Math.min(4, H)) : int(rand, 1, 4);
  const KW = padding === 'valid' ? int(rand, 1, Math.min(4, W)) : int(rand, 1, 4);
  const out = (n: number, k: number) => (padding === 'valid' ? Math.floor((n - k) / stride) + 1 : Math.ceil(n / stride));
  return {
    x: randomTensor(rand, [N, H, W, C]),
    w: randomTensor(rand, [KH, KW, C, F]),
    b: randomTensor(rand, [F]),
    dout: randomTensor(rand, [N, out(H, KH), out(W, KW), F]),
    options: { stride, padding },
  };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('conv2dForward', () => {
  it('is a cross-correlation plus bias (worked example: no flip)', () => {
    const x = { shape: [1, 3, 3, 1], data: Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]) };
    const w = { shape: [2, 2, 1, 1], data: Float32Array.from([1, 0, 0, -1]) };
    const b = { shape: [1], data: Float32Array.from([0.5]) };
    const y = conv2dForward(x, w, b, { stride: 1, padding: 'valid' });
    expect(y.shape).toEqual([1, 2, 2, 1]);
    expect(Array.from(y.data)).toEqual([-3.5, -3.5, -3.5, -3.5]); // x[i][j] − x[i+1][j+1] + 0.5
    const same = conv2dForward(x, w, b, { stride: 2, padding: 'same' }); // pad 1 at the bottom/right only
    expect(same.shape).toEqual([1, 2, 2, 1]);
    expect(Array.from(same.data)).toEqual([-3.5, 3.5, 7.5, 9.5]);
  });

  it('matches tf.conv2d + bias on 150 random shapes, strides and paddings', () => {
    const rand = prng(20240501);
    for (let t = 0; t < 150; t++) {
      const c = randomConvCase(rand);
      const label = `case ${t} x[${c.x.shape}] w[${c.w.shape}] ${JSON.stringify(c.options)}`;
      tf.tidy(() => {
        const want = tf.add(tf.conv2d(toTf(c.x) as tf.Tensor4D, toTf(c.w) as tf.Tensor4D, c.options.stride, c.options.padding), toTf(c.b));
        expectClose(conv2dForward(c.x, c.w, c.b, c.options), want, label);
      });
    }
  });
});

describe('conv2dBackward', () => {
  it('matches tf.grads of sum(dout · (conv2d + bias)) on 150 random cases', () => {
    const rand = prng(7);
    for (let t = 0; t < 150; t++) {
      const c = randomConvCase(rand);
      const label = `case ${t} x[${c.x.shape}] w[${c.w.shape}] ${JSON.stringify(c.options)}`;
      tf.tidy(() => {
        const dout = toTf(c.dout);
        const loss = (x: tf.Tensor, w: tf.Tensor, b: tf.Tensor) =>
          tf.sum(tf.mul(dout, tf.add(tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, c.options.stride, c.options.padding), b)));
        const [dx, dw, db] = tf.grads(loss)([toTf(c.x), toTf(c.w), toTf(c.b)]);
        const got = conv2dBackward(c.dout, c.x, c.w, c.options);
        expectClose(got.dx, dx, `${label} dx`);
        expectClose(got.dw, dw, `${label} dw`);
        expectClose(got.db, db, `${label} db`);
      });
    }
  });

  it('agrees with central finite differences in float64 (dyadic inputs, so every sum is exact)', () => {
    const rand = prng(99);
    const dyadic = () => int(rand, -16, 16) / 8;
    for (const options of [
      { stride: 1, padding: 'valid' },
      { stride: 2, padding: 'same' },
      { stride: 1, padding: 'same' },
      { stride: 3, padding: 'same' },
    ] as ConvLayerOptions[]) {
      const x = randomTensor(rand, [2, 5, 4, 2], dyadic);
      const w = randomTensor(rand, [3, 2, 2, 3], dyadic);
      const b = randomTensor(rand, [3], dyadic);
      const y = conv2dForward(x, w, b, options);
      const dout = randomTensor(rand, y.shape, dyadic);
      const loss = (xx: Tensor, ww: Tensor, bb: Tensor): number => {
        const out = conv2dForward(xx, ww, bb, options).data;
        let s = 0;
        for (let i = 0; i < out.length; i++) s += dout.data[i] * out[i];
        return s;
      };
      const { dx, dw, db } = conv2dBackward(dout, x, w, options);
      const eps = 0.25;
      const numeric = (which: 0 | 1 | 2, i: number): number => {
        const args = [copy(x), copy(w), copy(b)] as [Tensor, Tensor, Tensor];
        args[which].data[i] += eps;
        const up = loss(...args);
        args[which].data[i] -= 2 * eps;
        return (up - loss(...args)) / (2 * eps);
      };
      [dx, dw, db].forEach((grad, which) => {
        for (let i = 0; i < grad.data.length; i++) {
          expect(grad.data[i], `${JSON.stringify(options)} ${['dx', 'dw', 'db'][which]}[${i}]`).toBeCloseTo(numeric(which as 0 | 1 | 2, i), 9);
        }
      });
    }
  });
});

describe('maxPool2dForward and maxPool2dBackward', () => {
  it('match tf.maxPool and its gradient on 150 random cases', () => {
    const rand = prng(31337);
    for (let t = 0; t < 150; t++) {
      const [N, H, W, C] = [int(rand, 1, 3), int(rand, 1, 8), int(rand, 1, 8), int(rand, 1, 4)];
      const size = int(rand, 1, Math.min(4, H, W));
      const stride = int(rand, 1, 3);
      // Every other case draws from {0, 1, 2}, so windows hold ties: tfjs's cpu backend also gives the first maximum the gradient.
      const values = t % 2 === 0 ? undefined : () => int(rand, 0, 2);
      const x = randomTensor(rand, [N, H, W, C], values);
      const y = maxPool2dForward(x, { size, stride });
      const dout = randomTensor(rand, y.shape);
      const label = `case ${t} x[${x.shape}] size ${size} stride ${stride}`;
      tf.tidy(() => {
        const pool = (a: tf.Tensor) => tf.maxPool(a as tf.Tensor4D, size, stride, 'valid');
        expectClose(y, pool(toTf(x)), label);
        const dx = tf.grad((a: tf.Tensor) => tf.sum(tf.mul(toTf(dout), pool(a))))(toTf(x));
        expectClose(maxPool2dBackward(dout, x, { size, stride }), dx, `${label} dx`);
      });
    }
  });

  it('gives a tied window’s gradient to its first maximum in row-major order', () => {
    const x = { shape: [1, 4, 4, 1], data: Float32Array.from([1, 1, 1, 1, 2, 2, 0, 2, 3, 3, 3, 3, 5, 5, 5, 5]) };
    const options = { size: 2, stride: 1 };
    const dout = { shape: [1, 3, 3, 1], data: new Float32Array(9).fill(1) };
    expect(Array.from(maxPool2dForward(x, options).data)).toEqual([2, 2, 2, 3, 3, 3, 5, 5, 5]);
    expect(Array.from(maxPool2dBackward(dout, x, options).data)).toEqual([0, 0, 0, 0, 1, 1, 0, 1, 1, 1, 1, 0, 1, 1, 1, 0]);
    const flat = { shape: [1, 4, 4, 1], data: new Float32Array(16).fill(7) };
    const d2 = { shape: [1, 2, 2, 1], data: Float32Array.from([1, 2, 3, 4]) };
    expect(Array.from(maxPool2dBackward(d2, flat, { size: 2, stride: 2 }).data)).toEqual([1, 0, 2, 0, 0, 0, 0, 0, 3, 0, 4, 0, 0, 0, 0, 0]);
  });

  it('adds up the gradient of an input that wins overlapping windows', () => {
    const x = { shape: [1, 2, 3, 1], data: Float32Array.from([0, 9, 0, 1, 1, 1]) };
    const dout = { shape: [1, 1, 2, 1], data: Float32Array.from([2, 3]) };
    expect(Array.from(maxPool2dBackward(dout, x, { size: 2, stride: 1 }).data)).toEqual([0, 5, 0, 0, 0, 0]);
  });
});

describe('invalid input', () => {
  const t = (shape: number[]): Tensor => ({ shape, data: new Float32Array(shape.reduce((a, d) => a * d, 1)) });
  const x = t([1, 4, 4, 2]);
  const w = t([3, 3, 2, 5]);
  const b = t([5]);
  const ok: ConvLayerOptions = { stride: 1, padding: 'valid' };

  it.each([
    ['x of rank 3', () => conv2dForward(t([4, 4, 2]), w, b, ok), /\bx\b.*rank 4/],
    ['w of rank 3', () => conv2dForward(x, t([3, 3, 2]), b, ok), /\bw\b.*rank 4/],
    ['b of rank 2', () => conv2dForward(x, w, t([1, 5]), ok), /\bb\b.*rank 1/],
    ['b of the wrong length', () => conv2dForward(x, w, t([4]), ok), /\bb\b/],
    ['mismatched channels', () => conv2dForward(x, t([3, 3, 3, 5]), b, ok), /\bw\b.*channels/],
    ['data length ≠ product of shape', () => conv2dForward({ shape: [1, 4, 4, 2], data: new Float32Array(31) }, w, b, ok), /\bx\b.*31/],
    ['a zero dimension', () => conv2dForward(t([1, 0, 4, 2]), w, b, ok), /\bx\b/],
    ['a non-integer dimension', () => conv2dForward({ shape: [1, 2.5, 4, 2], data: new Float32Array(20) }, w, b, ok), /\bx\b/],
    ['stride 0', () => conv2dForward(x, w, b, { stride: 0, padding: 'valid' }), /options\.stride/],
    ['stride 1.5', () => conv2dForward(x, w, b, { stride: 1.5, padding: 'same' }), /options\.stride/],
    ['stride NaN', () => conv2dForward(x, w, b, { stride: NaN, padding: 'same' }), /options\.stride/],
    ['unknown padding', () => conv2dForward(x, w, b, { stride: 1, padding: 'full' as 'same' }), /options\.padding/],
    ["'valid' kernel larger than x", () => conv2dForward(x, t([5, 1, 2, 5]), b, ok), /\bw\b.*larger/],
    ['dout of the wrong shape', () => conv2dBackward(t([1, 2, 2, 4]), x, w, ok), /\bdout\b/],
    ['backward with mismatched channels', () => conv2dBackward(t([1, 2, 2, 5]), x, t([3, 3, 1, 5]), ok), /\bw\b/],
    ['pool x of rank 2', () => maxPool2dForward(t([4, 4]), { size: 2, stride: 2 }), /\bx\b.*rank 4/],
    ['pool size 0', () => maxPool2dForward(x, { size: 0, stride: 2 }), /options\.size/],
    ['pool stride -1', () => maxPool2dForward(x, { size: 2, stride: -1 }), /options\.stride/],
    ['pool window larger than x', () => maxPool2dForward(x, { size: 5, stride: 1 }), /options\.size/],
    ['pool dout of the wrong shape', () => maxPool2dBackward(t([1, 3, 3, 2]), x, { size: 2, stride: 2 }), /\bdout\b/],
  ])('%s throws an Error naming the argument', (_name, call, message) => {
    expect(call).toThrow(Error);
    expect(call).toThrow(message);
  });
});

describe('inputs are never mutated', () => {
  it('leaves x, w, b, dout and options as they were', () => {
    const rand = prng(5);
    for (let i = 0; i < 10; i++) {
      const c = randomConvCase(rand);
      const before = [c.x, c.w, c.b, c.dout].map(copy);
      const options = Object.freeze({ ...c.options });
      conv2dForward(c.x, c.w, c.b, options);
      conv2dBackward(c.dout, c.x, c.w, options);
      const size = Math.min(2, c.x.shape[1], c.x.shape[2]);
      const pooled = maxPool2dForward(c.x, Object.freeze({ size, stride: 1 }));
      const pd = copy(pooled);
      maxPool2dBackward(pooled, c.x, Object.freeze({ size, stride: 1 }));
      expect([c.x, c.w, c.b, c.dout]).toEqual(before);
      expect(pooled).toEqual(pd);
    }
  });
});

describe('the stub and the reference', () => {
  it('export the contract names; the stubs throw "not implemented: <name>"', () => {
    for (const mod of [stubs, reference]) expect(Object.keys(mod).sort()).toEqual([...exerciseModule('layers').exports].sort());
    for (const name of exerciseModule('layers').exports) {
      expect(() => (stubs as unknown as Record<string, () => unknown>)[name](), name).toThrow(`not implemented: ${name}`);
    }
  });

  it("the stubs' worked examples hold for the reference", () => {
    const tensor = (shape: number[], values: number[]): Tensor => ({ shape, data: Float32Array.from(values) });
    const x = tensor([1, 1, 3, 1], [1, 2, 3]);
    const w = tensor([1, 2, 1, 1], [1, -1]);
    const options: ConvLayerOptions = { stride: 1, padding: 'valid' };
    expect(Array.from(conv2dForward(x, w, tensor([1], [0]), options).data)).toEqual([-1, -1]);
    const { dx, dw, db } = conv2dBackward(tensor([1, 1, 2, 1], [1, 10]), x, w, options);
    expect([Array.from(dx.data), Array.from(dw.data), Array.from(db.data)]).toEqual([[1, 9, -10], [21, 32], [11]]);
    const px = tensor([1, 4, 4, 1], [1, 3, 2, 0, 4, 2, 1, 5, 0, 1, 6, 2, 3, 2, 1, 1]);
    const pool = { size: 2, stride: 2 };
    expect(Array.from(maxPool2dForward(px, pool).data)).toEqual([4, 5, 3, 6]);
    expect(Array.from(maxPool2dBackward(tensor([1, 2, 2, 1], [10, 20, 30, 40]), px, pool).data)).toEqual([
      0, 0, 0, 0, 10, 0, 0, 20, 0, 0, 40, 0, 30, 0, 0, 0,
    ]);
  });
});
