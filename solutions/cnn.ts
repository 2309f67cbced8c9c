import type * as tfType from '@tensorflow/tfjs';

/** A small CNN for MNIST: two convolution + pooling stages, then a dense classifier. */
export function buildModel(tf: typeof tfType): tfType.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 16, kernelSize: 3, activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
}

export const training = { epochs: 2, batchSize: 32, optimizer: 'adam' as const, learningRate: 0.002 };
