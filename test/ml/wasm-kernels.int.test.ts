import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../grader/ml/seeded-random.js';
import { maxRelativeError, onBackend, values } from './on-backend.js';

/**
 * Every kernel the grader registers on wasm, against the cpu backend's on the same random inputs:
 * strides 1 and 2, 'valid' and 'same' padding, three random shapes each.
 */
type Pad = 'valid' | 'same';
interface Case { stride: number; pad: Pad; seed: number }

const cases: Case[] = [1, 2].flatMap((stride) =>
  (['valid', 'same'] as const).flatMap((pad) => [1, 2, 3].map((k) => ({ stride, pad, seed: stride * 100 + (pad === 'same' ? 10 : 0) + k }))));

const name = ({ stride, pad, seed }: Case) => `stride ${stride}, ${pad} (seed ${seed})`;
const int = (random: () => number, lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

/** Runs `kernel` on both backends with the same named inputs and attributes; returns the worst error. */
async function compare(kernel: string, inputs: Record<string, { shape: number[]; data: Float32Array }>, attrs: object): Promise<number> {
  const run = () => {
    const tensors: tf.NamedTensorMap = {};
    for (const [key, { shape, data }] of Object.entries(inputs)) tensors[key] = tf.tensor(data, shape);
    return tf.engine().runKernel(kernel, tensors, attrs as tf.NamedAttrMap) as tf.Tensor;
  };
  const [[wasm], [cpu]] = [await onBackend('wasm', run), await onBackend('cpu', run)];
  return maxRelativeError(wasm, cpu);
}

/** A random convolution: x [N,H,W,C], filter [KH,KW,C,F], and dy of the output's shape. */
function convolution({ stride, pad, seed }: Case, depthwise = false, channels: [number, number] = [1, 4], filters: [number, number] = [1, 3]) {
  const random = seededRandom(seed);
  const [n, h, w, c] = [int(random, 1, 3), int(random, 4, 9), int(random, 4, 9), int(random, ...channels)];
  const filterShape: [number, number, number, number] = [int(random, 1, Math.min(4, h)), int(random, 1, Math.min(4, w)), c, int(random, ...filters)];
  const xShape: [number, number, number, number] = [n, h, w, c];
  const info = tf.backend_util.computeConv2DInfo(xShape, filterShape, stride, 1, pad, undefined, depthwise);
  const tensor = (shape: number[]) => ({ shape, data: values(shape.reduce((a, b) => a * b, 1), random) });
  return { xShape, filterShape, x: tensor(xShape), filter: tensor(filterShape), dy: tensor(info.outShape) };
}

describe('wasm gradient kernels agree with cpu to 1e-4', () => {
  // The SIMD kernel works in tiles of 4 channels × 8 filters, then 1 × 8, then single floats:
  // these shapes reach each kind of tile, alone and together.
  it.each(cases)('Conv2DBackpropFilter, few channels, %s', async (c) => {
    const { x, dy, filterShape } = convolution(c);
    expect(await compare('Conv2DBackpropFilter', { x, dy }, { strides: c.stride, pad: c.pad, dataFormat: 'NHWC', filterShape })).toBeLessThan(1e-4);
  });

  it.each(cases)('Conv2DBackpropFilter, many channels, %s', async (c) => {
    const { x, dy, filterShape } = convolution(c, false, [5, 8]);
    expect(await compare('Conv2DBackpropFilter', { x, dy }, { strides: c.stride, pad: c.pad, dataFormat: 'NHWC', filterShape })).toBeLessThan(1e-4);
  });

  it.each(cases)('Conv2DBackpropFilter, many channels and filters, %s', async (c) => {
    const { x, dy, filterShape } = convolution(c, false, [1, 13], [7, 20]);
    expect(await compare('Conv2DBackpropFilter', { x, dy }, { strides: c.stride, pad: c.pad, dataFormat: 'NHWC', filterShape })).toBeLessThan(1e-4);
  });

  it.each(cases)('Conv2D, %s', async (c) => {
    const { x, filter } = convolution(c, false, [1, 13], [1, 20]);
    expect(await compare('Conv2D', { x, filter }, { strides: c.stride, pad: c.pad, dataFormat: 'NHWC', dilations: 1 })).toBeLessThan(1e-4);
  });

  it.each(cases)('Conv2D, dilated, %s', async (c) => {
    const { x, filter } = convolution({ ...c, stride: 1 }, false, [1, 9], [6, 17]);
    const dilations = c.stride + 1;
    const [kh, kw] = filter.shape;
    const [, h, w] = x.shape;
    if ((kh - 1) * dilations >= h || (kw - 1) * dilations >= w) return; // no output at all
    expect(await compare('Conv2D', { x, filter }, { strides: 1, pad: c.pad, dataFormat: 'NHWC', dilations })).toBeLessThan(1e-4);
  });

  it.each(cases)('Conv2DBackpropInput, many channels and filters, %s', async (c) => {
    const { dy, filter, xShape } = convolution(c, false, [1, 13], [7, 20]);
    expect(await compare('Conv2DBackpropInput', { dy, filter }, { strides: c.stride, pad: c.pad, dataFormat: 'NHWC', inputShape: xShape })).toBeLessThan(1e-4);
  });

  it.each(cases)('Conv2DBackpropInput, %s', async (c) => {
    const { dy, filter, xShape } = convolution(c);
    expect(await compare('Conv2DBackpropInput', { dy, filter }, { strides: c.stride, pad: c.pad, dataFormat: 'NHWC', inputShape: xShape })).toBeLessThan(1e-4);
  });

  it.each(cases)('DepthwiseConv2dNativeBackpropFilter, %s', async (c) => {
    const { x, dy, filterShape } = convolution(c, true);
    expect(await compare('DepthwiseConv2dNativeBackpropFilter', { x, dy }, { strides: c.stride, pad: c.pad, dilations: 1, filterShape })).toBeLessThan(1e-4);
  });

  it.each(cases)('DepthwiseConv2dNativeBackpropInput, %s', async (c) => {
    const { dy, filter, xShape } = convolution(c, true);
    expect(await compare('DepthwiseConv2dNativeBackpropInput', { dy, filter }, { strides: c.stride, pad: c.pad, dilations: 1, inputShape: xShape })).toBeLessThan(1e-4);
  });

  // Half the cases have many ties (values 0, 1, 2, as after a ReLU): the first maximum wins.
  it.each(cases)('MaxPoolGrad, %s', async (c) => {
    const random = seededRandom(c.seed);
    // Four channels at a time, then one at a time: up to 9 reaches both.
    const [n, h, w, ch] = [int(random, 1, 3), int(random, 3, 9), int(random, 3, 9), int(random, 1, 9)];
    const size = int(random, 2, 3);
    const ties = c.seed % 2 === 0;
    const input = { shape: [n, h, w, ch], data: values(n * h * w * ch, random).map((v) => (ties ? Math.round(v + 1) : v)) };
    const attrs = { filterSize: size, strides: c.stride, pad: c.pad };
    const info = tf.backend_util.computePool2DInfo([n, h, w, ch], size, c.stride, 1, c.pad);
    const dy = { shape: info.outShape, data: values(info.outShape.reduce((a, b) => a * b, 1), random) };
    // The forward output is an input of the gradient; both backends compute it the same way.
    const output = { shape: info.outShape, data: (await onBackend('cpu', () => tf.maxPool(tf.tensor4d(input.data, [n, h, w, ch]), size, c.stride, c.pad)))[0] };
    expect(await compare('MaxPoolGrad', { dy, input, output }, attrs)).toBeLessThan(1e-4);
  });

  it.each([[false, false], [true, false], [false, true], [true, true]])('BatchMatMul, transposeA %s, transposeB %s', async (transposeA, transposeB) => {
    const random = seededRandom(transposeA ? 1 : 2 + (transposeB ? 4 : 0));
    const [batch, m, k, n] = [int(random, 1, 3), int(random, 1, 20), int(random, 1, 20), int(random, 1, 20)];
    const a = { shape: transposeA ? [batch, k, m] : [batch, m, k], data: values(batch * m * k, random) };
    const b = { shape: transposeB ? [batch, n, k] : [batch, k, n], data: values(batch * k * n, random) };
    expect(await compare('BatchMatMul', { a, b }, { transposeA, transposeB })).toBeLessThan(1e-4);
  });
});

describe('Sum on wasm agrees with cpu', () => {
  // All axes but the channels (a bias's gradient) take the grader's loop; the rest, the backend's.
  it.each([
    [[7, 5, 4, 3], [0, 1, 2], false],
    [[7, 5, 4, 3], [2, 0, 1], true],
    [[50, 9], [0], false],
    [[3, 50, 9], [0, 1], false], // rows past a block of 64, channels past a vector of 4
    [[1000, 32], [0], false],
    [[7, 5, 4, 3], [1, 2], false],
    [[7, 5, 4, 3], [3], true],
    [[6, 4], [-1], false],
  ])('shape %j, axes %j, keepDims %s', async (shape, axis, keepDims) => {
    const random = seededRandom(shape.length * 10 + axis.length);
    const x = { shape, data: values(shape.reduce((a, b) => a * b, 1), random) };
    expect(await compare('Sum', { x }, { axis, keepDims })).toBeLessThan(1e-5);
  });

  it('sums int32 tensors with the backend\'s kernel', async () => {
    const run = () => tf.sum(tf.tensor([[1, 2], [3, 4]], [2, 2], 'int32'), 0);
    expect(await onBackend('wasm', run)).toEqual(await onBackend('cpu', run));
  });
});

describe('Add on wasm agrees with cpu', () => {
  // A bias ([C] or [1,…,C]) takes our kernel; every other shape, dtype or order the backend's.
  it.each([
    [[7, 5, 4, 9], [9]],
    [[7, 5, 4, 9], [1, 1, 1, 9]],
    [[3, 6], [6]],
    [[3, 6], [3, 6]],
    [[6], [6]],
    [[7, 5, 4, 9], [4, 9]],
    [[9], [7, 5, 4, 9]],
  ])('a %j + b %j', async (aShape, bShape) => {
    const random = seededRandom(aShape.length * 10 + bShape.length);
    const tensor = (shape: number[]) => ({ shape, data: values(shape.reduce((x, y) => x * y, 1), random) });
    expect(await compare('Add', { a: tensor(aShape), b: tensor(bShape) }, {})).toBe(0);
  });

  it('adds int32 tensors with the backend\'s kernel', async () => {
    const run = () => tf.add(tf.tensor([[1, 2], [3, 4]], [2, 2], 'int32'), tf.tensor([10, 20], [2], 'int32'));
    expect(await onBackend('wasm', run)).toEqual(await onBackend('cpu', run));
  });
});

describe("ReLU's gradient on wasm agrees with cpu", () => {
  it('is dy where x > 0, 0 where x ≤ 0 (−0 and 0 too), NaN where x is NaN', async () => {
    const x = [0.5, -1, 0, -0, NaN, 3, -2, 1e-30, 7, -7, 0.25];
    const dy = [1, 2, 3, 4, 5, -6, 7, 8, Infinity, Infinity, -1];
    const run = () => tf.grad((t: tf.Tensor) => tf.relu(t))(tf.tensor(x), tf.tensor(dy));
    const [[wasm], [cpu]] = [await onBackend('wasm', run), await onBackend('cpu', run)];
    expect([...wasm]).toEqual([...cpu]);
  });
});

describe('Identity on wasm', () => {
  it('shares the data: a clone outlives its source, and freeing both frees it', async () => {
    const [clone] = await onBackend('wasm', () => {
      const x = tf.tensor([1.5, -2, 3]);
      const y = tf.clone(x);
      x.dispose();
      return y;
    });
    expect([...clone]).toEqual([1.5, -2, 3]);
    const before = tf.memory().numBytes;
    tf.tidy(() => {
      tf.clone(tf.ones([1000]));
    });
    expect(tf.memory().numBytes).toBe(before);
  });
});

describe('Tile on wasm agrees with cpu', () => {
  it.each([
    [[16], [3]],
    [[1, 1, 1, 16], [4, 5, 6, 1]],
    [[2, 3], [1, 1]],
    [[2, 1, 3], [2, 3, 1]],
    [[3, 2, 1, 2], [1, 2, 3, 2]],
  ])('shape %j, reps %j', async (shape, reps) => {
    const random = seededRandom(shape.length * 10 + reps[0]);
    const x = { shape, data: values(shape.reduce((a, b) => a * b, 1), random) };
    expect(await compare('Tile', { x }, { reps })).toBe(0);
  });

  it('tiles int32 and bool tensors too', async () => {
    const run = (dtype: 'int32' | 'bool') => () => tf.tile(tf.tensor([1, 0, 3, 1], [2, 2], dtype), [2, 3]);
    for (const dtype of ['int32', 'bool'] as const) {
      expect(await onBackend('wasm', run(dtype))).toEqual(await onBackend('cpu', run(dtype)));
    }
  });
});

describe('wasm kernels refuse what they cannot do', () => {
  it('names the kernel and the unsupported option', async () => {
    const x = { shape: [1, 5, 5, 1], data: new Float32Array(25) };
    const dy = { shape: [1, 3, 3, 1], data: new Float32Array(9) };
    await expect(compare('DepthwiseConv2dNativeBackpropFilter', { x, dy }, { strides: 1, pad: 'valid', dilations: 2, filterShape: [2, 2, 1, 1] }))
      .rejects.toThrow('DepthwiseConv2dNativeBackpropFilter on wasm: dilations > 1 are not supported');
  });
});
