import * as tf from '@tensorflow/tfjs';

type Layers = typeof tf.layers;

/** The JSON topology of a sequential model, as the sandbox hands it to the grader. */
export function topologyOf(layers: (l: Layers) => tf.layers.Layer[]): Record<string, unknown> {
  const model = tf.sequential({ layers: layers(tf.layers) });
  const topology = model.toJSON(null, false) as Record<string, unknown>;
  model.dispose();
  return topology;
}

const input = { inputShape: [28, 28, 1] };
const head = (l: Layers) => [l.flatten(), l.dense({ units: 10, activation: 'softmax' })];

/** Small models, one per kind of layer a student's CNN may use; all valid submissions. */
export const MODELS: Record<string, (l: Layers) => tf.layers.Layer[]> = {
  'conv, stride 2, same': (l) => [l.conv2d({ ...input, filters: 4, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }), ...head(l)],
  'conv 5×5 same + max pool, stride 2, same': (l) => [l.conv2d({ ...input, filters: 3, kernelSize: 5, padding: 'same' }), l.maxPooling2d({ poolSize: 3, strides: 2, padding: 'same' }), ...head(l)],
  'depthwise, multiplier 2': (l) => [l.conv2d({ ...input, filters: 3, kernelSize: 3 }), l.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2, strides: 2 }), ...head(l)],
  'separable conv': (l) => [l.conv2d({ ...input, filters: 3, kernelSize: 3, strides: 2 }), l.separableConv2d({ filters: 4, kernelSize: 3, padding: 'same' }), ...head(l)],
  'batch normalisation': (l) => [l.conv2d({ ...input, filters: 3, kernelSize: 3, strides: 2 }), l.batchNormalization(), l.activation({ activation: 'relu' }), ...head(l)],
  'average pooling': (l) => [l.conv2d({ ...input, filters: 3, kernelSize: 3 }), l.averagePooling2d({ poolSize: 2 }), l.averagePooling2d({ poolSize: 3, strides: 2, padding: 'same' }), ...head(l)],
  'global average pooling': (l) => [l.conv2d({ ...input, filters: 8, kernelSize: 3, strides: 2 }), l.globalAveragePooling2d({}), l.dense({ units: 10, activation: 'softmax' })],
  'global max pooling': (l) => [l.conv2d({ ...input, filters: 8, kernelSize: 3, strides: 2 }), l.globalMaxPooling2d({}), l.dense({ units: 10, activation: 'softmax' })],
  'dense hidden layer, elu, softmax layer': (l) => [l.flatten(input), l.dense({ units: 16, activation: 'elu' }), l.dense({ units: 10 }), l.softmax()],
};

/** Randomness, which the gradient comparison leaves out: its draws differ from run to run. */
export const RANDOM_MODELS: Record<string, (l: Layers) => tf.layers.Layer[]> = {
  'dropout and spatial noise': (l) => [l.conv2d({ ...input, filters: 3, kernelSize: 3, strides: 2 }), l.dropout({ rate: 0.3, seed: 7 }), l.gaussianNoise({ stddev: 0.1 }), ...head(l)],
};
