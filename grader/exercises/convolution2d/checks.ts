import { formatValue } from '../../feedback/format-value.js';
import fc from 'fast-check';
import type { Conv2dOptions, Matrix, Mode } from '../../core/contract.js';
import { defineChecks } from '../../checks/support/define.js';
import { forAll, forEachCase } from '../../checks/support/property.js';
import { agree, sameAs } from '../../checks/support/differential.js';
import { boundary, intMatrix, matrix, mode, realMatrix, realValue, scaled, smallInt } from '../../checks/support/arbitraries.js';
import { invalidInputCheck, type InvalidCall } from '../../checks/support/errors.js';
import { leavesInputsAlone } from '../../checks/support/mutation.js';
import type { Probe } from '../../checks/support/probe.js';

type Fn = 'convolve2d' | 'correlate2d';
const call = (probe: Probe, fn: Fn, image: Matrix, kernel: Matrix, options?: Conv2dOptions) =>
  probe.call(fn, options === undefined ? [image, kernel] : [image, kernel, options]) as Promise<Matrix>;
const convolve2d = (probe: Probe, image: Matrix, kernel: Matrix, options?: Conv2dOptions) => call(probe, 'convolve2d', image, kernel, options);

/** A body comparing two values the submission produced, which must agree exactly (integer maths). */

const flip = (m: Matrix): Matrix => m.map((row) => [...row].reverse()).reverse();
const padTopLeft = (m: Matrix, top: number, left: number): Matrix => {
  const w = m[0].length + left;
  return [...Array.from({ length: top }, () => Array<number>(w).fill(0)), ...m.map((row) => [...Array<number>(left).fill(0), ...row])];
};

/** The slide's 2D moving average: a 3×3 box (weights 1/9) over a small image. */
const IMAGE: Matrix = [
  [0, 0, 0, 0, 0, 0],
  [0, 90, 90, 90, 90, 0],
  [0, 90, 90, 90, 90, 0],
  [0, 90, 0, 90, 90, 0],
  [0, 90, 90, 90, 90, 0],
];
const BOX: Matrix = [1, 2, 3].map(() => [1 / 9, 1 / 9, 1 / 9]);
const EVEN: Matrix = [[1, 2], [3, 4]];
const WORKED: { fn: Fn; image: Matrix; kernel: Matrix; options?: Conv2dOptions }[] = [
  { fn: 'convolve2d', image: IMAGE, kernel: BOX },
  { fn: 'convolve2d', image: IMAGE, kernel: BOX, options: { mode: 'same' } },
  { fn: 'convolve2d', image: IMAGE, kernel: BOX, options: { mode: 'valid' } },
  { fn: 'convolve2d', image: IMAGE, kernel: BOX, options: { mode: 'same', boundary: 'symm' } },
  { fn: 'convolve2d', image: IMAGE, kernel: BOX, options: { mode: 'same', boundary: 'wrap' } },
  { fn: 'convolve2d', image: IMAGE, kernel: BOX, options: { mode: 'same', boundary: 'fill', fillValue: 90 } },
  { fn: 'convolve2d', image: [[1, 2, 3], [4, 5, 6], [7, 8, 9]], kernel: EVEN, options: { mode: 'same' } },
  { fn: 'correlate2d', image: [[1, 2, 3], [4, 5, 6], [7, 8, 9]], kernel: EVEN },
  { fn: 'correlate2d', image: [[1, 2, 3], [4, 5, 6], [7, 8, 9]], kernel: EVEN, options: { mode: 'same' } },
  { fn: 'convolve2d', image: [[1, 2], [3, 4]], kernel: [[1, 0, 2], [0, 1, 0], [3, 0, 1]], options: { mode: 'valid' } },
];

