import fc from 'fast-check';
import type { Matrix } from '../../core/contract.js';
import { defineChecks } from '../../checks/support/define.js';
import { forAll, forEachCase } from '../../checks/support/property.js';
import { agree, sameAs } from '../../checks/support/differential.js';
import { mismatch } from '../../checks/support/compare.js';
import { intMatrix, realMatrix } from '../../checks/support/arbitraries.js';
import { invalidInputCheck, type InvalidCall } from '../../checks/support/errors.js';
import { leavesInputsAlone } from '../../checks/support/mutation.js';

type Operator = 'prewitt' | 'sobel';
type Gradients = { x: Matrix; y: Matrix; magnitude: Matrix };

/** `what` holds when `got` equals `want` (FLOAT64 tolerance: sums of 1/size² are not exact). */
const outer = (u: number[], v: number[]): Matrix => u.map((a) => v.map((b) => a * b));
const add = (a: Matrix, b: Matrix): Matrix => a.map((row, r) => row.map((x, c) => x + b[r]?.[c]));

const SLIDE: Record<string, Matrix> = {
  HIGH_PASS: [[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]],
  PREWITT_X: [[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]],
  PREWITT_Y: [[-1, -1, -1], [0, 0, 0], [1, 1, 1]],
  SOBEL_X: [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]],
  SOBEL_Y: [[-1, -2, -1], [0, 0, 0], [1, 2, 1]],
};
/** The derivative kernels as outer products of a smoothing column and a difference row. */
const SEPARABLE: { name: string; column: number[]; row: number[] }[] = [
  { name: 'PREWITT_X', column: [1, 1, 1], row: [-1, 0, 1] },
  { name: 'PREWITT_Y', column: [-1, 0, 1], row: [1, 1, 1] },
  { name: 'SOBEL_X', column: [1, 2, 1], row: [-1, 0, 1] },
  { name: 'SOBEL_Y', column: [-1, 0, 1], row: [1, 2, 1] },
];

const INVALID: InvalidCall[] = [
  { name: 'boxKernel', args: [0], argument: 'size', why: 'a size of 0' },
  { name: 'boxKernel', args: [2.5], argument: 'size', why: 'a size of 2.5' },
  { name: 'blur', args: [[[1, 2], [3, 4]], 0], argument: 'size', why: 'a blur of size 0' },
  { name: 'highPass', args: [[[1, 2], [3, 4]], -1], argument: 'size', why: 'a high pass of size -1' },
  { name: 'blur', args: [[[1, 2], [3]], 3], argument: 'image', why: 'a ragged image' },
  { name: 'gradients', args: [[[1, 2], [3, 4]], 'canny'], argument: 'operator', why: "an unknown operator 'canny'" },
];

const imageAndSize = fc.record({ image: intMatrix(8), size: fc.integer({ min: 1, max: 6 }) });
const operator = fc.constantFrom<Operator>('prewitt', 'sobel');
/** Real images up to 12×12; blur sizes up to 7 (larger than small images included). */
const realImageAndSize = fc.record({ image: realMatrix(12), size: fc.integer({ min: 1, max: 7 }) });

/** A ramp brightening along one axis by positive steps, constant along the other. */
const ramp = fc
  .record({
    rows: fc.integer({ min: 2, max: 8 }),
    cols: fc.integer({ min: 2, max: 8 }),
    start: fc.integer({ min: 0, max: 9 }),
    steps: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 7, maxLength: 7 }),
    direction: fc.constantFrom<'left to right' | 'top to bottom'>('left to right', 'top to bottom'),
    operator,
  })
  .map((r) => {
    const level = (i: number) => r.start + r.steps.slice(0, i).reduce((s, x) => s + x, 0);
    const image = Array.from({ length: r.rows }, (_, i) => Array.from({ length: r.cols }, (_, j) => level(r.direction === 'left to right' ? j : i)));
    return { image, direction: r.direction, operator: r.operator };
  });

