import * as tf from '@tensorflow/tfjs';
import type { Grid } from '../core/pictures.js';

/** MNIST's side (not imported from datasets/, which reads files: the studio's page uses this module too). */
const IMAGE_SIZE = 28;

/** Filters and feature maps drawn at most: a first layer of 64 filters shows its first 32. */
const SHOWN = 32;

/** A row-major grid of values. */

/** What the trained model's first convolution learned, and what it makes of one digit. */
export interface FirstLayer {
  /** The layer's name in the model, e.g. "conv2d_Conv2D1". */
  layer: string;
  /** Its filter count, of which `filters` shows the first (at most 32). */
  filterCount: number;
  /** Each filter's weights on the image's (first) channel, KH×KW. */
  filters: Grid[];
  /** The layer's output for `digit`, one map per filter shown (after its activation). */
  featureMaps: Grid[];
}

/**
 * The first Conv2D layer of a trained model: its filters, and its feature maps of `digit`
 * (28×28 values in [0, 1], e.g. the lecture's handwritten 5). Undefined for a model without one.
 */
export function firstLayer(model: tf.LayersModel, digit: number[][]): FirstLayer | undefined {
  const layer = firstConv(model);
  if (!layer) return undefined;
  const filters = learnedFilters(model);
  const count = layer.getWeights()[0].shape[3] ?? filters.length;
  const shown = filters.length;
  const maps = tf.tidy(() => {
    const probe = tf.model({ inputs: model.inputs, outputs: layer.output as tf.SymbolicTensor });
    const x = tf.tensor4d(digit.flat(), [1, IMAGE_SIZE, IMAGE_SIZE, 1]);
    return probe.predict(x) as tf.Tensor;
  });
  const [, height, width] = maps.shape as number[];
  const values = maps.dataSync();
  maps.dispose();
  const featureMaps = Array.from({ length: shown }, (_, f) => ({
    height,
    width,
    values: Array.from({ length: height * width }, (_, i) => values[i * count + f]),
  }));
  return { layer: layer.name, filterCount: count, filters, featureMaps };
}

function firstConv(model: tf.LayersModel): tf.layers.Layer | undefined {
  return model.layers.find((l) => l.getClassName() === 'Conv2D');
}

/** The first Conv2D layer's filters (the first 32) on the image's channel, KH×KW each; none without one. */
export function learnedFilters(model: tf.LayersModel): Grid[] {
  const layer = firstConv(model);
  if (!layer) return [];
  const [kernel] = layer.getWeights();
  const [kh, kw, channels, count] = kernel.shape;
  const weights = kernel.dataSync();
  return Array.from({ length: Math.min(count, SHOWN) }, (_, f) => ({
    height: kh,
    width: kw,
    values: Array.from({ length: kh * kw }, (_, i) => weights[i * channels * count + f]),
  }));
}
