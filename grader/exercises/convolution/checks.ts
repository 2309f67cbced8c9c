import fc from 'fast-check';
import type { Mode } from '../../core/contract.js';
import { defineChecks } from '../../checks/support/define.js';
import { forAll, forEachCase, type Body } from '../../checks/support/property.js';
import { agree, sameAs } from '../../checks/support/differential.js';
import { intSignal, mode, realSignal, smallInt } from '../../checks/support/arbitraries.js';
import { invalidInputCheck, type InvalidCall } from '../../checks/support/errors.js';
import { leavesInputsAlone } from '../../checks/support/mutation.js';
import type { Probe } from '../../checks/support/probe.js';

const convolve = (probe: Probe, a: number[], v: number[], m: Mode = 'full') => probe.call('convolve', [a, v, m]) as Promise<number[]>;

/** A body comparing two values the submission produced, which must agree exactly (integer maths). */

/** The lecture's own numbers. */
const WORKED: { a: number[]; v: number[]; mode: Mode }[] = [
  { a: [1, 2, 3], v: [0, 1, 0.5], mode: 'full' },
  { a: [1, 2, 3], v: [0, 1, 0.5], mode: 'same' },
  { a: [1, 2, 3], v: [0, 1, 0.5], mode: 'valid' },
  { a: [3, 1, 4, 1, 5, 9, 2, 6], v: [0.2, 0.2, 0.2, 0.2, 0.2], mode: 'same' },
  { a: [1, 2], v: [1, 2, 3, 4], mode: 'same' },
];

const INVALID: InvalidCall[] = [
  { name: 'convolve', args: [[], [1], 'full'], argument: 'a', why: 'an empty signal a' },
  { name: 'convolve', args: [[1, 2], [], 'full'], argument: 'v', why: 'an empty kernel v' },
  { name: 'convolve', args: [[1, 2], [1], 'middle'], argument: 'mode', why: "an unknown mode 'middle'" },
  { name: 'movingAverageKernel', args: [0], argument: 'width', why: 'a width of 0' },
  { name: 'movingAverageKernel', args: [2.5], argument: 'width', why: 'a width of 2.5' },
  { name: 'binomialKernel', args: [0], argument: 'size', why: 'a size of 0' },
  { name: 'binomialKernel', args: [Number.NaN], argument: 'size', why: 'a size of NaN' },
  { name: 'binomialKernel', args: [1.5], argument: 'size', why: 'a size of 1.5' },
  // A smooth that hands its arguments to convolve may name convolve's.
  { name: 'smooth', args: [[], [1]], argument: ['signal', 'a'], why: 'an empty signal' },
  { name: 'smooth', args: [[1, 2], []], argument: ['kernel', 'v'], why: 'an empty kernel' },
];

const pair = fc.record({ a: intSignal(), v: intSignal() });