export const checks = defineChecks('filters', [
  {
    id: 'kernels-as-on-slide',
    title: 'The filter kernels are the slide’s',
    description: 'HIGH_PASS, PREWITT_X, PREWITT_Y, SOBEL_X and SOBEL_Y are exactly the 3×3 matrices on the slides (x grows left to right, y top to bottom).',
    points: 2,
    visibility: 'public',
    kind: 'example',
    run: (ctx) =>
      forEachCase(ctx, Object.keys(SLIDE).map((name) => ({ name })), async ({ name }, probe) =>
        agree(name, await probe.read(name), SLIDE[name])),
  },
  {
    id: 'box-kernel',
    title: 'The box kernel is a 2D moving average',
    description: 'boxKernel(size) is size×size, its weights sum to 1, and it is the outer product of two moving averages of width size (every weight 1/size²).',
    points: 2,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(ctx, fc.record({ size: fc.integer({ min: 1, max: 10 }) }), async ({ size }, probe) => {
        const k = (await probe.call('boxKernel', [size])) as Matrix;
        const average = Array<number>(size).fill(1 / size);
        const shape = agree(`boxKernel(${size})`, k, outer(average, average));
        if (shape) return shape;
        const total = k.flat().reduce((s, x) => s + x, 0);
        return Math.abs(total - 1) <= 1e-12 ? null : { message: `the weights of boxKernel(${size}) sum to ${total}, not 1`, expected: 1, got: total };
      }),
  },
  {
    id: 'derivative-kernels-separable',
    title: 'Prewitt and Sobel smooth one way and differentiate the other',
    description: 'SOBEL_X is the outer product of the column [1, 2, 1] (smoothing) and the row [−1, 0, 1] (difference); PREWITT_X uses [1, 1, 1]; the y kernels are their transposes.',
    points: 1,
    visibility: 'public',
    kind: 'example',
    run: (ctx) =>
      forEachCase(ctx, SEPARABLE, async ({ name, column, row }, probe) =>
        agree(`${name} ≠ [${column}]ᵀ·[${row}]`, await probe.read(name), outer(column, row))),
  },
  {
    id: 'blur-plus-high-pass',
    title: 'Blur + high pass = original',
    description: 'The slide’s identity: blur(image, size) + highPass(image, size) gives the image back, for every size.',
    points: 2,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(ctx, imageAndSize, async ({ image, size }, probe) => {
        const low = (await probe.call('blur', [image, size])) as Matrix;
        const high = (await probe.call('highPass', [image, size])) as Matrix;
        return (
          keepsShape(`blur(image, ${size})`, low, image) ??
          keepsShape(`highPass(image, ${size})`, high, image) ??
          agree(`blur(image, ${size}) + highPass(image, ${size}) ≠ image`, add(low, high), image)
        );
      }),
  },
  {
    id: 'high-pass-kernel',
    title: 'highPass(image, 3) is the slide’s kernel over 9',
    description: "highPass(image) and highPass(image, 3) equal convolve2d(image, HIGH_PASS, { mode: 'same', boundary: 'symm' }) / 9 with the slide's HIGH_PASS.",
    points: 2,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(ctx, fc.record({ image: intMatrix(8) }), async ({ image }, probe) => {
        const want = ctx.reference.convolution2d.convolve2d(image, SLIDE.HIGH_PASS, { mode: 'same', boundary: 'symm' }).map((row) => row.map((x) => x / 9));
        return agree('highPass(image, 3)', await probe.call('highPass', [image, 3]), want) ?? agree('highPass(image)', await probe.call('highPass', [image]), want);
      }),
  },
  {
    id: 'blur-keeps-constant',
    title: 'Blurring a constant image changes nothing',
    description: "The border is mirrored ('symm'), so a constant image stays constant at its edges too, whatever the blur's size (even larger than the image).",
    points: 1,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(
        ctx,
        fc.record({ c: fc.integer({ min: 1, max: 9 }), rows: fc.integer({ min: 1, max: 8 }), cols: fc.integer({ min: 1, max: 8 }), size: fc.integer({ min: 1, max: 9 }) }),
        async ({ c, rows, cols, size }, probe) => {
          const image = Array.from({ length: rows }, () => Array<number>(cols).fill(c));
          return agree(`blur(a constant ${c}, ${size})`, await probe.call('blur', [image, size]), image);
        },
      ),
  },
  {
    id: 'gradient-direction',
    title: 'Gradients point the way the image brightens',
    description:
      'On an image that brightens from left to right (and is the same in every row), x is positive everywhere and y is 0; on one that brightens from top to bottom, y is positive and x is 0 — for Prewitt and Sobel, the border included.',
    points: 3,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(ctx, ramp, async ({ image, direction, operator: op }, probe) => {
        const g = (await probe.call('gradients', [image, op])) as Gradients;
        const [along, across] = direction === 'left to right' ? (['x', 'y'] as const) : (['y', 'x'] as const);
        const shape = keepsShape(`gradients(image, '${op}').x`, g?.x, image) ?? keepsShape(`gradients(image, '${op}').y`, g?.y, image);
        if (shape) return shape;
        const zero = image.map((row) => row.map(() => 0));
        const flat = agree(`gradients(image, '${op}').${across} on an image brightening ${direction} should be 0`, g[across], zero);
        if (flat) return flat;
        const nonPositive = g[along].flatMap((row, r) => row.map((v, c) => [r, c, v])).find(([, , v]) => !(v > 0));
        return nonPositive
          ? { message: `gradients(image, '${op}').${along} on an image brightening ${direction} should be positive everywhere, but at [${nonPositive[0]}][${nonPositive[1]}] it is ${nonPositive[2]}`, expected: `${along} > 0`, got: g[along] }
          : null;
      }),
  },
  {
    id: 'magnitude',
    title: 'The magnitude is √(x² + y²)',
    description: 'gradients(image, operator).magnitude is the length of the gradient vector (x, y) at every pixel.',
    points: 1,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(ctx, fc.record({ image: intMatrix(8), operator }), async ({ image, operator: op }, probe) => {
        const g = (await probe.call('gradients', [image, op])) as Gradients;
        const shape = keepsShape(`gradients(image, '${op}').x`, g?.x, image) ?? keepsShape(`gradients(image, '${op}').y`, g?.y, image);
        if (shape) return shape;
        const want = g.x.map((row, r) => row.map((gx, c) => Math.hypot(gx, g.y[r][c])));
        return agree(`magnitude ≠ √(x² + y²)`, g.magnitude, want);
      }),
  },
  {
    id: 'invalid-input',
    title: 'Invalid input throws an Error naming the argument',
    description: 'Kernel and blur sizes below 1 or not whole numbers, ragged images and unknown operators are refused with a message that says which argument is wrong.',
    points: 1,
    visibility: 'public',
    kind: 'errors',
    run: (ctx) => invalidInputCheck(ctx, INVALID),
  },
  {
    id: 'no-mutation',
    title: 'Inputs are never changed',
    description: 'blur, highPass and gradients return new images and leave their input as it was.',
    points: 1,
    visibility: 'hidden',
    kind: 'property',
    run: (ctx) =>
      forAll(ctx, fc.record({ image: intMatrix(8), size: fc.integer({ min: 1, max: 5 }), operator }), leavesInputsAlone(({ image, size, operator: op }) => [['blur', [image, size]], ['highPass', [image, size]], ['gradients', [image, op]]])),
  },
  {
    id: 'blur-matches',
    title: 'blur matches the reference',
    description: "Random real images up to 12×12 and sizes 1 to 7: convolve2d(image, boxKernel(size), { mode: 'same', boundary: 'symm' }).",
    points: 3,
    visibility: 'hidden',
    kind: 'differential',
    run: (ctx) => forAll(ctx, realImageAndSize, sameAs('blur', (c) => [c.image, c.size], (c) => ctx.reference.filters.blur(c.image, c.size))),
  },
  {
    id: 'high-pass-matches',
    title: 'highPass matches the reference',
    description: 'Random real images up to 12×12 and sizes 1 to 7: image − blur(image, size).',
    points: 2,
    visibility: 'hidden',
    kind: 'differential',
    run: (ctx) => forAll(ctx, realImageAndSize, sameAs('highPass', (c) => [c.image, c.size], (c) => ctx.reference.filters.highPass(c.image, c.size))),
  },
  {
    id: 'gradients-match',
    title: 'gradients match the reference',
    description: "Random real images up to 12×12 with both operators: x, y (correlate2d, 'same', 'symm') and the magnitude.",
    points: 3,
    visibility: 'hidden',
    kind: 'differential',
    run: (ctx) =>
      forAll(ctx, fc.record({ image: realMatrix(12), operator }), sameAs('gradients', (c) => [c.image, c.operator], (c) => ctx.reference.filters.gradients(c.image, c.operator))),
  },
]);

/** A failure unless `got` is a matrix of the image's shape. */
function keepsShape(what: string, got: unknown, image: Matrix) {
  return sameShape(got, image) ? null : { message: `${what} should have the image's size: ${mismatch(got, image)}`, expected: `a ${image.length}×${image[0].length} matrix`, got };
}

function sameShape(a: unknown, b: Matrix): boolean {
  return Array.isArray(a) && a.length === b.length && a.every((row, r) => Array.isArray(row) && row.length === b[r].length);
}
