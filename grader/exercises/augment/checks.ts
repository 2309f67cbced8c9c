import fc from 'fast-check';
import type { Matrix } from '../../core/contract.js';
import { defineChecks } from '../../checks/support/define.js';
import { forAll, forEachCase } from '../../checks/support/property.js';
import { agree, sameAs } from '../../checks/support/differential.js';
import { mismatch, RESAMPLED } from '../../checks/support/compare.js';
import { intMatrix, realMatrix, realValue, scaled, squareRealMatrix } from '../../checks/support/arbitraries.js';
import { invalidInputCheck, type InvalidCall } from '../../checks/support/errors.js';
import { leavesInputsAlone } from '../../checks/support/mutation.js';
import type { Probe } from '../../checks/support/probe.js';
const zeros = (h: number, w: number): Matrix => Array.from({ length: h }, () => Array<number>(w).fill(0));
/** An h×w black image with one pixel of value v at (r, c). */
const dot = (h: number, w: number, r: number, c: number, v: number): Matrix => {
  const m = zeros(h, w);
  if (r >= 0 && r < h && c >= 0 && c < w) m[r][c] = v;
  return m;
};
const call = (probe: Probe, name: string, ...args: unknown[]) => probe.call(name, args) as Promise<Matrix>;

const SAMPLE: Matrix = [
  [1, 2, 3, 4],
  [5, 6, 7, 8],
  [9, 10, 11, 12],
];
const WORKED: { dx: number; dy: number; fill?: number }[] = [
  { dx: 1, dy: 0 },
  { dx: 0, dy: 1 },
  { dx: 1, dy: -1, fill: 7 },
  { dx: -2, dy: 1, fill: -1 },
  { dx: 5, dy: 0 },
];

const INVALID: InvalidCall[] = [
  { name: 'translate', args: [SAMPLE, 0.5, 0], argument: 'dx', why: 'a shift dx of 0.5 pixels' },
  { name: 'translate', args: [SAMPLE, 0, Number.NaN], argument: 'dy', why: 'a shift dy of NaN' },
  { name: 'translate', args: [[[1, 2], [3]], 1, 1], argument: 'image', why: 'a ragged image' },
  // A later row longer than the first: reading only the first row's length of entries from each row misses it.
  { name: 'rotate', args: [[[1], [2, 3]], 90], argument: 'image', why: 'a ragged image (rows of lengths 1 and 2)' },
  { name: 'scale', args: [SAMPLE, 0], argument: 'factor', why: 'a factor of 0' },
  { name: 'scale', args: [SAMPLE, -2], argument: 'factor', why: 'a factor of −2' },
  { name: 'scale', args: [SAMPLE, Number.NaN], argument: 'factor', why: 'a factor of NaN' },
  { name: 'scale', args: [SAMPLE, Number.POSITIVE_INFINITY], argument: 'factor', why: 'an infinite factor' },
  { name: 'rotate', args: [[], 90], argument: 'image', why: 'an empty image' },
  { name: 'scale', args: [[[]], 2], argument: 'image', why: 'an image whose only row is empty' },
];

const shift = fc.integer({ min: -3, max: 3 });
const degrees = fc.oneof(
  fc.constantFrom(0, 90, 180, 270, -90, 45, 30, 360),
  fc.integer({ min: -360, max: 360 }),
  fc.double({ min: -720, max: 720, noNaN: true }),
);
const factor = fc.oneof(fc.constantFrom(1, 2, 3, 0.5, 0.25), fc.double({ min: 0.1, max: 5, noNaN: true }));

