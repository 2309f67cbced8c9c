/**
 * 1D convolution and smoothing (slides "Convolution", "Moving average"), equal to
 * numpy.convolve. numpy swaps the arguments when `v` is longer than `a`, so 'same' returns
 * max(len(a), len(v)) values and 'valid' |len(a) - len(v)| + 1 values.
 */
export type Mode = 'full' | 'same' | 'valid';

/** numpy.convolve(a, v, mode): out[k] = Σ_i a[i]·v[k-i], i.e. v is flipped before it slides. */
export function convolve(a: number[], v: number[], mode: Mode = 'full'): number[] {
  checkVector('convolve', 'a', a);
  checkVector('convolve', 'v', v);
  if (mode !== 'full' && mode !== 'same' && mode !== 'valid') {
    throw new Error(`convolve: argument 'mode' must be 'full', 'same' or 'valid' (got ${JSON.stringify(mode)})`);
  }
  // Convolution commutes; numpy puts the longer sequence first, which fixes the output length.
  const [long, short] = v.length > a.length ? [v, a] : [a, v];
  const m = long.length;
  const n = short.length;
  // Which slice of the full result (length m + n - 1) each mode keeps, as numpy does.
  const first = mode === 'full' ? 0 : mode === 'same' ? (n - 1) >> 1 : n - 1;
  const length = mode === 'full' ? m + n - 1 : mode === 'same' ? m : m - n + 1;
  const out: number[] = new Array(length);
  for (let o = 0; o < length; o++) {
    const k = first + o;
    let sum = 0;
    for (let i = Math.max(0, k - n + 1), last = Math.min(k, m - 1); i <= last; i++) sum += long[i] * short[k - i];
    out[o] = sum;
  }
  return out;
}

/** `width` equal weights of 1/width: an average, so the weights sum to 1. */
export function movingAverageKernel(width: number): number[] {
  checkSize('movingAverageKernel', 'width', width);
  return new Array<number>(width).fill(1 / width);
}

/** Row size-1 of Pascal's triangle over 2^(size-1): binomialKernel(5) = [1,4,6,4,1]/16. */
export function binomialKernel(size: number): number[] {
  checkSize('binomialKernel', 'size', size);
  // Build the row already normalised, halving at every step: exact while the integers would
  // fit in 53 bits, and it never overflows or underflows for large sizes the way C(n,k)/2^n would.
  let row = [1];
  for (let r = 1; r < size; r++) {
    const next: number[] = new Array(r + 1);
    next[0] = row[0] / 2;
    next[r] = row[r - 1] / 2;
    for (let k = 1; k < r; k++) next[k] = (row[k - 1] + row[k]) / 2;
    row = next;
  }
  return row;
}

/** convolve(signal, kernel, 'same'): a smoothed signal of max(len(signal), len(kernel)) values. */
export function smooth(signal: number[], kernel: number[]): number[] {
  checkVector('smooth', 'signal', signal);
  checkVector('smooth', 'kernel', kernel);
  return convolve(signal, kernel, 'same');
}

function checkVector(fn: string, name: string, x: number[]): void {
  let ok = Array.isArray(x) && x.length > 0;
  for (let i = 0; ok && i < x.length; i++) ok = typeof x[i] === 'number'; // a for loop also sees holes
  if (!ok) throw new Error(`${fn}: argument '${name}' must be a non-empty array of numbers`);
}

function checkSize(fn: string, name: string, size: number): void {
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) {
    throw new Error(`${fn}: argument '${name}' must be an integer ≥ 1 (got ${String(size)})`);
  }
}
