import fc from 'fast-check';
import type { ConvLayerOptions, PoolOptions, Tensor } from '../../core/contract.js';

/**
 * Tensor arbitraries for the layer checks. Values are multiples of 1/8 in [-4, 4] unless told
 * otherwise: every product and every sum a small layer computes is then exact in float32, in any
 * order, so a correct implementation that accumulates in float32 agrees with the reference
 * exactly, and a shrunk counterexample reads like [0.5, -1, 0].
 */
export const eighth = fc.integer({ min: -32, max: 32 }).map((n) => n / 8);
/** Small integers for the algebraic properties (linearity): exact, and readable. */
export const smallInteger = fc.integer({ min: -5, max: 5 });

/** A plain tensor, as it crosses the process boundary. */
export function tensor(shape: number[], data: ArrayLike<number>): Tensor {
  return { shape: [...shape], data: Float32Array.from(data) };
}

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, d) => a * d, 1);
}

/** A tensor of `shape` whose values come from `value`. */
export function tensorOf(shape: number[], value: fc.Arbitrary<number> = eighth): fc.Arbitrary<Tensor> {
  const n = sizeOf(shape);
  return fc.array(value, { minLength: n, maxLength: n }).map((data) => tensor(shape, data));
}

/** Output length along one axis by TensorFlow's rule: 'valid' floor((n − k)/s) + 1, 'same' ceil(n/s). */
export function convOutputLength(n: number, k: number, s: number, padding: 'valid' | 'same'): number {
  return padding === 'same' ? Math.ceil(n / s) : Math.floor((n - k) / s) + 1;
}

/** Everything one call of the convolutional layer needs, with a `dout` of the output's shape. */
export interface ConvCase {
  x: Tensor;
  w: Tensor;
  b: Tensor;
  dout: Tensor;
  options: ConvLayerOptions;
}

export interface ConvLimits {
  batch: [number, number];
  size: [number, number];
  channels: [number, number];
  filters: [number, number];
  kernel: [number, number];
  stride: [number, number];
}
/** The brief's ranges: N 1–2, H, W 1–7, C, F 1–3, KH, KW 1–4, strides 1–3. */
export const CONV_LIMITS: ConvLimits = { batch: [1, 2], size: [1, 7], channels: [1, 3], filters: [1, 3], kernel: [1, 4], stride: [1, 3] };

const range = ([min, max]: [number, number]) => fc.integer({ min, max });

/** The shapes of a conv case: a 'valid' kernel is clamped to fit the image (shrinks well, no filter). */
export function convShapes(limits: ConvLimits = CONV_LIMITS) {
  return fc
    .record({
      N: range(limits.batch),
      H: range(limits.size),
      W: range(limits.size),
      C: range(limits.channels),
      F: range(limits.filters),
      KH: range(limits.kernel),
      KW: range(limits.kernel),
      stride: range(limits.stride),
      padding: fc.constantFrom<'valid' | 'same'>('valid', 'same'),
    })
    .map((d) => {
      const KH = d.padding === 'valid' ? Math.min(d.KH, d.H) : d.KH;
      const KW = d.padding === 'valid' ? Math.min(d.KW, d.W) : d.KW;
      const OH = convOutputLength(d.H, KH, d.stride, d.padding);
      const OW = convOutputLength(d.W, KW, d.stride, d.padding);
      return { ...d, KH, KW, OH, OW };
    });
}

/** A random conv case within `limits`, values from `value` (and `doutValue` for the gradient). */
export function convCase(limits: ConvLimits = CONV_LIMITS, value = eighth, doutValue = value): fc.Arbitrary<ConvCase> {
  return convShapes(limits).chain(({ N, H, W, C, F, KH, KW, OH, OW, stride, padding }) =>
    fc.record({
      x: tensorOf([N, H, W, C], value),
      w: tensorOf([KH, KW, C, F], value),
      b: tensorOf([F], value),
      dout: tensorOf([N, OH, OW, F], doutValue),
      options: fc.constant<ConvLayerOptions>({ stride, padding }),
    }),
  );
}

export interface PoolCase {
  x: Tensor;
  dout: Tensor;
  options: PoolOptions;
}

/**
 * Where a pooling case's inputs sit: mostly as drawn; sometimes every value far below zero (about
 * −1e6 or −1e9, so a running maximum that starts at 0 or at −99999 is found out) or scaled near
 * float32's largest magnitude (2^100 ≈ 1e30). Pooling only compares values, so ties stay ties.
 */
const placement = fc.oneof(
  { arbitrary: fc.constant({ scale: 1, shift: 0 }), weight: 3 },
  { arbitrary: fc.constantFrom({ scale: 1, shift: -(2 ** 20) }, { scale: 2 ** 17, shift: -(2 ** 30) }, { scale: 2 ** 100, shift: 0 }), weight: 2 },
);

/** A random max-pooling case: N 1–2, H, W 1–6, C 1–2, window 1–3 inside the image, stride 1–3; `x` placed by `placement`. */
export function poolCase(value: fc.Arbitrary<number> = eighth, doutValue: fc.Arbitrary<number> = eighth): fc.Arbitrary<PoolCase> {
  return fc
    .record({ N: fc.integer({ min: 1, max: 2 }), H: fc.integer({ min: 1, max: 6 }), W: fc.integer({ min: 1, max: 6 }), C: fc.integer({ min: 1, max: 2 }), size: fc.integer({ min: 1, max: 3 }), stride: fc.integer({ min: 1, max: 3 }) })
    .chain(({ N, H, W, C, size: wanted, stride }) => {
      const size = Math.min(wanted, H, W);
      const OH = convOutputLength(H, size, stride, 'valid');
      const OW = convOutputLength(W, size, stride, 'valid');
      return fc.record({
        x: fc.tuple(tensorOf([N, H, W, C], value), placement).map(([x, { scale, shift }]) => tensor(x.shape, Array.from(x.data, (v) => v * scale + shift))),
        dout: tensorOf([N, OH, OW, C], doutValue),
        options: fc.constant<PoolOptions>({ size, stride }),
      });
    });
}

/** A copy of `t` with `data[i]` moved by `delta`; the actual (float32-rounded) step is returned too. */
export function nudge(t: Tensor, i: number, delta: number): { tensor: Tensor; step: number } {
  const data = Float32Array.from(t.data);
  data[i] = t.data[i] + delta;
  return { tensor: { shape: [...t.shape], data }, step: data[i] - t.data[i] };
}
