import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { convolve2d, correlate2d, type Boundary, type Matrix, type Mode } from '../../solutions/convolution2d.js';

// scipy.signal golden values written by tools/golden.py.
const golden = JSON.parse(readFileSync(new URL('../fixtures/golden-convolution2d.json', import.meta.url), 'utf8')) as {
  cases: {
    fn: 'convolve2d' | 'correlate2d'; image: Matrix; kernel: Matrix; mode: Mode; boundary: Boundary; fillValue: number;
    expected?: Matrix; error?: string;
  }[];
};
const MODES: Mode[] = ['full', 'same', 'valid'];
const BOUNDARIES: Boundary[] = ['fill', 'wrap', 'symm'];

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

/** A seeded generator (mulberry32), so that the random cases are the same on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A transliteration of scipy's C loop (_sigtools._convolve2d, one pixel at a time, the index
 * reflected or wrapped per pixel), used to check the fast path on sizes golden files cannot hold.
 */
function naive(image: Matrix, kernel: Matrix, mode: Mode, boundary: Boundary, fill: number, flip: boolean): Matrix {
  const ext = (i: number, n: number): number => {
    if (i >= 0 && i < n) return i;
    if (boundary === 'fill') return -1;
    if (boundary === 'wrap') return ((i % n) + n) % n;
    const q = ((i % (2 * n)) + 2 * n) % (2 * n);
    return q < n ? q : 2 * n - 1 - q;
  };
  let [a, k] = [image, kernel];
  let swapped = false;
  if (mode === 'valid' && (a.length < k.length || a[0].length < k[0].length)) [a, k, swapped] = [k, a, true];
  const [h, w, kh, kw] = [a.length, a[0].length, k.length, k[0].length];
  const size = (n: number, kn: number) => (mode === 'full' ? n + kn - 1 : mode === 'same' ? n : n - kn + 1);
  const origin = (o: number, kn: number) =>
    mode === 'full' ? (flip ? o : o - kn + 1)
    : mode === 'same' ? (flip ? o + ((kn - 1) >> 1) : o - ((kn - 1) >> 1))
    : flip ? o + kn - 1 : o;
  const out: Matrix = [];
  for (let m = 0; m < size(h, kh); m++) {
    out.push([]);
    for (let n = 0; n < size(w, kw); n++) {
      let s = 0;
      for (let j = 0; j < kh; j++) {
        for (let i = 0; i < kw; i++) {
          const r = ext(flip ? origin(m, kh) - j : origin(m, kh) + j, h);
          const c = ext(flip ? origin(n, kw) - i : origin(n, kw) + i, w);
          s += (r < 0 || c < 0 ? fill : a[r][c]) * k[j][i];
        }
      }
      out[m].push(s);
    }
  }
  return swapped && !flip ? out.reverse().map((row) => row.reverse()) : out;
}

