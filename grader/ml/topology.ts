import * as tf from '@tensorflow/tfjs';
import { ModelRefused } from './model-refused.js';
import { nextSeed } from './seeded-random.js';

/** A Keras-style `{ class_name, config }` object, as in `model.toJSON(null, false)`. */
export interface Serialized {
  class_name: string;
  config: Record<string, unknown>;
}

const MODEL_CLASSES = ['Sequential', 'Model', 'Functional'];

function isSerialized(value: unknown): value is Serialized {
  return typeof value === 'object' && value !== null && typeof (value as Serialized).class_name === 'string'
    && typeof (value as Serialized).config === 'object' && (value as Serialized).config !== null;
}

/** The model itself: `model.toJSON(null, false)`, or a saved model's JSON with a `model_config`. */
export function modelConfig(topology: unknown): Serialized {
  const model = isSerialized((topology as { model_config?: unknown })?.model_config)
    ? (topology as { model_config: Serialized }).model_config
    : topology;
  if (!isSerialized(model) || !MODEL_CLASSES.includes(model.class_name)) {
    throw new ModelRefused('the topology is not a tfjs model: expected { class_name: "Sequential" or "Model", config } from model.toJSON()');
  }
  return model;
}

/** Every layer in the model, depth first, including those inside nested models, wrappers and RNN cells. */
export function layersOf(model: Serialized): Serialized[] {
  const found: Serialized[] = [];
  const visit = (layer: unknown): void => {
    if (!isSerialized(layer)) throw new ModelRefused(`a layer of the topology is not { class_name, config }: ${JSON.stringify(layer)?.slice(0, 80)}`);
    found.push(layer);
    const { config } = layer;
    const children = MODEL_CLASSES.includes(layer.class_name)
      ? (Array.isArray(config) ? config : config.layers)
      : [config.layer, config.cell, ...(Array.isArray(config.cells) ? config.cells : [])].filter((c) => c != null);
    if (!Array.isArray(children)) throw new ModelRefused(`model '${String(config.name)}' has no list of layers`);
    children.forEach(visit);
  };
  const { config } = model;
  const top = Array.isArray(config) ? config : config.layers;
  if (!Array.isArray(top) || top.length === 0) throw new ModelRefused('the model has no layers');
  top.forEach(visit);
  return found;
}

/** Refuses any layer class that is not one of tfjs' own (a submission's registered classes do not exist here). */
export function refuseCustomLayers(model: Serialized): void {
  const registry = tf.serialization.SerializationMap.getMap().classNameMap;
  for (const { class_name: name } of layersOf(model)) {
    const entry = Object.hasOwn(registry, name) ? registry[name] : undefined;
    if (!entry || !((entry[0] as { prototype: unknown }).prototype instanceof tf.layers.Layer)) {
      throw new ModelRefused(`custom layer '${name}' is not allowed: use built-in tf.layers only`);
    }
  }
}

/**
 * Makes the model's randomness the grader's: every seedable initializer gets a seed drawn from
 * `random` (so the same grader seed gives the same initial weights), and layers' own `seed`s are
 * cleared, because tfjs reuses a fixed seed on every batch, dropping the same units each time;
 * unseeded, they draw from Math.random, which the training loop seeds. Mutates `model`.
 */
export function seedTopology(model: Serialized, random: () => number): void {
  const visit = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) return value.forEach(visit);
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (key.endsWith('_initializer') && isSerialized(item) && 'seed' in item.config) {
        item.config.seed = 1 + nextSeed(random); // tfjs treats seed 0 as "no seed"
      } else {
        visit(item);
      }
    }
  };
  visit(model);
  for (const layer of layersOf(model)) {
    if ('seed' in layer.config && !MODEL_CLASSES.includes(layer.class_name)) layer.config.seed = null;
  }
}
