import fc from 'fast-check';
import type { ConvLayerOptions, PoolOptions, Tensor } from '../../core/contract.js';
import type { Reference } from '../../core/reference.js';
import { defineChecks } from '../../checks/support/define.js';
import { forAll, forEachCase, type Body, type Failure } from '../../checks/support/property.js';
import { sameAs } from '../../checks/support/differential.js';
import { FLOAT32, mismatch, type Tolerance, unravel } from '../../checks/support/compare.js';
import { invalidInputCheck, type InvalidCall } from '../../checks/support/errors.js';
import { leavesInputsAlone } from '../../checks/support/mutation.js';
import type { Probe } from '../../checks/support/probe.js';
import { convCase, convShapes, nudge, poolCase, smallInteger, tensor, tensorOf, type ConvCase, type ConvLimits, type PoolCase } from '../../checks/support/tensors.js';

/** One call of a layer function, with its arguments by name (how a counterexample shows it). */
type LayerCall =
  | { fn: 'conv2dForward'; x: Tensor; w: Tensor; b: Tensor; options: ConvLayerOptions }
  | { fn: 'conv2dBackward'; dout: Tensor; x: Tensor; w: Tensor; options: ConvLayerOptions }
  | { fn: 'maxPool2dForward'; x: Tensor; options: PoolOptions }
  | { fn: 'maxPool2dBackward'; dout: Tensor; x: Tensor; options: PoolOptions };

type LayerFunction = LayerCall['fn'];
type LayerArgs = Partial<Omit<ConvCase, 'options'>> & { options: ConvLayerOptions | PoolOptions };

/** The arguments of `fn`, in the contract's order, taken by name from a case. */
function argsOf(fn: LayerFunction, c: LayerArgs): unknown[] {
  switch (fn) {
    case 'conv2dForward':
      return [c.x, c.w, c.b, c.options];
    case 'conv2dBackward':
      return [c.dout, c.x, c.w, c.options];
    case 'maxPool2dForward':
      return [c.x, c.options];
    case 'maxPool2dBackward':
      return [c.dout, c.x, c.options];
  }
}

/** A body comparing the submission's `fn` with the reference's on the same arguments. */
const sameAsReference = <T extends LayerArgs>(ref: Reference, fn: LayerFunction): Body<T> =>
  sameAs(fn, (c) => argsOf(fn, c), (c) => (ref.layers[fn] as (...a: unknown[]) => unknown)(...argsOf(fn, c)), FLOAT32);
/** The same for worked examples, which name their function. */
const matchesReference = (ref: Reference): Body<LayerCall> => (c, probe) => sameAsReference<LayerCall>(ref, c.fn)(c, probe);

function isTensor(v: unknown): v is Tensor {
  const t = v as Tensor;
  return typeof v === 'object' && v !== null && Array.isArray(t.shape) && t.data !== null && typeof t.data === 'object' && typeof t.data.length === 'number';
}
const notATensor = (what: string, got: unknown): Failure => ({ message: `${what} did not return a tensor { shape, data }`, expected: 'a tensor { shape, data }', got });

async function forward(probe: Probe, x: Tensor, w: Tensor, b: Tensor, options: ConvLayerOptions): Promise<Tensor | Failure> {
  const got = await probe.call('conv2dForward', [x, w, b, options]);
  return isTensor(got) ? got : notATensor('conv2dForward', got);
}
const zeros = (n: number) => tensor([n], new Float32Array(n));
const isFailure = (v: Tensor | Failure): v is Failure => 'message' in v;
function combine(alpha: number, p: Tensor, beta: number, q: Tensor): Tensor {
  return tensor(p.shape, Array.from(p.data, (v, i) => alpha * v + beta * (q.data[i] ?? Number.NaN)));
}

