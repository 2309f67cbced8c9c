import * as tf from '@tensorflow/tfjs';
import { pythonicToTs } from './pythonic-config.js';
import type { Serialized } from './topology.js';

type FromConfig = (cls: unknown, config: unknown, customObjects: object, fastWeightInit: boolean) => tf.LayersModel;
type AddWeight = (name: string, shape: number[], dtype?: tf.DataType, initializer?: unknown, regularizer?: unknown, trainable?: boolean) => unknown;

/**
 * Builds the model with tfjs-layers' own `fromConfig`, as `tf.models.modelFromJSON` does, but
 * synchronously. The config is converted afresh each time because `fromConfig` consumes it.
 */
export function buildFromTopology(model: Serialized): tf.LayersModel {
  const [cls, fromConfig] = tf.serialization.SerializationMap.getMap().classNameMap[model.class_name];
  const config = pythonicToTs(model.config) as Record<string, unknown>;
  config.customObjects = {};
  return (fromConfig as unknown as FromConfig)(cls, config, {}, false);
}

/**
 * Builds the model without allocating its weights, to learn its shapes and parameter count
 * before committing memory: a topology can ask for billions of parameters, which tfjs would
 * spend minutes initialising or die trying. While it runs, `Layer.addWeight` records each
 * weight's shape and hands back a placeholder; the build is synchronous, so nothing else can
 * create a layer meanwhile.
 */
export function dryBuild(model: Serialized): { model: tf.LayersModel; parameters: number } {
  const layerPrototype = tf.layers.Layer.prototype as unknown as { addWeight: AddWeight };
  const addWeight = layerPrototype.addWeight;
  let parameters = 0;
  layerPrototype.addWeight = (name, shape, dtype = 'float32', _initializer, _regularizer, trainable = true) => {
    parameters += shape.reduce((a, b) => a * b, 1);
    return placeholderWeight(name, shape, dtype, trainable);
  };
  try {
    const built = buildFromTopology(model);
    return { model: built, parameters };
  } finally {
    layerPrototype.addWeight = addWeight;
  }
}

function placeholderWeight(name: string, shape: number[], dtype: tf.DataType, trainable: boolean) {
  const unavailable = () => {
    throw new Error(`weight ${name} of a dry build has no values`);
  };
  return { name, originalName: name, shape, dtype, trainable, read: unavailable, write: unavailable, dispose() {} };
}
