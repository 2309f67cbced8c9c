import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { convolve, movingAverageKernel, binomialKernel, smooth, type Mode } from '../../solutions/convolution.js';

// numpy/scipy golden values written by tools/golden.py.
const golden = JSON.parse(readFileSync(new URL('../fixtures/golden-convolution.json', import.meta.url), 'utf8')) as {
  convolve: { a: number[]; v: number[]; mode: Mode; expected: number[] }[];
  smooth: { signal: number[]; kernel: number[]; expected: number[] }[];
  movingAverageKernel: { width: number; expected: number[] }[];
  binomialKernel: { size: number; expected: number[] }[];
};

/** The project's tolerance: 1e-9 relative, absolute below 1. */
function expectClose(got: number[], want: number[]): void {
  expect(got.length).toBe(want.length);
  want.forEach((b, i) => {
    if (!(Math.abs(got[i] - b) <= 1e-9 * Math.max(1, Math.abs(b)))) {
      expect.fail(`index ${i}: got ${got[i]}, want ${b} (got ${JSON.stringify(got)}, want ${JSON.stringify(want)})`);
    }
  });
}

function frozen<T>(x: T): T {
  if (Array.isArray(x)) x.forEach(frozen);
  return Object.freeze(x);
}

describe('convolve equals numpy.convolve', () => {
  golden.convolve.forEach((c, i) =>
    it(`golden case ${i} (${c.mode})`, () => expectClose(convolve(c.a, c.v, c.mode), c.expected)),
  );

  it('flips one sequence before sliding it (the worked example)', () => {
    expect(convolve([1, 2, 3], [0, 1, 0.5])).toEqual([0, 1, 2.5, 4, 1.5]);
  });

  it("defaults to 'full'", () => {
    expect(convolve([1, 2], [3, 4, 5])).toEqual(convolve([1, 2], [3, 4, 5], 'full'));
  });

  it('swaps the arguments like numpy when v is longer than a', () => {
    expect(convolve([1, 10], [1, 2, 3, 4], 'same')).toEqual([1, 12, 23, 34]);
    expect(convolve([1, 10], [1, 2, 3, 4], 'valid')).toEqual([12, 23, 34]);
    expect(convolve([1, 2, 3], [1, 2, 3, 4, 5, 6], 'same')).toEqual([4, 10, 16, 22, 28, 27]);
  });

  it('does not mutate its inputs', () => {
    const a = frozen([1, 2, 3, 4]);
    const v = frozen([1, -1]);
    for (const mode of ['full', 'same', 'valid'] as const) convolve(a, v, mode);
    expect(a).toEqual([1, 2, 3, 4]);
    expect(v).toEqual([1, -1]);
  });

  it('refuses invalid input, naming the argument', () => {
    expect(() => convolve([], [1])).toThrow(/convolve: argument 'a' must be a non-empty array of numbers/);
    expect(() => convolve([1], [])).toThrow(/argument 'v'/);
    expect(() => convolve([1, '2' as unknown as number], [1])).toThrow(/argument 'a'/);
    // eslint-disable-next-line no-sparse-arrays
    expect(() => convolve([1, , 3] as number[], [1])).toThrow(/argument 'a'/);
    expect(() => convolve(null as unknown as number[], [1])).toThrow(/argument 'a'/);
    expect(() => convolve([1], [1], 'middle' as Mode)).toThrow(/argument 'mode'/);
  });
});

describe('smooth equals numpy.convolve(signal, kernel, "same")', () => {
  golden.smooth.forEach((c, i) => it(`golden case ${i}`, () => expectClose(smooth(c.signal, c.kernel), c.expected)));

  it('keeps the length of the signal for a shorter kernel', () => {
    expect(smooth([0, 0, 5, 0, 0], [1, 1, 1])).toEqual([0, 5, 5, 5, 0]);
  });

  it('refuses invalid input, naming the argument', () => {
    expect(() => smooth([], [1])).toThrow(/smooth: argument 'signal'/);
    expect(() => smooth([1], [NaN, 'x' as unknown as number])).toThrow(/smooth: argument 'kernel'/);
  });
});

describe('kernels', () => {
  golden.movingAverageKernel.forEach((c) =>
    it(`movingAverageKernel(${c.width})`, () => expectClose(movingAverageKernel(c.width), c.expected)),
  );
  golden.binomialKernel.forEach((c) =>
    it(`binomialKernel(${c.size})`, () => expectClose(binomialKernel(c.size), c.expected)),
  );

  it("is the slide's weighted moving average for size 5, and sums to 1", () => {
    expect(binomialKernel(5)).toEqual([1, 4, 6, 4, 1].map((x) => x / 16));
    expect(binomialKernel(1)).toEqual([1]);
    expect(movingAverageKernel(5).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 15);
    expect(binomialKernel(1500).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
  });

  it.each([0, -1, 2.5, NaN, Infinity, '3' as unknown as number])('refuses size %s', (bad) => {
    expect(() => movingAverageKernel(bad)).toThrow(/movingAverageKernel: argument 'width'/);
    expect(() => binomialKernel(bad)).toThrow(/binomialKernel: argument 'size'/);
  });
});