/** The lecture's small numbers: x is 1..9 (or 0..15) laid out row by row, one channel. */
const x3 = tensor([1, 3, 3, 1], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
const x4 = tensor([1, 4, 4, 1], Array.from({ length: 16 }, (_, i) => i));
const diagonal = tensor([2, 2, 1, 1], [1, 0, 0, -1]);
const WORKED: LayerCall[] = [
  // Every 2×2 window gives x[i][j] − x[i+1][j+1] + 0.5 = −4 + 0.5.
  { fn: 'conv2dForward', x: x3, w: diagonal, b: tensor([1], [0.5]), options: { stride: 1, padding: 'valid' } },
  // 'same' with an even kernel: the one row and column of zeros go at the bottom and right.
  { fn: 'conv2dForward', x: x3, w: tensor([2, 2, 1, 1], [1, 2, 3, 4]), b: tensor([1], [0]), options: { stride: 1, padding: 'same' } },
  // Stride 2: the windows do not overlap; each output is the sum of a 2×2 block.
  { fn: 'conv2dForward', x: x4, w: tensor([2, 2, 1, 1], [1, 1, 1, 1]), b: tensor([1], [0]), options: { stride: 2, padding: 'valid' } },
  // 'same' with stride 2: ceil(4/2) = 2 outputs, total padding 1, all of it at the bottom and right.
  { fn: 'conv2dForward', x: x4, w: tensor([3, 3, 1, 1], [0, 0, 0, 0, 1, 0, 0, 0, 2]), b: tensor([1], [0]), options: { stride: 2, padding: 'same' } },
  // A 1×1 convolution mixes the channels of each pixel: a matrix product per pixel, plus the bias.
  { fn: 'conv2dForward', x: tensor([1, 2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]), w: tensor([1, 1, 2, 3], [1, 0, 1, 0, 1, -1]), b: tensor([3], [0, 10, 100]), options: { stride: 1, padding: 'valid' } },
  // The gradients of the first example with dout = 1 everywhere.
  { fn: 'conv2dBackward', dout: tensor([1, 2, 2, 1], [1, 1, 1, 1]), x: x3, w: diagonal, options: { stride: 1, padding: 'valid' } },
  { fn: 'maxPool2dForward', x: x4, options: { size: 2, stride: 2 } },
  // Every value far below zero (down to −400,000): a search that starts at 0 or at −99999 instead of −∞ or the window's first value fails.
  { fn: 'maxPool2dForward', x: tensor([1, 2, 4, 1], [-300000, -200000, -150000, -400000, -250000, -350000, -100001, -120000]), options: { size: 2, stride: 2 } },
  { fn: 'maxPool2dBackward', dout: tensor([1, 1, 2, 1], [1, 2]), x: tensor([1, 2, 4, 1], [-300000, -200000, -150000, -400000, -250000, -350000, -100001, -120000]), options: { size: 2, stride: 2 } },
  // A tie in the first window: the first maximum (row-major) takes the whole gradient.
  { fn: 'maxPool2dBackward', dout: tensor([1, 2, 2, 1], [1, 2, 3, 4]), x: tensor([1, 4, 4, 1], [3, 3, 0, 1, 1, 2, 2, 0, 5, 0, 1, 1, 0, 5, 1, 1]), options: { size: 2, stride: 2 } },
];

const c2 = tensor([1, 2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]);
const INVALID: InvalidCall[] = [
  { name: 'conv2dForward', args: [c2, tensor([1, 1, 3, 1], [1, 1, 1]), tensor([1], [0]), { stride: 1, padding: 'valid' }], argument: ['w', 'x'], why: 'a kernel with 3 input channels on an image with 2' },
  { name: 'conv2dForward', args: [c2, tensor([1, 1, 2, 1], [1, 1]), tensor([1], [0]), { stride: 0, padding: 'valid' }], argument: 'stride', why: 'a stride of 0' },
  { name: 'conv2dForward', args: [c2, tensor([1, 1, 2, 1], [1, 1]), tensor([2], [0, 0]), { stride: 1, padding: 'valid' }], argument: 'b', why: 'a bias of 2 values for 1 filter' },
  { name: 'conv2dBackward', args: [tensor([1, 2, 2, 1], [1, 1, 1, 1]), c2, tensor([1, 1, 2, 1], [1, 1]), { stride: -1, padding: 'valid' }], argument: 'stride', why: 'a stride of −1' },
  { name: 'maxPool2dForward', args: [c2, { size: 2, stride: 0 }], argument: 'stride', why: 'a stride of 0' },
  { name: 'maxPool2dForward', args: [c2, { size: 0, stride: 1 }], argument: 'size', why: 'a window size of 0' },
  // More of the stub's list: wrong ranks, data that does not fill the shape, a stride that is not whole, a 'valid' window larger than x.
  { name: 'conv2dForward', args: [tensor([2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]), tensor([1, 1, 2, 1], [1, 1]), tensor([1], [0]), { stride: 1, padding: 'valid' }], argument: 'x', why: 'an x of rank 3 (shape [2, 2, 2])' },
  { name: 'conv2dForward', args: [tensor([1, 2, 2, 2], [1, 2, 3, 4, 5, 6, 7]), tensor([1, 1, 2, 1], [1, 1]), tensor([1], [0]), { stride: 1, padding: 'valid' }], argument: 'x', why: 'an x of shape [1, 2, 2, 2] with 7 values' },
  { name: 'conv2dForward', args: [c2, tensor([1, 1, 2, 1], [1, 1]), tensor([1], [0]), { stride: 1.5, padding: 'valid' }], argument: 'stride', why: 'a stride of 1.5' },
  { name: 'conv2dForward', args: [c2, tensor([3, 3, 2, 1], Array<number>(18).fill(1)), tensor([1], [0]), { stride: 1, padding: 'valid' }], argument: ['w', 'x'], why: "a 3×3 kernel on a 2×2 image with 'valid' padding" },
  { name: 'maxPool2dForward', args: [c2, { size: 3, stride: 1 }], argument: 'size', why: 'a 3×3 window on a 2×2 image' },
  { name: 'maxPool2dForward', args: [tensor([1, 2, 4, 1], [1, 2, 3, 4, 5, 6, 7, 8]), { size: 3, stride: 1 }], argument: 'size', why: 'a 3×3 window on a 2×4 image (too few rows)' },
  { name: 'maxPool2dForward', args: [tensor([1, 4, 2, 1], [1, 2, 3, 4, 5, 6, 7, 8]), { size: 3, stride: 1 }], argument: 'size', why: 'a 3×3 window on a 4×2 image (too few columns)' },
  { name: 'conv2dForward', args: [tensor([1, 2, 2, 2, 1], [1, 2, 3, 4, 5, 6, 7, 8]), tensor([1, 1, 2, 1], [1, 1]), tensor([1], [0]), { stride: 1, padding: 'same' }], argument: 'x', why: 'an x of rank 5 (shape [1, 2, 2, 2, 1])' },
  { name: 'conv2dForward', args: [tensor([1, 2, 0, 2], []), tensor([1, 1, 2, 1], [1, 1]), tensor([1], [0]), { stride: 1, padding: 'valid' }], argument: 'x', why: 'an x of shape [1, 2, 0, 2] (a width of 0)' },
  // Every tensor argument of the wrong rank, and a dout that is not the output's shape (wrong in every geometry: its channels).
  { name: 'conv2dForward', args: [c2, tensor([1, 2, 1], [1, 1]), tensor([1], [0]), { stride: 1, padding: 'valid' }], argument: 'w', why: 'a w of rank 3 (shape [1, 2, 1])' },
  { name: 'conv2dForward', args: [c2, tensor([1, 1, 2, 1], [1, 1]), tensor([1, 1], [0]), { stride: 1, padding: 'valid' }], argument: 'b', why: 'a b of rank 2 (shape [1, 1])' },
  { name: 'maxPool2dForward', args: [tensor([2, 2, 1], [1, 2, 3, 4]), { size: 1, stride: 1 }], argument: 'x', why: 'an x of rank 3 (shape [2, 2, 1])' },
  { name: 'conv2dBackward', args: [tensor([1, 2, 2], [1, 1, 1, 1]), c2, tensor([1, 1, 2, 1], [1, 1]), { stride: 1, padding: 'valid' }], argument: 'dout', why: 'a dout of rank 3 (shape [1, 2, 2]) for an output of shape [1, 2, 2, 1]' },
  { name: 'conv2dBackward', args: [tensor([1, 2, 2, 2], [1, 1, 1, 1, 1, 1, 1, 1]), c2, tensor([1, 1, 2, 1], [1, 1]), { stride: 1, padding: 'valid' }], argument: 'dout', why: 'a dout of shape [1, 2, 2, 2] for an output of shape [1, 2, 2, 1]' },
  { name: 'maxPool2dBackward', args: [tensor([1, 1, 2], [1, 1]), c2, { size: 2, stride: 2 }], argument: 'dout', why: 'a dout of rank 3 (shape [1, 1, 2]) for an output of shape [1, 1, 1, 2]' },
  { name: 'maxPool2dBackward', args: [tensor([1, 1, 1, 1], [1]), c2, { size: 2, stride: 2 }], argument: 'dout', why: 'a dout of shape [1, 1, 1, 1] for an output of shape [1, 1, 1, 2]' },
];

/** Smaller than CONV_LIMITS: the gradient check calls the forward pass twice per coordinate. */
const GRADIENT_LIMITS: ConvLimits = { batch: [1, 2], size: [1, 5], channels: [1, 2], filters: [1, 2], kernel: [1, 3], stride: [1, 3] };
/**
 * The forward pass is linear in x, in w and in b, so a centred difference has no truncation error
 * whatever the step: h = 1/4 on values that are multiples of 1/8 keeps every number the forward
 * pass meets exact in float32, and the tolerance only has to absorb a student's own rounding.
 */
const H = 0.25;
export const GRADIENT_TOLERANCE: Tolerance = { rel: 1e-3, abs: 1e-3 };

/** Σ dout·out, in float64 (null when the output does not have dout's shape). */
function lossOf(dout: Tensor, out: Tensor): number | null {
  const sameShape = out.shape.length === dout.shape.length && dout.shape.every((d, i) => out.shape[i] === d);
  if (!sameShape || out.data.length !== dout.data.length) return null;
  let sum = 0;
  for (let i = 0; i < dout.data.length; i++) sum += dout.data[i] * out.data[i];
  return sum;
}

/** One coordinate of x, w or b: the centred difference of conv2dForward and conv2dBackward's value there. */
export interface GradientComparison {
  name: 'x' | 'w' | 'b';
  index: number;
  numerical: number;
  analytic: number;
}

/**
 * Walks every coordinate of x, w and b, comparing the submission's conv2dBackward with the centred
 * difference of its conv2dForward; `visit` stops the walk by returning a failure. The gradient check
 * stops at the first mismatch; the studio visits them all to show the relative errors.
 */
export async function compareGradients({ x, w, b, dout, options }: ConvCase, probe: Probe, visit: (c: GradientComparison) => Failure | null): Promise<Failure | null> {
  const grads = await probe.call('conv2dBackward', [dout, x, w, options]);
  const analytic = grads as { dx?: unknown; dw?: unknown; db?: unknown };
  if (typeof grads !== 'object' || grads === null) return { message: 'conv2dBackward did not return { dx, dw, db }', got: grads };
  const inputs = { x, w, b };
  for (const name of ['x', 'w', 'b'] as const) {
    const g = analytic[`d${name}`];
    if (!isTensor(g) || g.data.length !== inputs[name].data.length || g.shape.length !== 4 - (name === 'b' ? 3 : 0) || g.shape.some((d, k) => d !== inputs[name].shape[k])) {
      return { message: `conv2dBackward: d${name} should be a tensor of shape [${inputs[name].shape}]`, expected: `shape [${inputs[name].shape}]`, got: g };
    }
    for (let i = 0; i < inputs[name].data.length; i++) {
      const losses: number[] = [];
      let step = 0;
      for (const sign of [1, -1]) {
        const moved = nudge(inputs[name], i, sign * H);
        step += sign * moved.step;
        const at = (t: 'x' | 'w' | 'b') => (t === name ? moved.tensor : inputs[t]);
        const out = await forward(probe, at('x'), at('w'), at('b'), options);
        if (isFailure(out)) return out;
        const loss = lossOf(dout, out);
        if (loss === null) return { message: `conv2dForward returned shape [${out.shape}], dout has shape [${dout.shape}]`, expected: dout.shape, got: out.shape };
        losses.push(loss);
      }
      const failure = visit({ name, index: i, numerical: (losses[0] - losses[1]) / step, analytic: g.data[i] });
      if (failure) return failure;
    }
  }
  return null;
}

const gradientCheck: Body<ConvCase> = (c, probe) =>
  compareGradients(c, probe, ({ name, index, numerical, analytic }) => {
    const shape = c[name].shape;
    return mismatch(analytic, numerical, GRADIENT_TOLERANCE)
      ? {
          message: `d${name}${unravel(index, shape)}: the centred difference (L(${name} + h) − L(${name} − h)) / 2h of your conv2dForward gives ${numerical}, your conv2dBackward gives ${analytic} (L = Σ dout · conv2dForward(x, w, b), h = ${H})`,
          expected: numerical,
          got: analytic,
        }
      : null;
  });

/** The max-pooling rule stated directly: each window's gradient goes to its first maximum, row-major. */
function routeToFirstMax({ x, dout, options: { size, stride } }: PoolCase): Tensor {
  const [N, H, W, C] = x.shape;
  const [, OH, OW] = dout.shape;
  const dx = new Float64Array(x.data.length);
  for (let n = 0; n < N; n++)
    for (let oh = 0; oh < OH; oh++)
      for (let ow = 0; ow < OW; ow++)
        for (let c = 0; c < C; c++) {
          let first = -1;
          for (let kh = 0; kh < size; kh++)
            for (let kw = 0; kw < size; kw++) {
              const i = ((n * H + oh * stride + kh) * W + ow * stride + kw) * C + c;
              if (first < 0 || x.data[i] > x.data[first]) first = i;
            }
          dx[first] += dout.data[((n * OH + oh) * OW + ow) * C + c];
        }
  return tensor(x.shape, dx);
}

const tieHeavy = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: -32, max: 32 }).map((n) => n / 8));
const cappedRuns = (ctx: { config: { numRuns: number } }, cap: number) => Math.min(ctx.config.numRuns, cap);

