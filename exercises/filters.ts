/**
 * Exercise: image filters (slides "Image Filters", "High Pass Filter", "Other Filters").
 *
 * Build these on your convolve2d / correlate2d. Every filter returns an image of the input's
 * size ('same' mode) and mirrors the border ('symm'), so the edges do not go dark.
 * An empty matrix [] below means "not done yet": replace it with the kernel from the slide.
 */
import type { Matrix } from './convolution2d.js';
// import { convolve2d, correlate2d } from './convolution2d.js';   // you will need these

/**
 * The box filter: a size×size kernel of equal weights 1/size², the 2D moving average.
 *     boxKernel(2) → [[0.25, 0.25], [0.25, 0.25]]
 * `size` must be an integer ≥ 1 (otherwise throw, naming 'size').
 */
export function boxKernel(size: number): Matrix {
  throw new Error('not implemented: boxKernel');
}

/**
 * The slide's 3×3 high-pass kernel: 8 in the middle, -1 all around. Its weights sum to 0, so a
 * flat region gives 0 and only changes (edges, detail, noise) remain.
 */
export const HIGH_PASS: Matrix = []; // TODO: the slide's 3×3 high-pass kernel

/**
 * Derivative filters: they compare the pixels on one side with those on the other. With
 * correlate2d, an X kernel must give a positive value where the image brightens from left to
 * right, a Y kernel where it brightens from top to bottom.
 * Prewitt weighs the three rows (or columns) equally: PREWITT_X = [[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]].
 * Sobel gives the middle row (or column) weight 2:     SOBEL_Y   = [[-1, -2, -1], [0, 0, 0], [1, 2, 1]].
 */
export const PREWITT_X: Matrix = []; // TODO
export const PREWITT_Y: Matrix = []; // TODO
export const SOBEL_X: Matrix = []; // TODO
export const SOBEL_Y: Matrix = []; // TODO

/**
 * Blur: convolve2d(image, boxKernel(size), { mode: 'same', boundary: 'symm' }).
 * Every pixel becomes the average of the size×size square around it.
 * Example: blur([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11], [12, 13, 14, 15]], 3)[0][0] = 15/9 ≈ 1.667
 * (the mirrored border repeats the edge pixels: the square is 0,0,1 / 0,0,1 / 4,4,5).
 */
export function blur(image: Matrix, size: number): Matrix {
  throw new Error('not implemented: blur');
}

/**
 * High pass: what the blur takes away, image − blur(image, size) (size defaults to 3), so that
 * blur + high pass = original, the slide's identity. For size 3 this is the same as
 * convolving with HIGH_PASS and dividing by 9.
 * Example: one bright pixel 9 in a dark 3×4 image (row 1, column 2) becomes
 *     [[0, -1, -1, -1], [0, -1, 8, -1], [0, -1, -1, -1]]
 */
export function highPass(image: Matrix, size: number = 3): Matrix {
  throw new Error('not implemented: highPass');
}

/**
 * Edges: correlate2d the image with the operator's X and Y kernels ({ mode: 'same', boundary:
 * 'symm' }), and combine them into the gradient's length, magnitude = sqrt(x² + y²).
 * Example: for the ramp [[0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3]] and 'prewitt',
 *     x → [[3, 6, 6, 3], [3, 6, 6, 3], [3, 6, 6, 3]], y → all zeros.
 * An operator other than 'prewitt' or 'sobel' throws, naming 'operator'.
 */
export function gradients(image: Matrix, operator: 'prewitt' | 'sobel'): { x: Matrix; y: Matrix; magnitude: Matrix } {
  throw new Error('not implemented: gradients');
}
