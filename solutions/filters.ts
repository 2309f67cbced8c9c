/**
 * Image filters (slides "Image Filters", "High Pass Filter", "Other Filters"), built on
 * convolve2d / correlate2d with the 'symm' boundary so that the image's edge is not darkened.
 */
import { convolve2d, correlate2d, type Matrix } from './convolution2d.js';

/** size×size weights of 1/size²: the 2D moving average ("box filter"). */
export function boxKernel(size: number): Matrix {
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) {
    throw new Error(`boxKernel: argument 'size' must be an integer ≥ 1 (got ${String(size)})`);
  }
  const w = 1 / (size * size);
  return Array.from({ length: size }, () => new Array<number>(size).fill(w));
}

/** 9·(identity − box): convolving with it and dividing by 9 gives image − blur(image, 3). */
export const HIGH_PASS: Matrix = frozen([[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]]);
// Derivative filters, oriented for correlate2d: x grows left to right, y grows top to bottom.
export const PREWITT_X: Matrix = frozen([[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]]);
export const PREWITT_Y: Matrix = frozen([[-1, -1, -1], [0, 0, 0], [1, 1, 1]]);
export const SOBEL_X: Matrix = frozen([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]);
export const SOBEL_Y: Matrix = frozen([[-1, -2, -1], [0, 0, 0], [1, 2, 1]]);

/** Shared constants must not be changed by a caller (or a student's function). */
function frozen(m: Matrix): Matrix {
  return Object.freeze(m.map((row) => Object.freeze(row))) as Matrix;
}

/** Box blur of the same size as the image; the border is mirrored ('symm'). */
export function blur(image: Matrix, size: number): Matrix {
  return convolve2d(image, boxKernel(size), { mode: 'same', boundary: 'symm' });
}

/** What the blur takes away: image − blur(image, size), so blur + high pass = original. */
export function highPass(image: Matrix, size: number = 3): Matrix {
  const low = blur(image, size);
  return image.map((row, r) => row.map((v, c) => v - low[r][c]));
}

/** Edges: the two derivative images and their magnitude √(x² + y²). */
export function gradients(image: Matrix, operator: 'prewitt' | 'sobel'): { x: Matrix; y: Matrix; magnitude: Matrix } {
  if (operator !== 'prewitt' && operator !== 'sobel') {
    throw new Error(`gradients: argument 'operator' must be 'prewitt' or 'sobel' (got ${JSON.stringify(operator)})`);
  }
  const [kx, ky] = operator === 'prewitt' ? [PREWITT_X, PREWITT_Y] : [SOBEL_X, SOBEL_Y];
  // correlate2d, not convolve2d: the kernels are written the way they are read, left to right.
  const x = correlate2d(image, kx, { mode: 'same', boundary: 'symm' });
  const y = correlate2d(image, ky, { mode: 'same', boundary: 'symm' });
  const magnitude = x.map((row, r) => row.map((gx, c) => Math.sqrt(gx * gx + y[r][c] * y[r][c])));
  return { x, y, magnitude };
}
