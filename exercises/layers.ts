/**
 * Exercise: a convolutional layer from scratch (slide "The convolutional layer").
 *
 * Tensors are NHWC, as in tfjs: an image batch `x` has shape [N, H, W, C] (N images, H rows,
 * W columns, C channels), stored row-major in a flat Float32Array, so element (n, h, w, c) sits at
 * index ((n·H + h)·W + w)·C + c. A kernel `w` has shape [KH, KW, C, F]: F filters, each looking
 * at a KH×KW window across all C input channels. A bias `b` has shape [F].
 *
 * Write plain loops; do not call tfjs here (the grader compares you with tf.conv2d and
 * tf.maxPool). Return new tensors with Float32Array data; never modify your inputs.
 * Invalid input throws an Error whose message names the argument (`x`, `w`, `b`, `dout`,
 * `options.stride`, …): wrong ranks, channel counts that do not match, sizes or strides that are
 * not positive integers, `data.length` ≠ product of `shape`, a 'valid' window larger than `x`.
 */

/** Row-major, like tfjs dataSync(). */
export interface Tensor {
  shape: number[];
  data: Float32Array;
}
export interface ConvLayerOptions {
  stride: number;
  padding: 'valid' | 'same';
}
export interface PoolOptions {
  size: number;
  stride: number;
}

/**
 * The forward pass of a convolutional layer: `tf.conv2d(x, w, stride, padding)` plus the bias.
 * Returns [N, OH, OW, F].
 *
 * A CNN's "convolution" is a cross-correlation — the kernel is NOT flipped:
 *
 *     out[n, i, j, f] = b[f] + Σ_{kh, kw, c} x[n, i·s + kh − top, j·s + kw − left, c] · w[kh, kw, c, f]
 *
 * The same weights are used at every position (weight sharing): a 3×3 filter has 9·C weights
 * however large the image is. Pixels outside the image count as 0.
 *
 * Output size along one axis (input n, kernel k, stride s):
 * - padding 'valid' (no padding; the window stays inside): OH = floor((n − k) / s) + 1.
 * - padding 'same' (TensorFlow's rule): OH = ceil(n / s); the total padding is
 *   max((OH − 1)·s + k − n, 0), of which the smaller half goes on top (left), the rest below (right).
 *
 * Worked example: x = [[1,2,3],[4,5,6],[7,8,9]] (shape [1,3,3,1]), w = [[1,0],[0,−1]]
 * (shape [2,2,1,1]), b = [0.5], stride 1, 'valid': every output is x[i][j] − x[i+1][j+1] + 0.5,
 * so the result is [[−3.5, −3.5], [−3.5, −3.5]] (shape [1,2,2,1]). With stride 2 and 'same',
 * OH = ceil(3/2) = 2, the total padding is (2−1)·2 + 2 − 3 = 1, all of it at the bottom/right,
 * and the result is [[−3.5, 3.5], [7.5, 9.5]].
 */
export function conv2dForward(x: Tensor, w: Tensor, b: Tensor, options: ConvLayerOptions): Tensor {
  throw new Error('not implemented: conv2dForward');
}

/**
 * The backward pass: given dout = ∂L/∂out (shape [N, OH, OW, F]), return the gradients of
 * L = Σ dout · conv2dForward(x, w, b) with respect to x, w and b (same shapes as x, w and [F]).
 *
 * Every product x[·]·w[·] in the forward sum sends dout·w back to that x and dout·x back to
 * that w. Put together:
 * - dx is a "full" convolution of dout with the flipped kernel (each input pixel collects
 *   dout from every output whose window covered it, weighted by the kernel entry it met);
 * - dw correlates x with dout: dw[kh, kw, c, f] = Σ_{n,i,j} x[n, i·s + kh − top, j·s + kw − left, c] · dout[n, i, j, f];
 * - db sums dout over n, i and j: db[f] = Σ dout[n, i, j, f].
 *
 * Worked example: x = [[1, 2, 3]] as [1,1,3,1], w = [[1, −1]] as [1,2,1,1], stride 1, 'valid'
 * → out = [[−1, −1]]. With dout = [[1, 10]]: db = [11]; dw = [1·1 + 2·10, 2·1 + 3·10] = [21, 32];
 * dx = [1·1, −1·1 + 1·10, −1·10] = [1, 9, −10].
 */
export function conv2dBackward(
  dout: Tensor,
  x: Tensor,
  w: Tensor,
  options: ConvLayerOptions,
): { dx: Tensor; dw: Tensor; db: Tensor } {
  throw new Error('not implemented: conv2dBackward');
}

/**
 * Max pooling: `tf.maxPool(x, size, stride, 'valid')`. Each channel separately, each
 * size×size window starting at (i·stride, j·stride) is replaced by its largest value.
 * No padding: OH = floor((H − size) / stride) + 1; a window larger than x is an error.
 * Pooling has no weights: it only shrinks the image.
 *
 * Worked example: x = [[1, 3, 2, 0], [4, 2, 1, 5], [0, 1, 6, 2], [3, 2, 1, 1]] as [1,4,4,1],
 * size 2, stride 2 → [[4, 5], [3, 6]] (shape [1,2,2,1]).
 */
export function maxPool2dForward(x: Tensor, options: PoolOptions): Tensor {
  throw new Error('not implemented: maxPool2dForward');
}

/**
 * The gradient of max pooling: each output's dout goes back to the one input that won its
 * window (the argmax); every other input of that window gets 0. If several inputs tie for the
 * maximum, the first in row-major window order (top row first, left to right) takes it. Where
 * windows overlap (stride < size), an input that wins several windows adds up their gradients.
 * Returns a tensor shaped like x.
 *
 * Worked example: with x as above, size 2, stride 2 and dout = [[10, 20], [30, 40]], the result
 * is [[0, 0, 0, 0], [10, 0, 0, 20], [0, 0, 40, 0], [30, 0, 0, 0]].
 */
export function maxPool2dBackward(dout: Tensor, x: Tensor, options: PoolOptions): Tensor {
  throw new Error('not implemented: maxPool2dBackward');
}