export const checks = defineChecks('layers', [
  {
    id: 'worked-examples',
    title: 'Worked examples: a tiny convolution and max pooling by hand',
    description:
      "conv2dForward on a 3×3 image (values 1…9) with a 2×2 kernel, 'same' padding with an even kernel (zeros at the bottom and right), stride 2, a 1×1 convolution mixing channels, conv2dBackward with dout = 1, max pooling with a tie, and max pooling of values all below −100,000.",
    points: 3,
    visibility: 'public',
    kind: 'example',
    run: (ctx) => forEachCase(ctx, WORKED, matchesReference(ctx.reference)),
  },
  {
    id: 'output-shape',
    title: "Output shape: 'valid' floor((H − KH)/s) + 1, 'same' ceil(H/s)",
    description: "conv2dForward returns [N, OH, OW, F], with OH = floor((H − KH)/stride) + 1 for 'valid' and ceil(H/stride) for 'same' (TensorFlow's rule), and likewise for the width.",
    points: 2,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(ctx, convCase(), async ({ x, w, b, dout, options }, probe) => {
        const out = await forward(probe, x, w, b, options);
        if (isFailure(out)) return out;
        const [, H, W] = x.shape;
        const [KH, KW] = w.shape;
        const same = out.shape.length === 4 && dout.shape.every((d, i) => out.shape[i] === d);
        return same
          ? null
          : { message: `x [${x.shape}], w [${w.shape}] (KH=${KH}, KW=${KW}), stride ${options.stride}, padding '${options.padding}' on H=${H}, W=${W}: the output should have shape [${dout.shape}], got [${out.shape}]`, expected: dout.shape, got: out.shape };
      }),
  },
  {
    id: 'linear-in-x',
    title: 'The forward pass is linear in x',
    description: 'With a zero bias, conv2dForward(α·x1 + β·x2, w) = α·conv2dForward(x1, w) + β·conv2dForward(x2, w).',
    points: 1,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(
        ctx,
        convShapes().chain(({ N, H, W, C, F, KH, KW, stride, padding }) =>
          fc.record({ x1: tensorOf([N, H, W, C], smallInteger), x2: tensorOf([N, H, W, C], smallInteger), w: tensorOf([KH, KW, C, F], smallInteger), alpha: smallInteger, beta: smallInteger, options: fc.constant({ stride, padding }) }),
        ),
        async ({ x1, x2, w, alpha, beta, options }, probe) => {
          const b = zeros(w.shape[3]);
          const left = await forward(probe, combine(alpha, x1, beta, x2), w, b, options);
          const p = await forward(probe, x1, w, b, options);
          const q = await forward(probe, x2, w, b, options);
          for (const t of [left, p, q]) if (isFailure(t)) return t;
          const right = combine(alpha, p as Tensor, beta, q as Tensor);
          const problem = mismatch(left, right, FLOAT32);
          return problem ? { message: `conv2dForward(α·x1 + β·x2) ≠ α·conv2dForward(x1) + β·conv2dForward(x2): ${problem}`, expected: right, got: left, tolerance: FLOAT32 } : null;
        },
      ),
  },
  {
    id: 'linear-in-w',
    title: 'The forward pass is linear in w',
    description: 'With a zero bias, conv2dForward(x, α·w1 + β·w2) = α·conv2dForward(x, w1) + β·conv2dForward(x, w2).',
    points: 1,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(
        ctx,
        convShapes().chain(({ N, H, W, C, F, KH, KW, stride, padding }) =>
          fc.record({ x: tensorOf([N, H, W, C], smallInteger), w1: tensorOf([KH, KW, C, F], smallInteger), w2: tensorOf([KH, KW, C, F], smallInteger), alpha: smallInteger, beta: smallInteger, options: fc.constant({ stride, padding }) }),
        ),
        async ({ x, w1, w2, alpha, beta, options }, probe) => {
          const b = zeros(w1.shape[3]);
          const left = await forward(probe, x, combine(alpha, w1, beta, w2), b, options);
          const p = await forward(probe, x, w1, b, options);
          const q = await forward(probe, x, w2, b, options);
          for (const t of [left, p, q]) if (isFailure(t)) return t;
          const right = combine(alpha, p as Tensor, beta, q as Tensor);
          const problem = mismatch(left, right, FLOAT32);
          return problem ? { message: `conv2dForward(x, α·w1 + β·w2) ≠ α·conv2dForward(x, w1) + β·conv2dForward(x, w2): ${problem}`, expected: right, got: left, tolerance: FLOAT32 } : null;
        },
      ),
  },
  {
    id: 'db-sums-dout',
    title: 'db is dout summed over the batch and every position',
    description: 'The bias b[f] is added to every output of filter f in every image of the batch, so db[f] = Σ over n, oh, ow of dout[n, oh, ow, f].',
    points: 1,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(ctx, convCase(), async ({ x, w, dout, options }, probe) => {
        const got = (await probe.call('conv2dBackward', [dout, x, w, options])) as { db?: unknown } | null;
        const F = w.shape[3];
        const want = new Float64Array(F);
        dout.data.forEach((v, i) => (want[i % F] += v));
        const expected = tensor([F], want);
        const problem = mismatch(got?.db, expected, FLOAT32, 'db');
        return problem ? { message: `conv2dBackward: ${problem}`, expected, got: got?.db, tolerance: FLOAT32 } : null;
      }),
  },
  {
    id: 'gradient-check',
    title: 'Gradient check: conv2dBackward agrees with finite differences of conv2dForward',
    description:
      'The grader nudges each value of x, w and b by ±h, runs your conv2dForward, and compares (L(+h) − L(−h)) / 2h with your conv2dBackward, for L = Σ dout · conv2dForward(x, w, b) (the CS231n gradient check).',
    points: 3,
    visibility: 'public',
    kind: 'property',
    run: (ctx) => forAll(ctx, convCase(GRADIENT_LIMITS), gradientCheck, { numRuns: cappedRuns(ctx, 30) }),
  },
  {
    id: 'pool-gradient-first-max',
    title: 'Max-pool gradient goes to one element per window: the first maximum',
    description:
      'In maxPool2dBackward each window passes its dout to exactly one input, the first maximum in row-major order (ties included); the others get 0, and an input that wins two overlapping windows gets both.',
    points: 2,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(ctx, poolCase(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 9 })), async (c, probe) => {
        const got = await probe.call('maxPool2dBackward', [c.dout, c.x, c.options]);
        const expected = routeToFirstMax(c);
        const problem = mismatch(got, expected, FLOAT32);
        return problem ? { message: `maxPool2dBackward: each window's gradient must go to its first maximum: ${problem}`, expected, got, tolerance: FLOAT32 } : null;
      }),
  },
  {
    id: 'invalid-input',
    title: 'Invalid input throws an Error naming the argument',
    description: "A kernel whose input channels differ from the image’s, a bias of the wrong length, wrong ranks, data that does not fill its shape, a stride or window size that is not a positive integer and a 'valid' window larger than x are refused with a message that says which argument is wrong.",
    points: 1,
    visibility: 'public',
    kind: 'errors',
    run: (ctx) => invalidInputCheck(ctx, INVALID),
  },
  {
    id: 'no-mutation',
    title: 'Inputs are never changed',
    description: 'conv2dForward, conv2dBackward, maxPool2dForward and maxPool2dBackward return new tensors and leave x, w, b, dout and the options as they were.',
    points: 1,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(ctx, fc.record({ conv: convCase(), pool: poolCase() }), leavesInputsAlone(({ conv, pool }) => [
        ['conv2dForward', [conv.x, conv.w, conv.b, conv.options]],
        ['conv2dBackward', [conv.dout, conv.x, conv.w, conv.options]],
        ['maxPool2dForward', [pool.x, pool.options]],
        ['maxPool2dBackward', [pool.dout, pool.x, pool.options]],
      ]), { numRuns: cappedRuns(ctx, 30) }),
  },
  {
    id: 'forward-matches-reference',
    title: 'conv2dForward matches tf.conv2d on random layers',
    description: "Random batches (N 1–2), images (H, W 1–7), channels and filters (1–3), kernels (1–4, not always square), strides 1–3, 'valid' and 'same': your output must equal tf.conv2d plus the bias.",
    points: 4,
    visibility: 'hidden',
    kind: 'differential',
    run: (ctx) => forAll(ctx, convCase().map(({ x, w, b, options }) => ({ x, w, b, options })), sameAsReference(ctx.reference, 'conv2dForward')),
  },
  {
    id: 'backward-matches-reference',
    title: 'conv2dBackward matches the gradients of tf.conv2d',
    description: "dx, dw and db for random layers, strides 1–3, 'valid' and 'same', compared with the gradients TensorFlow computes.",
    points: 4,
    visibility: 'hidden',
    kind: 'differential',
    run: (ctx) => forAll(ctx, convCase().map(({ dout, x, w, options }) => ({ dout, x, w, options })), sameAsReference(ctx.reference, 'conv2dBackward')),
  },
  {
    id: 'pool-forward-matches-reference',
    title: 'maxPool2dForward matches tf.maxPool',
    description: "Random inputs, windows 1–3 and strides 1–3 (overlapping windows and skipped pixels included), 'valid' pooling.",
    points: 1,
    visibility: 'hidden',
    kind: 'differential',
    run: (ctx) => forAll(ctx, poolCase(tieHeavy).map(({ x, options }) => ({ x, options })), sameAsReference(ctx.reference, 'maxPool2dForward')),
  },
  {
    id: 'pool-backward-matches-reference',
    title: 'maxPool2dBackward matches the gradient of tf.maxPool',
    description: 'Random inputs with and without ties, windows 1–3 and strides 1–3.',
    points: 1,
    visibility: 'hidden',
    kind: 'differential',
    run: (ctx) => forAll(ctx, poolCase(tieHeavy), sameAsReference(ctx.reference, 'maxPool2dBackward')),
  },
]);
