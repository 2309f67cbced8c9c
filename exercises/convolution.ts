/**
 * Exercise: 1D convolution and smoothing (slides "Convolution" and "Moving average").
 *
 * Fill in every function below; each one must give the same numbers as numpy (to 1e-9).
 * Use plain loops over arrays — no libraries. Never change the arrays you are given, and throw
 * an Error whose message names the argument when an input is invalid, e.g.
 * "convolve: argument 'v' must be a non-empty array of numbers".
 */
export type Mode = 'full' | 'same' | 'valid';

/**
 * The convolution of `a` and `v`, exactly like `numpy.convolve(a, v, mode)`.
 *
 * Convolution FLIPS one sequence before sliding it over the other:
 *     full[k] = Σ_i a[i] · v[k - i]      (over every i where both indices exist)
 * Sliding without the flip is a cross-correlation — a different operation.
 *
 * `mode` chooses how much of the sliding you keep (M = a.length, N = v.length):
 * - 'full'  every position where the two overlap at all: M + N - 1 values (the default);
 * - 'same'  max(M, N) values, taken from the middle of 'full' the way numpy does it
 *           (it starts at index floor((min(M, N) - 1) / 2) of 'full' — think about even lengths!);
 * - 'valid' only the positions where the shorter one lies completely inside the longer one:
 *           max(M, N) - min(M, N) + 1 values.
 * numpy swaps the two arguments when v is longer than a; convolution does not care, but the
 * lengths above do.
 *
 * Worked examples (computed with numpy):
 *     convolve([1, 2, 3], [0, 1, 0.5])          → [0, 1, 2.5, 4, 1.5]
 *     convolve([1, 2, 3], [0, 1, 0.5], 'same')  → [1, 2.5, 4]
 *     convolve([1, 2, 3], [0, 1, 0.5], 'valid') → [2.5]
 *     (without the flip you would get [0.5, 2, 3.5, 3, 0] — the wrong answer.)
 */
export function convolve(a: number[], v: number[], mode: Mode = 'full'): number[] {
  throw new Error('not implemented: convolve');
}

/**
 * The moving average: `width` equal weights that sum to 1, i.e. each is 1/width.
 *
 * The slide writes the 5-point average as [1,1,1,1,1]/4, but the weights of an average must sum
 * to 1, so it is [1,1,1,1,1]/5: movingAverageKernel(5) → [0.2, 0.2, 0.2, 0.2, 0.2].
 * `width` must be an integer ≥ 1 (otherwise throw, naming 'width').
 */
export function movingAverageKernel(width: number): number[] {
  throw new Error('not implemented: movingAverageKernel');
}

/**
 * The weighted (binomial) moving average: row size-1 of Pascal's triangle divided by 2^(size-1),
 * so the weights sum to 1 and the middle counts most.
 *     binomialKernel(1) → [1]
 *     binomialKernel(3) → [1, 2, 1]/4 = [0.25, 0.5, 0.25]
 *     binomialKernel(5) → [1, 4, 6, 4, 1]/16   (the slide's weighted moving average)
 * `size` must be an integer ≥ 1 (otherwise throw, naming 'size').
 */
export function binomialKernel(size: number): number[] {
  throw new Error('not implemented: binomialKernel');
}

/**
 * Smooth a noisy signal: convolve(signal, kernel, 'same'), so the result is as long as the signal
 * (for a kernel no longer than the signal). Each output is a weighted average of its neighbours.
 *     smooth([0, 0, 6, 0, 0], movingAverageKernel(3)) → [0, 2, 2, 2, 0]
 *     smooth([0, 0, 16, 0, 0], binomialKernel(3))     → [0, 4, 8, 4, 0]
 */
export function smooth(signal: number[], kernel: number[]): number[] {
  throw new Error('not implemented: smooth');
}