export const checks = defineChecks('augment', [
  {
    id: 'translate-worked-examples',
    title: 'Worked examples: translate',
    description: 'translate on a 3×4 image: one column right, one row down, diagonal moves with a fill value, and a shift larger than the image.',
    points: 1,
    visibility: 'public',
    kind: 'example',
    run: (ctx) =>
      forEachCase(ctx, WORKED.map((c) => ({ image: SAMPLE, ...c })), sameAs(
        'translate',
        (c) => (c.fill === undefined ? [c.image, c.dx, c.dy] : [c.image, c.dx, c.dy, c.fill]),
        (c) => ctx.reference.augment.translate(c.image, c.dx, c.dy, c.fill),
      )),
  },
  {
    id: 'translate-direction',
    title: 'translate moves content right and down',
    description: 'A single bright pixel at (row r, column c) of a black image lands at (r + dy, c + dx) after translate(image, dx, dy), or leaves the image.',
    points: 2,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(
        ctx,
        fc
          .record({ h: fc.integer({ min: 1, max: 8 }), w: fc.integer({ min: 1, max: 8 }) })
          .chain(({ h, w }) =>
            fc.record({
              image: fc.record({ r: fc.integer({ min: 0, max: h - 1 }), c: fc.integer({ min: 0, max: w - 1 }), v: fc.integer({ min: 1, max: 9 }) }).map(({ r, c, v }) => dot(h, w, r, c, v)),
              dx: fc.integer({ min: -w, max: w }),
              dy: fc.integer({ min: -h, max: h }),
            }),
          ),
        async ({ image, dx, dy }, probe) => {
          const r = image.findIndex((row) => row.some((v) => v !== 0));
          const c = image[r].findIndex((v) => v !== 0);
          const want = dot(image.length, image[0].length, r + dy, c + dx, image[r][c]);
          return agree(`translate(image, ${dx}, ${dy}) should move the pixel at [${r}][${c}] to [${r + dy}][${c + dx}]`, await call(probe, 'translate', image, dx, dy), want);
        },
      ),
  },
  {
    id: 'translate-identity',
    title: 'Translating by (0, 0) changes nothing',
    description: 'translate(image, 0, 0, fill) is the image, whatever the fill.',
    points: 1,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(ctx, fc.record({ image: scaled(realMatrix(8)), fill: realValue }), async ({ image, fill }, probe) =>
        agree('translate(image, 0, 0, fill)', await call(probe, 'translate', image, 0, 0, fill), image)),
  },
  {
    id: 'translate-composes',
    title: 'Two translations make one',
    description: 'translate(translate(image, a, b), c, d) = translate(image, a + c, b + d) at every pixel whose content never left the image on the way.',
    points: 2,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(ctx, fc.record({ image: scaled(realMatrix(8)), a: shift, b: shift, c: shift, d: shift }), async ({ image, a, b, c, d }, probe) => {
        const h = image.length;
        const w = image[0].length;
        const twice = await call(probe, 'translate', await call(probe, 'translate', image, a, b), c, d);
        const once = await call(probe, 'translate', image, a + c, b + d);
        const shape = keepsShape(`translate(image, ${a + c}, ${b + d})`, once, image) ?? keepsShape(`translate(translate(image, ${a}, ${b}), ${c}, ${d})`, twice, image);
        if (shape) return shape;
        const inside = (r: number, col: number) => r >= 0 && r < h && col >= 0 && col < w;
        // Keep only the pixels whose content was inside the image before and after the first move.
        const kept = (m: Matrix) => m.map((row, r) => row.map((v, col) => (inside(r - d, col - c) && inside(r - d - b, col - c - a) ? v : 0)));
        return agree(`translate(translate(image, ${a}, ${b}), ${c}, ${d}) ≠ translate(image, ${a + c}, ${b + d}) where nothing fell off`, kept(twice), kept(once));
      }),
  },
  {
    id: 'rotate-quarter-turns',
    title: 'Four quarter turns give the image back',
    description: 'For a square image, a rotation by 90° moves every pixel onto another pixel, so rotating four times by 90° returns the image (up to rounding, 1e-9).',
    points: 2,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(ctx, fc.record({ image: squareRealMatrix(7), fill: realValue }), async ({ image, fill }, probe) => {
        let m = image;
        for (let i = 0; i < 4; i++) m = await call(probe, 'rotate', m, 90, fill);
        return agree('rotate(rotate(rotate(rotate(image, 90), 90), 90), 90) ≠ image', m, image, RESAMPLED);
      }),
  },
  {
    id: 'rotate-direction',
    title: 'rotate turns counter-clockwise on screen',
    description:
      'In an n×n image a single bright pixel at (row r, column c) lands at (n − 1 − c, r) after rotate(image, 90): the right edge goes to the top. 180° sends it to (n − 1 − r, n − 1 − c), 270° (and −90°) to (c, n − 1 − r).',
    points: 2,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(
        ctx,
        fc
          .integer({ min: 2, max: 7 })
          .chain((n) => fc.record({ n: fc.constant(n), r: fc.integer({ min: 0, max: n - 1 }), c: fc.integer({ min: 0, max: n - 1 }), degrees: fc.constantFrom(90, 180, 270, -90) })),
        async ({ n, r, c, degrees: deg }, probe) => {
          const [r2, c2] = deg === 90 ? [n - 1 - c, r] : deg === 180 ? [n - 1 - r, n - 1 - c] : [c, n - 1 - r];
          return agree(`rotate(image, ${deg}) should move the pixel at [${r}][${c}] to [${r2}][${c2}]`, await call(probe, 'rotate', dot(n, n, r, c, 1), deg), dot(n, n, r2, c2, 1), RESAMPLED);
        },
      ),
  },
  {
    id: 'rotate-identity',
    title: 'Rotating by 0° or 360° changes nothing',
    description: 'rotate(image, 0, fill) is the image, and rotate(image, 360, fill) is the image up to rounding (1e-9), for every shape.',
    points: 1,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(ctx, fc.record({ image: realMatrix(8), fill: realValue }), async ({ image, fill }, probe) =>
        agree('rotate(image, 0, fill)', await call(probe, 'rotate', image, 0, fill), image, RESAMPLED) ??
        agree('rotate(image, 360, fill)', await call(probe, 'rotate', image, 360, fill), image, RESAMPLED)),
  },
  {
    id: 'scale-identity',
    title: 'Scaling by 1 changes nothing',
    description: 'scale(image, 1, fill) is the image, for every shape and fill, with values of every sign, size and fraction (a scale that rounds shows).',
    points: 1,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(ctx, fc.record({ image: scaled(realMatrix(8)), fill: realValue }), async ({ image, fill }, probe) =>
        agree('scale(image, 1, fill)', await call(probe, 'scale', image, 1, fill), image, RESAMPLED)),
  },
  {
    id: 'scale-grows-dot',
    title: 'Zooming in spreads a dot into a bilinear tent',
    description:
      'scale(image, f) of a single pixel of value v at the centre of an odd-sized black image enlarges it: the pixel i rows and j columns from the centre becomes v · max(0, 1 − |i|/f) · max(0, 1 − |j|/f) (bilinear interpolation of the source point (i/f, j/f)).',
    points: 2,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(
        ctx,
        fc.record({ half: fc.integer({ min: 1, max: 4 }), v: fc.integer({ min: 1, max: 9 }), f: fc.constantFrom(2, 3, 4) }),
        async ({ half, v, f }, probe) => {
          const n = 2 * half + 1;
          const tent = (d: number) => Math.max(0, 1 - Math.abs(d) / f);
          const want = Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => v * tent(r - half) * tent(c - half)));
          return agree(`scale(image, ${f}) of a dot of ${v} at the centre of a ${n}×${n} image`, await call(probe, 'scale', dot(n, n, half, half, v), f), want, RESAMPLED);
        },
      ),
  },
  {
    id: 'invalid-input',
    title: 'Invalid input throws an Error naming the argument',
    description: 'Shifts that are not whole numbers, factors that are not positive finite numbers and empty or ragged images are refused with a message that says which argument is wrong.',
    points: 1,
    visibility: 'public',
    kind: 'errors',
    run: (ctx) => invalidInputCheck(ctx, INVALID),
  },
  {
    id: 'no-mutation',
    title: 'Inputs are never changed',
    description: 'translate, rotate and scale return new images and leave their input as it was.',
    points: 1,
    visibility: 'hidden',
    kind: 'property',
    run: (ctx) =>
      forAll(ctx, fc.record({ image: intMatrix(8), dx: shift, dy: shift, degrees, factor }), leavesInputsAlone(({ image, dx, dy, degrees: deg, factor: f }) => [['translate', [image, dx, dy]], ['rotate', [image, deg]], ['scale', [image, f]]])),
  },
  {
    id: 'translate-matches',
    title: 'translate matches the reference',
    description: 'Random real images up to 12×12, shifts of up to 14 pixels either way and random fill values.',
    points: 2,
    visibility: 'hidden',
    kind: 'differential',
    run: (ctx) =>
      forAll(
        ctx,
        fc.record({ image: realMatrix(12), dx: fc.integer({ min: -14, max: 14 }), dy: fc.integer({ min: -14, max: 14 }), fill: realValue }),
        sameAs('translate', (c) => [c.image, c.dx, c.dy, c.fill], (c) => ctx.reference.augment.translate(c.image, c.dx, c.dy, c.fill)),
      ),
  },
  {
    id: 'rotate-matches',
    title: 'rotate matches the reference',
    description: 'Random real images up to 12×12 (square or not), any angle, random fill values: counter-clockwise about ((w − 1)/2, (h − 1)/2), bilinear, fill outside.',
    points: 3,
    visibility: 'hidden',
    kind: 'differential',
    run: (ctx) =>
      forAll(
        ctx,
        fc.record({ image: realMatrix(12), degrees, fill: realValue }),
        sameAs('rotate', (c) => [c.image, c.degrees, c.fill], (c) => ctx.reference.augment.rotate(c.image, c.degrees, c.fill), RESAMPLED),
      ),
  },
  {
    id: 'scale-matches',
    title: 'scale matches the reference',
    description: 'Random real images up to 12×12, factors from 0.1 to 5 (zooming in and out), random fill values: about the centre, bilinear, fill outside.',
    points: 2,
    visibility: 'hidden',
    kind: 'differential',
    run: (ctx) =>
      forAll(
        ctx,
        fc.record({ image: realMatrix(12), factor, fill: realValue }),
        sameAs('scale', (c) => [c.image, c.factor, c.fill], (c) => ctx.reference.augment.scale(c.image, c.factor, c.fill), RESAMPLED),
      ),
  },
]);

/** A failure unless `got` is a matrix of the image's shape. */
function keepsShape(what: string, got: unknown, image: Matrix) {
  const ok = Array.isArray(got) && got.length === image.length && got.every((row) => Array.isArray(row) && row.length === image[0].length);
  return ok ? null : { message: `${what} should have the image's size: ${mismatch(got, image)}`, expected: `a ${image.length}×${image[0].length} matrix`, got };
}
