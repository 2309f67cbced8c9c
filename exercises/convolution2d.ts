/**
 * Exercise: 2D convolution (slide "Moving Average in 2D").
 *
 * An image is a Matrix: image[row][col], row 0 at the top, every row the same length. Fill in
 * both functions; each must give the same numbers as scipy.signal (to 1e-9). Never change the
 * matrices you are given, and throw an Error whose message names the argument when an input is
 * invalid (an empty or ragged matrix, an unknown mode or boundary, …).
 *
 * The files filters.ts and augment.ts import the types below from this file.
 */
export type Mode = 'full' | 'same' | 'valid';
/** image[row][col], every row the same length, row 0 is the top. */
export type Matrix = number[][];
/** How pixels outside the image are made up: a constant, the opposite edge, or a mirror image. */
export type Boundary = 'fill' | 'wrap' | 'symm';
export interface Conv2dOptions {
  mode?: Mode;
  boundary?: Boundary;
  fillValue?: number;
}

/**
 * `scipy.signal.convolve2d(image, kernel, mode, boundary, fillvalue)`; defaults 'full', 'fill', 0.
 *
 * As in 1D, the kernel is FLIPPED (upside down and left to right) and then slid over the image:
 *     full[m][n] = Σ_j Σ_k image[m - j][n - k] · kernel[j][k]
 * With an averaging kernel (all weights 1/9 for 3×3) this is the 2D moving average: a blur.
 *
 * Output size for an H×W image and a KH×KW kernel:
 * - 'full'  (H+KH-1)×(W+KW-1): every position where image and kernel overlap;
 * - 'same'  H×W: the middle of 'full', starting at row floor((KH-1)/2), column floor((KW-1)/2);
 * - 'valid' (H-KH+1)×(W-KW+1): only where the kernel lies completely inside the image. If the
 *   kernel is at least as large as the image in both directions, scipy swaps the two; if neither
 *   fits inside the other, scipy refuses (throw an Error naming 'image' and 'kernel').
 *
 * Pixels outside the image (needed by 'full' and 'same') come from `boundary`:
 * - 'fill'  every outside pixel is `fillValue`;
 * - 'wrap'  the image repeats: left of column 0 is the last column (circular);
 * - 'symm'  the image is mirrored with the edge pixel repeated: … 2 1 | 1 2 3 | 3 2 …
 * For the row [[1, 2, 3]] and the kernel [[1, 1, 1]] in 'same' mode:
 *     'fill' → [[3, 6, 5]]   ('fill' with fillValue 10 → [[13, 6, 15]])
 *     'wrap' → [[6, 6, 6]]
 *     'symm' → [[4, 6, 8]]
 *
 * Worked example (scipy): convolve2d([[1, 2], [3, 4]], [[1, 0], [0, -1]])
 *     → [[1, 2, 0], [3, 3, -2], [0, -3, -4]]
 */
export function convolve2d(image: Matrix, kernel: Matrix, options?: Conv2dOptions): Matrix {
  throw new Error('not implemented: convolve2d');
}

/**
 * `scipy.signal.correlate2d`, same options: slide the kernel WITHOUT flipping it.
 *     full[m][n] = Σ_j Σ_k image[m + j - (KH-1)][n + k - (KW-1)] · kernel[j][k]
 * This is what a CNN's "convolutional" layer computes (the network learns its kernels, so the
 * flip would make no difference to what it can learn).
 *
 * Careful, scipy's details differ from convolve2d in two places:
 * - 'same' with an even kernel size takes the middle of 'full' starting at ceil((K-1)/2), not floor;
 * - when 'valid' swaps image and kernel, the result is reversed in both directions.
 *
 * Worked example (scipy): correlate2d([[1, 2], [3, 4]], [[1, 0], [0, -1]])
 *     → [[-1, -2, 0], [-3, -3, 2], [0, 3, 4]]
 */
export function correlate2d(image: Matrix, kernel: Matrix, options?: Conv2dOptions): Matrix {
  throw new Error('not implemented: correlate2d');
}
