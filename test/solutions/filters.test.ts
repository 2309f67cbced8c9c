import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { convolve2d, type Matrix } from '../../solutions/convolution2d.js';
import {
  boxKernel, HIGH_PASS, PREWITT_X, PREWITT_Y, SOBEL_X, SOBEL_Y, blur, highPass, gradients,
} from '../../solutions/filters.js';

// scipy.signal golden values written by tools/golden.py.
const golden = JSON.parse(readFileSync(new URL('../fixtures/golden-filters.json', import.meta.url), 'utf8')) as {
  boxKernel: { size: number; expected: Matrix }[];
  blur: { image: Matrix; size: number; expected: Matrix }[];
  highPass: { image: Matrix; size: number; expected: Matrix }[];
  gradients: { image: Matrix; operator: 'prewitt' | 'sobel'; x: Matrix; y: Matrix; magnitude: Matrix }[];
};

/** The project's tolerance: 1e-9 relative, absolute below 1. */
function expectClose(got: Matrix, want: Matrix): void {
  expect([got.length, got[0]?.length]).toEqual([want.length, want[0].length]);
  want.forEach((row, r) =>
    row.forEach((b, c) => {
      if (!(Math.abs(got[r][c] - b) <= 1e-9 * Math.max(1, Math.abs(b)))) {
        expect.fail(`[${r}][${c}]: got ${got[r][c]}, want ${b}`);
      }
    }),
  );
}

function frozen<T>(x: T): T {
  if (Array.isArray(x)) x.forEach(frozen);
  return Object.freeze(x);
}

describe('filters equal their scipy definitions', () => {
  golden.boxKernel.forEach((c) => it(`boxKernel(${c.size})`, () => expectClose(boxKernel(c.size), c.expected)));
  golden.blur.forEach((c, i) =>
    it(`blur, golden case ${i} (size ${c.size})`, () => expectClose(blur(c.image, c.size), c.expected)),
  );
  golden.highPass.forEach((c, i) =>
    it(`highPass, golden case ${i} (size ${c.size})`, () => expectClose(highPass(c.image, c.size), c.expected)),
  );
  golden.gradients.forEach((c, i) =>
    it(`gradients, golden case ${i} (${c.operator})`, () => {
      const g = gradients(c.image, c.operator);
      expectClose(g.x, c.x);
      expectClose(g.y, c.y);
      expectClose(g.magnitude, c.magnitude);
    }),
  );

  it("has the slide's kernels", () => {
    expect(HIGH_PASS).toEqual([[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]]);
    expect(PREWITT_X).toEqual([[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]]);
    expect(PREWITT_Y).toEqual([[-1, -1, -1], [0, 0, 0], [1, 1, 1]]);
    expect(SOBEL_X).toEqual([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]);
    expect(SOBEL_Y).toEqual([[-1, -2, -1], [0, 0, 0], [1, 2, 1]]);
  });
});

describe('the slide identities', () => {
  const image = golden.highPass[0].image;

  it('blur + high pass = original', () => {
    for (const size of [1, 2, 3, 4, 5]) {
      const low = blur(image, size);
      const high = highPass(image, size);
      expectClose(low.map((row, r) => row.map((v, c) => v + high[r][c])), image);
    }
  });

  it('highPass(image) = convolve2d(image, HIGH_PASS, same, symm) / 9', () => {
    const viaKernel = convolve2d(image, HIGH_PASS, { mode: 'same', boundary: 'symm' }).map((row) => row.map((v) => v / 9));
    expectClose(highPass(image), viaKernel);
  });

  it('gradients point towards brighter pixels: x left to right, y top to bottom', () => {
    const ramp = [[0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3]];
    for (const op of ['prewitt', 'sobel'] as const) {
      const g = gradients(ramp, op);
      expect(g.x[1][1]).toBeGreaterThan(0);
      expect(g.y[1][1]).toBe(0);
      const down = gradients(ramp[0].map((_, c) => ramp.map((row) => row[c])), op); // transposed: brightens downwards
      expect(down.y[1][1]).toBeGreaterThan(0);
      expect(down.x[1][1]).toBe(0);
    }
  });
});

describe('validation and purity', () => {
  it('does not mutate its inputs, and its constants cannot be changed', () => {
    const image = frozen([[1, 2, 3], [4, 5, 6], [7, 8, 10]]);
    blur(image, 2);
    highPass(image);
    gradients(image, 'sobel');
    gradients(image, 'prewitt');
    expect(image).toEqual([[1, 2, 3], [4, 5, 6], [7, 8, 10]]);
    expect(() => { HIGH_PASS[1][1] = 9; }).toThrow(TypeError);
    expect(HIGH_PASS[1][1]).toBe(8);
  });

  it('refuses invalid input, naming the argument', () => {
    for (const bad of [0, -3, 1.5, NaN, Infinity, '3' as unknown as number]) {
      expect(() => boxKernel(bad)).toThrow(/boxKernel: argument 'size' must be an integer ≥ 1/);
      expect(() => blur([[1]], bad)).toThrow(/argument 'size'/);
      expect(() => highPass([[1]], bad)).toThrow(/argument 'size'/);
    }
    expect(() => blur([], 3)).toThrow(/argument 'image'/);
    expect(() => highPass([[1, 2], [3]])).toThrow(/argument 'image'/);
    expect(() => gradients([[1], [2, 3]], 'sobel')).toThrow(/argument 'image'/);
    expect(() => gradients([[1]], 'canny' as 'sobel')).toThrow(/gradients: argument 'operator'/);
  });
});