const INVALID: InvalidCall[] = [
  { name: 'convolve2d', args: [[[1, 2], [3]], [[1]]], argument: 'image', why: 'a ragged image (rows of lengths 2 and 1)' },
  // A later row longer than the first: reading only the first row's length of entries from each row misses it.
  { name: 'correlate2d', args: [[[1], [2, 3]], [[1]]], argument: 'image', why: 'a ragged image (rows of lengths 1 and 2)' },
  { name: 'convolve2d', args: [[[1, 2], [3, 4]], [[1], [1, 1]]], argument: 'kernel', why: 'a ragged kernel (rows of lengths 1 and 2)' },
  { name: 'convolve2d', args: [[], [[1]]], argument: 'image', why: 'an empty image' },
  { name: 'convolve2d', args: [[[1, 2]], []], argument: 'kernel', why: 'an empty kernel' },
  { name: 'correlate2d', args: [[[1, 2]], [[]]], argument: 'kernel', why: 'a kernel with an empty row' },
  { name: 'convolve2d', args: [[[1, 2]], [[1]], { mode: 'middle' }], argument: 'mode', why: "an unknown mode 'middle'" },
  { name: 'convolve2d', args: [[[1, 2]], [[1]], { boundary: 'mirror' }], argument: 'boundary', why: "an unknown boundary 'mirror'" },
];
/** 'valid' where neither input is at least as large as the other in both dimensions: either name will do. */
const NEITHER_CONTAINS: InvalidCall[] = [
  { name: 'convolve2d', args: [[[1, 2, 3, 4, 5], [1, 2, 3, 4, 5]], [[1, 1], [1, 1], [1, 1]], { mode: 'valid' }], argument: ['kernel', 'image'], why: "'valid' with a 2×5 image and a 3×2 kernel" },
  { name: 'correlate2d', args: [[[1], [2], [3]], [[1, 2]], { mode: 'valid' }], argument: ['kernel', 'image'], why: "'valid' with a 3×1 image and a 1×2 kernel" },
];

const options: fc.Arbitrary<Conv2dOptions> = fc.record({ mode, boundary, fillValue: realValue });
/** Random sizes 1..8 for both inputs (even and odd kernels, kernels larger than the image). */
const randomCase = fc
  .record({ image: matrix(realValue, [1, 8]), kernel: matrix(realValue, [1, 8]), options })
  .filter(({ image, kernel, options: o }) => o.mode !== 'valid' || contains(image, kernel) || contains(kernel, image));
/** Images up to 12×12 with kernels up to 5×5. */
const largerCase = fc.record({ image: realMatrix(12, 6), kernel: matrix(realValue, [1, 5]), options });
/** Image, kernel and fill value scaled together (exactly: a power of two), so values reach ±1e14. */
const differential = scaled(fc.oneof({ arbitrary: randomCase, weight: 3 }, { arbitrary: largerCase, weight: 1 }));

function contains(a: Matrix, b: Matrix): boolean {
  return a.length >= b.length && a[0].length >= b[0].length;
}

