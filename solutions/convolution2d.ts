/**
 * 2D convolution and cross-correlation (slide "Moving Average in 2D"), equal to
 * scipy.signal.convolve2d / correlate2d for float64 inputs, including scipy's edge cases:
 * - 'valid' swaps the inputs when the kernel is at least as large as the image in every
 *   dimension, and refuses (throws) when neither input contains the other;
 * - after such a swap correlate2d's output is reversed in both axes (scipy does the same);
 * - 'same' centres even kernels as scipy does, which differs between the two functions:
 *   convolve2d takes the full result from offset floor((k-1)/2), correlate2d from ceil((k-1)/2);
 * - 'wrap' and 'symm' extend the image periodically however large the kernel is.
 */
export type Mode = 'full' | 'same' | 'valid';
/** image[row][col], every row the same length, row 0 is the top. */
export type Matrix = number[][];
export type Boundary = 'fill' | 'wrap' | 'symm';
export interface Conv2dOptions {
  mode?: Mode;
  boundary?: Boundary;
  fillValue?: number;
}

const MODES: readonly string[] = ['full', 'same', 'valid'];
const BOUNDARIES: readonly string[] = ['fill', 'wrap', 'symm'];

/** scipy.signal.convolve2d(image, kernel, mode, boundary, fillvalue): the kernel is flipped. */
export function convolve2d(image: Matrix, kernel: Matrix, options?: Conv2dOptions): Matrix {
  return run('convolve2d', image, kernel, options, true);
}

/** scipy.signal.correlate2d: no flip — what a CNN's "convolutional" layer computes. */
export function correlate2d(image: Matrix, kernel: Matrix, options?: Conv2dOptions): Matrix {
  return run('correlate2d', image, kernel, options, false);
}

function run(fn: string, image: Matrix, kernel: Matrix, options: Conv2dOptions | undefined, flip: boolean): Matrix {
  const [h, w] = shapeOf(fn, 'image', image);
  const [kh, kw] = shapeOf(fn, 'kernel', kernel);
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw new Error(`${fn}: argument 'options' must be an object (got ${String(options)})`);
  }
  const mode = options?.mode ?? 'full';
  const boundary = options?.boundary ?? 'fill';
  const fillValue = options?.fillValue ?? 0;
  if (!MODES.includes(mode)) {
    throw new Error(`${fn}: argument 'options.mode' must be 'full', 'same' or 'valid' (got ${JSON.stringify(mode)})`);
  }
  if (!BOUNDARIES.includes(boundary)) {
    throw new Error(`${fn}: argument 'options.boundary' must be 'fill', 'wrap' or 'symm' (got ${JSON.stringify(boundary)})`);
  }
  if (typeof fillValue !== 'number') {
    throw new Error(`${fn}: argument 'options.fillValue' must be a number (got ${JSON.stringify(fillValue)})`);
  }
  if (mode === 'valid') {
    const imageContains = h >= kh && w >= kw;
    const kernelContains = kh >= h && kw >= w;
    if (!imageContains && !kernelContains) {
      throw new Error(
        `${fn}: in 'valid' mode one of arguments 'image' (${h}×${w}) and 'kernel' (${kh}×${kw}) ` +
          `must be at least as large as the other in every dimension`,
      );
    }
    if (!imageContains) {
      // scipy swaps the inputs; convolution commutes, correlation comes out reversed.
      const out = compute(kernel, kh, kw, image, h, w, mode, boundary, fillValue, flip);
      return flip ? out : reverse2d(out);
    }
  }
  return compute(image, h, w, kernel, kh, kw, mode, boundary, fillValue, flip);
}

/**
 * out[m][n] = Σ_taps ext(m + r0 + dj, n + c0 + dk) · weight. The image is extended (padded)
 * once into a Float64Array so that the inner loop has no bounds tests; taps are visited in
 * scipy's order (kernel row by row) so each pixel's sum is accumulated the way scipy does.
 */
