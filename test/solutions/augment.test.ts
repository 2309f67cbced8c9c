import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import type { Matrix } from '../../solutions/convolution2d.js';
import { translate, rotate, scale } from '../../solutions/augment.js';

// Golden values from an independent numpy implementation of the contract (tools/golden.py).
const golden = JSON.parse(readFileSync(new URL('../fixtures/golden-augment.json', import.meta.url), 'utf8')) as {
  translate: { image: Matrix; dx: number; dy: number; fill: number; expected: Matrix }[];
  rotate: { image: Matrix; degrees: number; fill: number; expected: Matrix }[];
  scale: { image: Matrix; factor: number; fill: number; expected: Matrix }[];
};

/** The project's tolerance: 1e-9 relative, absolute below 1. */
function expectClose(got: Matrix, want: Matrix): void {
  expect([got.length, got[0]?.length]).toEqual([want.length, want[0].length]);
  want.forEach((row, r) =>
    row.forEach((b, c) => {
      if (!(Math.abs(got[r][c] - b) <= 1e-9 * Math.max(1, Math.abs(b)))) {
        expect.fail(`[${r}][${c}]: got ${got[r][c]}, want ${b} (got ${JSON.stringify(got)})`);
      }
    }),
  );
}

function frozen<T>(x: T): T {
  if (Array.isArray(x)) x.forEach(frozen);
  return Object.freeze(x);
}

describe('augment follows the contract (golden values)', () => {
  golden.translate.forEach((c, i) =>
    it(`translate, golden case ${i} (${c.dx}, ${c.dy})`, () => expectClose(translate(c.image, c.dx, c.dy, c.fill), c.expected)),
  );
  golden.rotate.forEach((c, i) =>
    it(`rotate, golden case ${i} (${c.degrees}°)`, () => expectClose(rotate(c.image, c.degrees, c.fill), c.expected)),
  );
  golden.scale.forEach((c, i) =>
    it(`scale, golden case ${i} (×${c.factor})`, () => expectClose(scale(c.image, c.factor, c.fill), c.expected)),
  );
});

describe('augment on tiny pictures', () => {
  const corner = [[0, 0, 9], [0, 0, 0], [0, 0, 0]]; // something in the top-right corner

  it('rotates counter-clockwise as seen on screen: top-right goes to top-left', () => {
    expect(rotate(corner, 90)).toEqual([[9, 0, 0], [0, 0, 0], [0, 0, 0]]);
    expect(rotate(corner, -90)).toEqual([[0, 0, 0], [0, 0, 0], [0, 0, 9]]);
    expect(rotate(corner, 180)).toEqual([[0, 0, 0], [0, 0, 0], [9, 0, 0]]);
    expect(rotate(corner, 360)).toEqual(corner);
  });

  it('interpolates bilinearly and fills what comes from outside', () => {
    expectClose(rotate(corner, 45), [[0, 4.5, 0], [0, 0, 0], [0, 0, 0]]);
    expect(rotate([[1, 2, 3, 4]], 90, -1)).toEqual([[-1, -1, -1, -1]]);
    expect(scale([[1, 2, 3]], 2)).toEqual([[1.5, 2, 2.5]]);
    expect(scale([[1, 2, 3]], 0.5, 7)).toEqual([[7, 2, 7]]);
  });

  it('moves content right and down by whole pixels', () => {
    expect(translate(corner, -1, 1)).toEqual([[0, 0, 0], [0, 9, 0], [0, 0, 0]]);
    expect(translate(corner, 1, 0, 5)).toEqual([[5, 0, 0], [5, 0, 0], [5, 0, 0]]);
    expect(translate(corner, 3, 0)).toEqual([[0, 0, 0], [0, 0, 0], [0, 0, 0]]);
  });

  it('keeps edge pixels despite rounding at the border (the 1e-9 rule)', () => {
    const image = [[1, 2, 3], [4, 5, 6]];
    expect(scale(image, 1 + 1e-12)).toEqual(image.map((row) => row.map((v) => expect.closeTo(v, 9))));
    expect(rotate(rotate(image, 180), 180)).toEqual(image);
  });

  it('does not mutate its inputs', () => {
    const image = frozen([[1, 2], [3, 4], [5, 6]]);
    translate(image, 1, -1);
    rotate(image, 33);
    scale(image, 1.7);
    expect(image).toEqual([[1, 2], [3, 4], [5, 6]]);
  });

  it('refuses invalid input, naming the argument', () => {
    for (const f of [(m: Matrix) => translate(m, 1, 1), (m: Matrix) => rotate(m, 10), (m: Matrix) => scale(m, 2)]) {
      expect(() => f([])).toThrow(/argument 'image' must be a non-empty rectangular matrix/);
      expect(() => f([[1, 2], [3]])).toThrow(/argument 'image'/);
      expect(() => f([['x' as unknown as number]])).toThrow(/argument 'image'/);
    }
    expect(() => translate([[1]], 0.5, 0)).toThrow(/translate: argument 'dx' must be an integer/);
    expect(() => translate([[1]], 0, NaN)).toThrow(/translate: argument 'dy'/);
    expect(() => translate([[1]], Infinity, 0)).toThrow(/argument 'dx'/);
    expect(() => translate([[1]], 0, 0, 'x' as unknown as number)).toThrow(/argument 'fill'/);
    expect(() => rotate([[1]], NaN)).toThrow(/rotate: argument 'degrees' must be a finite number/);
    expect(() => rotate([[1]], Infinity)).toThrow(/argument 'degrees'/);
    for (const bad of [0, -1, NaN, Infinity, '2' as unknown as number]) {
      expect(() => scale([[1]], bad)).toThrow(/scale: argument 'factor' must be a positive finite number/);
    }
  });
});