export const checks = defineChecks('convolution2d', [
  {
    id: 'worked-examples',
    title: 'Worked examples: the 2D moving average',
    description:
      "The slide's 3×3 moving average over a small image in 'full', 'same' and 'valid', with each boundary, an even kernel in 'same', and a kernel larger than the image in 'valid' (scipy swaps them); compared with scipy.signal.convolve2d / correlate2d.",
    points: 3,
    visibility: 'public',
    kind: 'example',
    run: (ctx) =>
      forEachCase(ctx, WORKED, (c, probe) => {
        const args = (x: typeof c) => (x.options === undefined ? [x.image, x.kernel] : [x.image, x.kernel, x.options]);
        return sameAs(c.fn, args, (x) => ctx.reference.convolution2d[x.fn](x.image, x.kernel, x.options))(c, probe);
      }),
  },
  {
    id: 'full-shape',
    title: "'full' is (r₁ + r₂ − 1) × (c₁ + c₂ − 1)",
    description: "Every overlap of an r₁×c₁ image and an r₂×c₂ kernel gives one output pixel: 'full' mode returns (r₁ + r₂ − 1) rows of (c₁ + c₂ − 1) values.",
    points: 1,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(ctx, fc.record({ image: intMatrix(), kernel: intMatrix(4) }), async ({ image, kernel }, probe) => {
        const got = await convolve2d(probe, image, kernel);
        const rows = image.length + kernel.length - 1;
        const cols = image[0].length + kernel[0].length - 1;
        const ok = Array.isArray(got) && got.length === rows && got.every((row) => Array.isArray(row) && row.length === cols);
        return ok ? null : { message: `expected a ${rows}×${cols} matrix`, expected: `${rows}×${cols}`, got };
      }),
  },
  {
    id: 'commutative',
    title: '2D convolution is commutative',
    description: "convolve2d(a, k) = convolve2d(k, a) in 'full' mode: which of the two is flipped and slid over the other does not matter.",
    points: 2,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(ctx, fc.record({ a: intMatrix(5), k: intMatrix(5) }), async ({ a, k }, probe) =>
        agree('convolve2d(a, k) ≠ convolve2d(k, a)', await convolve2d(probe, a, k), await convolve2d(probe, k, a))),
  },
  {
    id: 'linear',
    title: '2D convolution is linear',
    description: 'convolve2d(α·a + β·b, k) = α·convolve2d(a, k) + β·convolve2d(b, k), in every mode and boundary with fillValue 0.',
    points: 2,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(
        ctx,
        fc
          .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
          .chain(([r, c]) =>
            fc.record({
              a: matrix(smallInt, [r, r], [c, c]),
              b: matrix(smallInt, [r, r], [c, c]),
              k: matrix(smallInt, [1, r], [1, c]),
              alpha: smallInt,
              beta: smallInt,
              options: fc.record({ mode, boundary }),
            }),
          ),
        async ({ a, b, k, alpha, beta, options: o }, probe) => {
          const mixed = a.map((row, i) => row.map((x, j) => alpha * x + beta * b[i][j]));
          const left = await convolve2d(probe, mixed, k, o);
          const ca = await convolve2d(probe, a, k, o);
          const cb = await convolve2d(probe, b, k, o);
          const right = ca.map((row, i) => row.map((x, j) => alpha * x + beta * cb[i]?.[j]));
          return agree('convolve2d(α·a + β·b, k) ≠ α·convolve2d(a, k) + β·convolve2d(b, k)', left, right);
        },
      ),
  },
  {
    id: 'identity',
    title: 'The unit impulse is the identity',
    description: "convolve2d(image, [[1]]) = image in every mode and boundary, and a 3×3 kernel with a single 1 in the middle leaves the image unchanged in 'same' mode (for convolve2d and correlate2d).",
    points: 1,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(ctx, fc.record({ image: intMatrix(), options: fc.record({ mode, boundary, fillValue: smallInt }) }), async ({ image, options: o }, probe) => {
        const delta = [[0, 0, 0], [0, 1, 0], [0, 0, 0]];
        const same = { ...o, mode: 'same' as const };
        // Each label is the call made, every option included.
        return (
          agree(`convolve2d(image, [[1]], ${formatValue(o)})`, await convolve2d(probe, image, [[1]], o), image) ??
          agree(`convolve2d(image, ${formatValue(delta, 1)}, ${formatValue(same)})`, await convolve2d(probe, image, delta, same), image) ??
          agree(`correlate2d(image, ${formatValue(delta, 1)}, ${formatValue(same)})`, await call(probe, 'correlate2d', image, delta, same), image)
        );
      }),
  },
  {
    id: 'constant-image',
    title: 'The boundary continues a constant image',
    description:
      "With 'wrap' or 'symm', or with 'fill' and fillValue equal to the image's value, the extended image is constant too: every output pixel of a constant image c is c × (sum of the kernel), in 'full' and 'same' mode.",
    points: 2,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(
        ctx,
        fc.record({
          c: fc.integer({ min: 1, max: 9 }),
          rows: fc.integer({ min: 1, max: 6 }),
          cols: fc.integer({ min: 1, max: 6 }),
          kernel: intMatrix(5),
          mode: fc.constantFrom<Mode>('full', 'same'),
          boundary,
        }),
        async ({ c, rows, cols, kernel, mode: m, boundary: b }, probe) => {
          const image = Array.from({ length: rows }, () => Array<number>(cols).fill(c));
          const o: Conv2dOptions = b === 'fill' ? { mode: m, boundary: b, fillValue: c } : { mode: m, boundary: b };
          const got = await convolve2d(probe, image, kernel, o);
          const sum = kernel.flat().reduce((s, x) => s + x, 0);
          const oh = m === 'full' ? rows + kernel.length - 1 : rows;
          const ow = m === 'full' ? cols + kernel[0].length - 1 : cols;
          const want = Array.from({ length: oh }, () => Array<number>(ow).fill(c * sum));
          return agree(`convolve2d(a constant ${c}, kernel, ${JSON.stringify(o)}) should be ${c} × ${sum} everywhere`, got, want);
        },
      ),
  },
  {
    id: 'separable',
    title: 'Separable kernels: rows, then columns',
    description:
      "A kernel that is an outer product u·vᵀ can be applied in two passes: convolve2d(image, u·vᵀ) = convolve2d(convolve2d(image, [v]), u as a column), in 'full' mode and in 'same' mode with every boundary (fillValue 0).",
    points: 2,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(
        ctx,
        fc.record({
          image: intMatrix(),
          u: fc.array(smallInt, { minLength: 1, maxLength: 4 }),
          v: fc.array(smallInt, { minLength: 1, maxLength: 4 }),
          mode: fc.constantFrom<Mode>('full', 'same'),
          boundary,
        }),
        async ({ image, u, v, mode: m, boundary: b }, probe) => {
          const o = { mode: m, boundary: b };
          const outer = u.map((x) => v.map((y) => x * y));
          const once = await convolve2d(probe, image, outer, o);
          const rows = await convolve2d(probe, image, [v], o);
          const twice = await convolve2d(probe, rows, u.map((x) => [x]), o);
          return agree('convolve2d(image, u·vᵀ) ≠ convolve2d(convolve2d(image, [v]), u as a column)', once, twice);
        },
      ),
  },
  {
    id: 'shift-equivariant',
    title: '2D convolution commutes with translation',
    description: "Moving the image down by i rows and right by j columns (zeros on top and on the left) moves the 'full' output by the same amount.",
    points: 2,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(
        ctx,
        fc.record({ image: intMatrix(5), kernel: intMatrix(4), i: fc.integer({ min: 0, max: 3 }), j: fc.integer({ min: 0, max: 3 }) }),
        async ({ image, kernel, i, j }, probe) =>
          agree('shifting the image did not shift the output the same way', await convolve2d(probe, padTopLeft(image, i, j), kernel), padTopLeft(await convolve2d(probe, image, kernel), i, j)),
      ),
  },
  {
    id: 'correlation-is-flipped-convolution',
    title: 'Correlation is convolution with the kernel flipped',
    description: "correlate2d(image, k) = convolve2d(image, k flipped upside down and left to right) in 'full' mode: a CNN layer computes a correlation.",
    points: 2,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(ctx, fc.record({ image: intMatrix(), kernel: intMatrix(4) }), async ({ image, kernel }, probe) =>
        agree('correlate2d(image, k) ≠ convolve2d(image, flip(k))', await call(probe, 'correlate2d', image, kernel), await convolve2d(probe, image, flip(kernel)))),
  },
  {
    id: 'invalid-input',
    title: 'Invalid input throws an Error naming the argument',
    description: "Empty or ragged matrices, unknown modes and boundaries, and a 'valid' convolution where neither input fits inside the other are refused with a message that says which argument is wrong.",
    points: 1,
    visibility: 'public',
    kind: 'errors',
    run: (ctx) => invalidInputCheck(ctx, [...INVALID, ...NEITHER_CONTAINS]),
  },
  {
    id: 'no-mutation',
    title: 'Inputs are never changed',
    description: 'convolve2d and correlate2d return new matrices and leave the image, the kernel and the options as they were.',
    points: 1,
    visibility: 'hidden',
    kind: 'property',
    run: (ctx) =>
      forAll(ctx, randomCase, leavesInputsAlone(({ image, kernel, options: o }) => [['convolve2d', [image, kernel, o]], ['correlate2d', [image, kernel, o]]])),
  },
  {
    id: 'convolve2d-matches-scipy',
    title: 'convolve2d matches scipy.signal.convolve2d',
    description: "Random real images and kernels of sizes 1 to 8 (even and odd, kernel larger than the image included) and images up to 12×12, in every mode and boundary with a random fillValue.",
    points: 4,
    visibility: 'hidden',
    kind: 'differential',
    run: (ctx) =>
      forAll(ctx, differential, sameAs('convolve2d', (c) => [c.image, c.kernel, c.options], (c) => ctx.reference.convolution2d.convolve2d(c.image, c.kernel, c.options))),
  },
  {
    id: 'correlate2d-matches-scipy',
    title: 'correlate2d matches scipy.signal.correlate2d',
    description: "The same random inputs for correlate2d (no flip; even kernels centre differently in 'same', and a swapped 'valid' comes out reversed, as in scipy).",
    points: 2,
    visibility: 'hidden',
    kind: 'differential',
    run: (ctx) =>
      forAll(ctx, differential, sameAs('correlate2d', (c) => [c.image, c.kernel, c.options], (c) => ctx.reference.convolution2d.correlate2d(c.image, c.kernel, c.options))),
  },
]);
