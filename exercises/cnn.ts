/**
 * Exercise: a CNN for MNIST (slide "Coding! Image classification").
 *
 * Build a convolutional network that reads one handwritten digit and says which of 0–9 it is.
 *
 * - Input: one 28×28 grey-scale image, shape [28, 28, 1] (rows, columns, one channel), pixel
 *   values scaled to [0, 1]. Give the first layer `inputShape: [28, 28, 1]`.
 * - Output: 10 probabilities, one per digit: end with
 *   `tf.layers.dense({ units: 10, activation: 'softmax' })`.
 * - Use built-in `tf.layers` only (conv2d, maxPooling2d, flatten, dense, dropout,
 *   batchNormalization, …). The grader receives your model as its JSON topology and rebuilds it
 *   in its own process, so custom layer classes are refused.
 * - Return the model uncompiled: the grader compiles and trains it itself, with the settings in
 *   `training` below, on the 60,000 training digits, with its own random seed and within its
 *   limits (at most 5 epochs, batch size 8–1024, 2 million parameters, 10 minutes), then
 *   measures the accuracy on the 10,000 test digits. Small and quick beats big and slow: on a
 *   laptop CPU, two conv + pooling stages and one epoch take well under a minute.
 *
 * A typical CNN alternates convolutions (which learn small filters, like the edge detectors of
 * the "Image Filters" slides, and apply each of them everywhere in the image) with pooling
 * (which halves the resolution), then flattens and classifies with a dense layer.
 *
 * Only type imports from tfjs are allowed here: use the `tf` you are given.
 */
import type * as tfType from '@tensorflow/tfjs';

/**
 * An uncompiled model from [28, 28, 1] to 10 softmax outputs, e.g.
 *
 *     return tf.sequential({ layers: [
 *       tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 8, kernelSize: 3, activation: 'relu' }),
 *       ...
 *       tf.layers.dense({ units: 10, activation: 'softmax' }),
 *     ] });
 */
export function buildModel(tf: typeof tfType): tfType.LayersModel {
  throw new Error('not implemented: buildModel');
}

/**
 * How the grader trains your model: `epochs` passes over the training digits, in batches of
 * `batchSize`, with the `optimizer` ('adam', 'sgd' or 'rmsprop') at `learningRate`. Adam with a
 * learning rate of about 0.001–0.003 is a good start.
 */
export const training: { epochs: number; batchSize: number; optimizer: 'adam' | 'sgd' | 'rmsprop'; learningRate: number } = {
  epochs: 1,
  batchSize: 32,
  optimizer: 'adam',
  learningRate: 0.001,
};