describe('convolve2d and correlate2d equal scipy.signal', () => {
  golden.cases.forEach((c, i) =>
    it(`golden case ${i}: ${c.fn} ${c.mode} ${c.boundary}`, () => {
      const f = c.fn === 'convolve2d' ? convolve2d : correlate2d;
      const run = () => f(c.image, c.kernel, { mode: c.mode, boundary: c.boundary, fillValue: c.fillValue });
      if (c.error) expect(run).toThrow(/'valid' mode one of arguments 'image' \(\d+×\d+\) and 'kernel'/);
      else expectClose(run(), c.expected!);
    }),
  );

  it("defaults to mode 'full', boundary 'fill', fillValue 0", () => {
    const image = [[1, 2, 3], [4, 5, 6]];
    const kernel = [[1, -1], [2, 0.5]];
    expect(convolve2d(image, kernel)).toEqual(convolve2d(image, kernel, { mode: 'full', boundary: 'fill', fillValue: 0 }));
    expect(correlate2d(image, kernel, {})).toEqual(correlate2d(image, kernel, { mode: 'full', boundary: 'fill', fillValue: 0 }));
    expect(convolve2d([[1]], [[1, 1], [1, 1]], { fillValue: 5 })).toEqual([[16, 16], [16, 16]]);
  });

  it('matches a per-pixel transliteration of scipy on larger random cases', () => {
    const rnd = random(7);
    const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
    const matrix = (h: number, w: number) => Array.from({ length: h }, () => Array.from({ length: w }, () => rnd() * 10 - 5));
    for (let t = 0; t < 300; t++) {
      // Every tenth case has a kernel far larger than the image: 'wrap'/'symm' go round many times.
      const large = t % 10 === 0;
      const image = large ? matrix(int(1, 6), int(1, 6)) : matrix(int(1, 40), int(1, 40));
      const kernel = large ? matrix(int(8, 20), int(8, 20)) : matrix(int(1, 7), int(1, 7));
      const mode = MODES[t % 3];
      const boundary = BOUNDARIES[Math.floor(t / 3) % 3];
      const fillValue = int(-2, 2);
      const valid = mode !== 'valid' ||
        (image.length >= kernel.length && image[0].length >= kernel[0].length) ||
        (image.length <= kernel.length && image[0].length <= kernel[0].length);
      if (!valid) continue;
      expectClose(convolve2d(image, kernel, { mode, boundary, fillValue }), naive(image, kernel, mode, boundary, fillValue, true));
      expectClose(correlate2d(image, kernel, { mode, boundary, fillValue }), naive(image, kernel, mode, boundary, fillValue, false));
    }
  });

  it('correlates with the kernel unflipped: what a CNN layer computes', () => {
    const image = [[0, 0, 0], [0, 1, 0], [0, 0, 0]];
    const kernel = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];
    expect(convolve2d(image, kernel, { mode: 'same' })).toEqual(kernel);
    expect(correlate2d(image, kernel, { mode: 'same' })).toEqual([[9, 8, 7], [6, 5, 4], [3, 2, 1]]);
  });

  it("centres even kernels in 'same' mode as scipy does (differently for the two functions)", () => {
    const image = [[1, 2, 3, 4]];
    expect(convolve2d(image, [[1, 10]], { mode: 'same' })).toEqual([[1, 12, 23, 34]]);
    expect(correlate2d(image, [[1, 10]], { mode: 'same' })).toEqual([[21, 32, 43, 4]]);
  });

  it("swaps in 'valid' mode when the kernel is larger, reversing correlate2d's output like scipy", () => {
    const small = [[1, 2], [3, 4]];
    const big = [[1, 0, 2], [0, 1, 0], [3, 0, 1]];
    expect(convolve2d(small, big, { mode: 'valid' })).toEqual(convolve2d(big, small, { mode: 'valid' }));
    const forward = correlate2d(big, small, { mode: 'valid' });
    expect(correlate2d(small, big, { mode: 'valid' })).toEqual(forward.slice().reverse().map((r) => r.slice().reverse()));
  });

  it('does not mutate its inputs', () => {
    const image = frozen([[1, 2, 3], [4, 5, 6]]);
    const kernel = frozen([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]);
    const options = frozen({ mode: 'valid' as const });
    for (const f of [convolve2d, correlate2d]) {
      f(image, kernel, options);
      for (const mode of MODES) for (const boundary of BOUNDARIES) f(image, kernel, { mode, boundary });
    }
    expect(image).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(kernel).toEqual([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]);
  });

  it('refuses invalid input, naming the argument', () => {
    const k = [[1]];
    for (const [f, name] of [[convolve2d, 'convolve2d'], [correlate2d, 'correlate2d']] as const) {
      expect(() => f([], k)).toThrow(new RegExp(`${name}: argument 'image' must be a non-empty rectangular matrix`));
      expect(() => f([[]], k)).toThrow(/argument 'image'/);
      expect(() => f([[1, 2], [3]], k)).toThrow(/argument 'image'.*row 1 has 1 entries/);
      expect(() => f([[1, 'a' as unknown as number]], k)).toThrow(/argument 'image'/);
      expect(() => f([1, 2] as unknown as Matrix, k)).toThrow(/argument 'image'/);
      expect(() => f([[1]], [])).toThrow(/argument 'kernel'/);
      expect(() => f([[1]], [[1], [2, 3]])).toThrow(/argument 'kernel'/);
      expect(() => f([[1]], k, { mode: 'middle' as Mode })).toThrow(/argument 'options.mode'/);
      expect(() => f([[1]], k, { boundary: 'reflect' as Boundary })).toThrow(/argument 'options.boundary'/);
      expect(() => f([[1]], k, { fillValue: '0' as unknown as number })).toThrow(/argument 'options.fillValue'/);
      expect(() => f([[1]], k, null as unknown as object)).toThrow(/argument 'options'/);
      expect(() => f([[1, 2, 3, 4, 5], [1, 2, 3, 4, 5]], [[1, 1], [1, 1], [1, 1]], { mode: 'valid' })).toThrow(
        /'valid' mode one of arguments 'image' \(2×5\) and 'kernel' \(3×2\)/,
      );
    }
  });
});
