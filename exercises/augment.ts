/**
 * Exercise: the many "5"s (slides "Why FF networks don't work well for image data").
 *
 * A 5 moved two pixels to the right, turned a little or written a bit larger is still a 5 — but
 * almost every pixel value changes. A plain feed-forward network sees each pixel as a separate
 * input, so to it these are very different pictures; it has to learn every position, angle and
 * size separately. Convolutions, which apply the same small kernel everywhere, do not have this
 * problem. Write the three transformations to see it for yourself.
 *
 * Every function returns a NEW image of the input's size (never change the one you are given);
 * pixels that nothing maps to take `fill`. Coordinates: x = column (to the right), y = row
 * (downwards, row 0 at the top); the centre of the image is ((w-1)/2, (h-1)/2).
 */
import type { Matrix } from './convolution2d.js';

/**
 * Shift the content dx columns to the right and dy rows down (negative: left / up):
 *     out[r][c] = image[r - dy][c - dx], or fill where that pixel does not exist.
 *     translate([[1, 2], [3, 4]], 1, 0) → [[0, 1], [0, 3]]
 * dx and dy must be integers (otherwise throw, naming the argument).
 */
export function translate(image: Matrix, dx: number, dy: number, fill = 0): Matrix {
  throw new Error('not implemented: translate');
}

/**
 * Turn the image counter-clockwise, as seen on screen, by `degrees` about its centre.
 *
 * Use INVERSE mapping: for every destination pixel, work out where in the source it comes from
 * and read the value there, so that no destination pixel is left with a hole. With y pointing
 * down, the source of the destination point (x, y) (measured from the centre) is
 *     (x·cos θ − y·sin θ,  x·sin θ + y·cos θ).
 * Check: rotate([[0, 0, 9], [0, 0, 0], [0, 0, 0]], 90) → [[9, 0, 0], [0, 0, 0], [0, 0, 0]]
 * (the top-right corner moves to the top-left).
 *
 * The source point usually falls between pixels: interpolate bilinearly between the four pixels
 * around it. A source point (x, y) counts as inside when -1e-9 ≤ x ≤ w-1+1e-9 and likewise for y
 * (so rounding error does not lose the edge pixels); clamp it into the image and interpolate.
 * Outside, the pixel takes `fill`. Example: rotating that same picture by 45° gives 4.5 at [0][1].
 */
export function rotate(image: Matrix, degrees: number, fill = 0): Matrix {
  throw new Error('not implemented: rotate');
}

/**
 * Zoom about the centre by `factor` (> 1 enlarges, < 1 shrinks), by inverse mapping: the source
 * of the destination point (x, y) (measured from the centre) is (x / factor, y / factor); then the
 * same inside rule and bilinear interpolation as rotate.
 *     scale([[1, 2, 3]], 2)      → [[1.5, 2, 2.5]]
 *     scale([[1, 2, 3]], 0.5, 7) → [[7, 2, 7]]
 * A factor that is not a positive finite number throws, naming 'factor'.
 */
export function scale(image: Matrix, factor: number, fill = 0): Matrix {
  throw new Error('not implemented: scale');
}
