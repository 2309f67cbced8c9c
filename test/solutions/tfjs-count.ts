import * as tf from '@tensorflow/tfjs';
import type { ModelSpec } from '../../solutions/parameters.js';

/** The same model built with tfjs layers (weights allocated: keep it small). */
export function tfjsCount(spec: ModelSpec): number {
  const layers = spec.layers.map((l, i) => {
    const first = i === 0 ? { inputShape: spec.inputShape } : {};
    switch (l.type) {
      case 'conv2d':
        return tf.layers.conv2d({ ...first, filters: l.filters, kernelSize: l.kernelSize, strides: l.strides, padding: l.padding, useBias: l.useBias });
      case 'maxPooling2d':
        return tf.layers.maxPooling2d({ ...first, poolSize: l.poolSize, strides: l.strides });
      case 'flatten':
        return tf.layers.flatten(first);
      case 'dense':
        return tf.layers.dense({ ...first, units: l.units, useBias: l.useBias });
    }
  });
  const model = tf.sequential({ layers });
  const n = model.countParams();
  model.dispose();
  return n;
}