function compute(
  image: Matrix, h: number, w: number, kernel: Matrix, kh: number, kw: number,
  mode: Mode, boundary: Boundary, fillValue: number, flip: boolean,
): Matrix {
  const oh = mode === 'full' ? h + kh - 1 : mode === 'same' ? h : h - kh + 1;
  const ow = mode === 'full' ? w + kw - 1 : mode === 'same' ? w : w - kw + 1;
  // Where the first kernel window starts, relative to image (0, 0); scipy's C loop offsets.
  const r0 = start(mode, kh, flip);
  const c0 = start(mode, kw, flip);
  const ph = oh + kh - 1;
  const pw = ow + kw - 1;
  const padded = new Float64Array(ph * pw);
  const colSource = new Int32Array(pw); // -1 = take fillValue
  for (let q = 0; q < pw; q++) colSource[q] = extend(c0 + q, w, boundary);
  for (let p = 0; p < ph; p++) {
    const src = extend(r0 + p, h, boundary);
    const base = p * pw;
    if (src < 0) {
      padded.fill(fillValue, base, base + pw);
      continue;
    }
    const row = image[src];
    for (let q = 0; q < pw; q++) {
      const c = colSource[q];
      padded[base + q] = c < 0 ? fillValue : row[c];
    }
  }

  const taps = kh * kw;
  // Four spare slots so that accumulate() never reads past the end (which would deoptimise it).
  const weights = new Float64Array(taps + 4);
  const offsets = new Int32Array(taps + 4);
  for (let j = 0, t = 0; j < kh; j++) {
    for (let k = 0; k < kw; k++, t++) {
      weights[t] = kernel[j][k];
      // Convolution reads the image backwards under the kernel: tap (j, k) meets pixel
      // (kh-1-j, kw-1-k) of the window; correlation reads it forwards.
      offsets[t] = flip ? (kh - 1 - j) * pw + (kw - 1 - k) : j * pw + k;
    }
  }

  const out: Matrix = new Array(oh);
  const acc = new Float64Array(ow);
  for (let m = 0; m < oh; m++) {
    acc.fill(0);
    // Up to five taps per sweep over the row: few passes over acc, weights kept in registers.
    for (let t = 0; t < taps; t += 5) {
      accumulate(acc, padded, m * pw, ow, weights, offsets, t, Math.min(5, taps - t));
    }
    const row: number[] = new Array(ow);
    for (let n = 0; n < ow; n++) row[n] = acc[n];
    out[m] = row;
  }
  return out;
}

/** acc[i] += Σ weights[t..t+count) · p[base + offset + i], summed left to right (scipy's order). */
function accumulate(
  acc: Float64Array, p: Float64Array, base: number, n: number,
  weights: Float64Array, offsets: Int32Array, t: number, count: number,
): void {
  const w0 = weights[t], w1 = weights[t + 1], w2 = weights[t + 2], w3 = weights[t + 3], w4 = weights[t + 4];
  const a = base + offsets[t], b = base + offsets[t + 1], c = base + offsets[t + 2];
  const d = base + offsets[t + 3], e = base + offsets[t + 4];
  switch (count) {
    case 5: for (let i = 0; i < n; i++) acc[i] = acc[i] + w0 * p[a + i] + w1 * p[b + i] + w2 * p[c + i] + w3 * p[d + i] + w4 * p[e + i]; break;
    case 4: for (let i = 0; i < n; i++) acc[i] = acc[i] + w0 * p[a + i] + w1 * p[b + i] + w2 * p[c + i] + w3 * p[d + i]; break;
    case 3: for (let i = 0; i < n; i++) acc[i] = acc[i] + w0 * p[a + i] + w1 * p[b + i] + w2 * p[c + i]; break;
    case 2: for (let i = 0; i < n; i++) acc[i] = acc[i] + w0 * p[a + i] + w1 * p[b + i]; break;
    default: for (let i = 0; i < n; i++) acc[i] = acc[i] + w0 * p[a + i];
  }
}

/** Offset of the first window's top-left corner, per scipy's C loop (flip = convolution). */
function start(mode: Mode, k: number, flip: boolean): number {
  if (mode === 'valid') return 0;
  if (mode === 'full') return -(k - 1);
  // 'same': convolution centres at floor((k-1)/2) of the full output, correlation at ceil.
  return flip ? ((k - 1) >> 1) - (k - 1) : -((k - 1) >> 1);
}

/** Index of the pixel that stands at position i of the extended axis of length n, -1 for fill. */
function extend(i: number, n: number, boundary: Boundary): number {
  if (i >= 0 && i < n) return i;
  if (boundary === 'fill') return -1;
  if (boundary === 'wrap') return ((i % n) + n) % n;
  // 'symm': mirror with the edge repeated, i.e. periodic with period 2n.
  const q = ((i % (2 * n)) + 2 * n) % (2 * n);
  return q < n ? q : 2 * n - 1 - q;
}

function reverse2d(m: Matrix): Matrix {
  return m.map((row) => row.slice().reverse()).reverse();
}

/** [rows, cols] of a non-empty rectangular matrix of numbers; throws naming the argument. */
function shapeOf(fn: string, name: string, m: Matrix): [number, number] {
  const bad = (why: string): never => {
    throw new Error(`${fn}: argument '${name}' must be a non-empty rectangular matrix of numbers (${why})`);
  };
  if (!Array.isArray(m) || m.length === 0) bad('got no rows');
  const first = m[0];
  if (!Array.isArray(first) || first.length === 0) bad('row 0 is empty or not an array');
  const cols = first.length;
  for (let r = 0; r < m.length; r++) {
    const row = m[r];
    if (!Array.isArray(row) || row.length !== cols) bad(`row ${r} has ${Array.isArray(row) ? row.length : 'no'} entries, row 0 has ${cols}`);
    for (let c = 0; c < cols; c++) {
      if (typeof row[c] !== 'number') bad(`entry [${r}][${c}] is ${typeof row[c]}`);
    }
  }
  return [m.length, cols];
}