export const checks = defineChecks('convolution', [
  {
    id: 'worked-examples',
    title: 'Worked examples from the slides',
    description: 'convolve on small signals in every mode, compared with numpy.convolve.',
    points: 3,
    visibility: 'public',
    kind: 'example',
    run: (ctx) => forEachCase(ctx, WORKED, sameAs('convolve', (c) => [c.a, c.v, c.mode], (c) => ctx.reference.convolution.convolve(c.a, c.v, c.mode))),
  },
  {
    id: 'full-length',
    title: "'full' has length n + m − 1",
    description: "Every overlap of a signal of length n and a kernel of length m gives one output: n + m − 1 values in 'full' mode.",
    points: 1,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(ctx, pair, async ({ a, v }, probe) => {
        const got = await convolve(probe, a, v);
        const n = a.length + v.length - 1;
        return Array.isArray(got) && got.length === n ? null : { message: `expected ${n} values, got ${Array.isArray(got) ? got.length : typeof got}`, expected: n, got };
      }),
  },
  {
    id: 'commutative',
    title: 'Convolution is commutative',
    description: 'convolve(a, v) = convolve(v, a): flipping one sequence and sliding it over the other does not depend on which one you flip.',
    points: 2,
    visibility: 'public',
    kind: 'property',
    run: (ctx) => forAll(ctx, pair, async ({ a, v }, probe) => agree('convolve(a, v) ≠ convolve(v, a)', await convolve(probe, a, v), await convolve(probe, v, a))),
  },
  {
    id: 'identity',
    title: 'The unit impulse is the identity',
    description: "convolve(a, [1]) = a, and convolving a signal of 3 or more samples with [0, 1, 0] in 'same' mode leaves it unchanged.",
    points: 1,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(ctx, fc.record({ a: intSignal(10, 3) }), async ({ a }, probe) =>
        agree('convolve(a, [1])', await convolve(probe, a, [1]), a) ??
        agree("convolve(a, [0, 1, 0], 'same')", await convolve(probe, a, [0, 1, 0], 'same'), a)),
  },
  {
    id: 'linear',
    title: 'Convolution is linear',
    description: 'convolve(α·a + β·b, v) = α·convolve(a, v) + β·convolve(b, v).',
    points: 2,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(
        ctx,
        fc.integer({ min: 1, max: 8 }).chain((n) =>
          fc.record({ a: intSignal(n, n), b: intSignal(n, n), v: intSignal(), alpha: smallInt, beta: smallInt }),
        ),
        async ({ a, b, v, alpha, beta }, probe) => {
          const mixed = a.map((x, i) => alpha * x + beta * b[i]);
          const left = await convolve(probe, mixed, v);
          const ca = await convolve(probe, a, v);
          const cb = await convolve(probe, b, v);
          return agree('convolve(α·a + β·b, v) ≠ α·convolve(a, v) + β·convolve(b, v)', left, ca.map((x, i) => alpha * x + beta * cb[i]));
        },
      ),
  },
  {
    id: 'associative',
    title: 'Convolution is associative',
    description: 'convolve(convolve(a, v), w) = convolve(a, convolve(v, w)): smoothing twice is smoothing once with the combined kernel.',
    points: 2,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(ctx, fc.record({ a: intSignal(6), v: intSignal(4), w: intSignal(4) }), async ({ a, v, w }, probe) =>
        agree('(a * v) * w ≠ a * (v * w)', await convolve(probe, await convolve(probe, a, v), w), await convolve(probe, a, await convolve(probe, v, w)))),
  },
  {
    id: 'shift-equivariant',
    title: 'Convolution is shift-equivariant',
    description: 'Delaying the signal by k samples delays the output by k samples: convolve([0…0, ...a], v) = [0…0, ...convolve(a, v)].',
    points: 2,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(ctx, fc.record({ a: intSignal(), v: intSignal(), k: fc.integer({ min: 1, max: 4 }) }), async ({ a, v, k }, probe) => {
        const zeros = Array<number>(k).fill(0);
        return agree('shifting the input did not shift the output', await convolve(probe, [...zeros, ...a], v), [...zeros, ...(await convolve(probe, a, v))]);
      }),
  },
  {
    id: 'kernels-sum-to-one',
    title: 'Averaging kernels sum to 1',
    description: 'movingAverageKernel(w) has w equal weights and binomialKernel(n) has n weights, each summing to 1, so a constant signal stays constant.',
    points: 2,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(ctx, fc.record({ size: fc.integer({ min: 1, max: 12 }) }), async ({ size }, probe) => {
        for (const name of ['movingAverageKernel', 'binomialKernel']) {
          const k = (await probe.call(name, [size])) as number[];
          if (!Array.isArray(k) || k.length !== size) return { message: `${name}(${size}) should have ${size} weights`, expected: size, got: k };
          const total = k.reduce((s, x) => s + x, 0);
          if (Math.abs(total - 1) > 1e-12) return { message: `the weights of ${name}(${size}) sum to ${total}, not 1`, expected: 1, got: total };
        }
        const box = (await probe.call('movingAverageKernel', [size])) as number[];
        return box.every((x) => x === box[0]) ? null : { message: `movingAverageKernel(${size}) should have equal weights`, got: box };
      }),
  },
  {
    id: 'binomial-recursive',
    title: 'Each binomial kernel is the previous one smoothed by [½, ½]',
    description: "binomialKernel(n) = convolve(binomialKernel(n − 1), [0.5, 0.5]): Pascal's triangle, one row at a time.",
    points: 2,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(ctx, fc.record({ size: fc.integer({ min: 2, max: 16 }) }), async ({ size }, probe) => {
        const previous = (await probe.call('binomialKernel', [size - 1])) as number[];
        // Convolving with [½, ½] averages neighbours: [p0/2, (p0+p1)/2, …, p(n−1)/2].
        const smoothed = Array.isArray(previous) ? [...previous, 0].map((x, i) => (x + (i > 0 ? previous[i - 1] : 0)) / 2) : previous;
        return agree(`binomialKernel(${size}) ≠ binomialKernel(${size - 1}) * [½, ½]`, await probe.call('binomialKernel', [size]), smoothed);
      }),
  },
  {
    id: 'smooth-is-same',
    title: "smooth is convolve in 'same' mode",
    description: "smooth(signal, kernel) keeps the signal's length: convolve(signal, kernel, 'same').",
    points: 1,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(ctx, fc.record({ signal: intSignal(), kernel: intSignal(5) }), async ({ signal, kernel }, probe) =>
        agree("smooth(signal, kernel) ≠ convolve(signal, kernel, 'same')", await probe.call('smooth', [signal, kernel]), await convolve(probe, signal, kernel, 'same'))),
  },
  {
    id: 'invalid-input',
    title: 'Invalid input throws an Error naming the argument',
    description: 'Empty signals, unknown modes and kernel sizes below 1 or not whole numbers are refused with a message that says which argument is wrong.',
    points: 1,
    visibility: 'public',
    kind: 'errors',
    run: (ctx) => invalidInputCheck(ctx, INVALID),
  },
  {
    id: 'no-mutation',
    title: 'Inputs are never changed',
    description: 'convolve and smooth return new arrays and leave their arguments as they were.',
    points: 1,
    visibility: 'hidden',
    kind: 'property',
    run: (ctx) =>
      forAll(ctx, fc.record({ a: intSignal(), v: intSignal(), mode }), leavesInputsAlone(({ a, v, mode: m }) => [['convolve', [a, v, m]], ['smooth', [a, v]]])),
  },
  {
    id: 'matches-numpy',
    title: 'Matches numpy.convolve on random signals',
    description: "Random real signals and kernels of every length and size (values up to ±1e14), kernel longer than the signal included (numpy swaps them), in 'full', 'same' and 'valid', and without a mode (the default, 'full').",
    points: 4,
    visibility: 'hidden',
    kind: 'differential',
    run: (ctx) =>
      forAll(
        ctx,
        fc.record({ a: realSignal(), v: realSignal(), mode: fc.option(mode, { nil: undefined }) }),
        // No mode: the call leaves it out, so the default is what is graded.
        sameAs('convolve', (c) => (c.mode === undefined ? [c.a, c.v] : [c.a, c.v, c.mode]), (c) => ctx.reference.convolution.convolve(c.a, c.v, c.mode)),
      ),
  },
  {
    id: 'kernels-match',
    title: 'Kernels match the reference',
    description: 'movingAverageKernel(w) is w weights of 1/w; binomialKernel(n) is row n − 1 of Pascal\'s triangle over 2^(n−1).',
    points: 2,
    visibility: 'hidden',
    kind: 'differential',
    run: (ctx) =>
      forAll(ctx, fc.record({ size: fc.integer({ min: 1, max: 30 }) }), (async ({ size }, probe) =>
        (await sameAs('movingAverageKernel', () => [size], () => ctx.reference.convolution.movingAverageKernel(size))({ size }, probe)) ??
        (await sameAs('binomialKernel', () => [size], () => ctx.reference.convolution.binomialKernel(size))({ size }, probe))) as Body<{ size: number }>),
  },
]);
