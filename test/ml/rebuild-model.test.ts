import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../grader/ml/backend.js';
import { ModelRefused, rebuildModel } from '../../grader/ml/train.js';
import { MODELS, RANDOM_MODELS, topologyOf } from './topologies.js';

const limits = { maxParameters: 2_000_000 };
const reference = () => topologyOf((l) => [
  l.conv2d({ inputShape: [28, 28, 1], filters: 8, kernelSize: 3, activation: 'relu' }),
  l.maxPooling2d({ poolSize: 2 }),
  l.flatten(),
  l.dense({ units: 10, activation: 'softmax' }),
]);
type Layer = { class_name: string; config: Record<string, unknown> };
const layersOf = (topology: Record<string, unknown>) => (topology.config as { layers: Layer[] }).layers;

function refusal(topology: unknown, limit = limits): string {
  try {
    rebuildModel(topology, limit).dispose();
  } catch (error) {
    if (error instanceof ModelRefused) return error.message;
    throw error;
  }
  throw new Error('not refused');
}

beforeAll(() => initBackend('cpu'));

describe('rebuildModel accepts built-in layers', () => {
  it.each(Object.keys({ ...MODELS, ...RANDOM_MODELS }))('%s: same topology and parameter count', (name) => {
    const topology = topologyOf({ ...MODELS, ...RANDOM_MODELS }[name]);
    const model = rebuildModel(topology, limits);
    const original = tf.sequential({ layers: { ...MODELS, ...RANDOM_MODELS }[name](tf.layers) });
    expect(model.countParams()).toBe(original.countParams());
    expect(model.toJSON(null, false)).toEqual(topology);
    model.dispose();
    original.dispose();
  });

  it('seeds the initial weights from the grader seed', () => {
    const weights = (seed: number) => {
      const model = rebuildModel(reference(), limits, { seed });
      const values = model.getWeights().map((w) => Array.from(w.dataSync()));
      model.dispose();
      return values;
    };
    expect(weights(1)).toEqual(weights(1));
    expect(weights(1)[0]).not.toEqual(weights(2)[0]);
  });

  it("clears a dropout layer's fixed seed, which would drop the same units on every batch", () => {
    const model = rebuildModel(topologyOf(RANDOM_MODELS['dropout and spatial noise']), limits, { seed: 3 });
    expect(model.layers[1].getConfig().seed).toBeNull();
    model.dispose();
  });
});

describe('rebuildModel refuses, saying why', () => {
  it('a custom layer class, naming it', () => {
    const topology = reference();
    layersOf(topology)[2] = { class_name: 'Foo', config: { name: 'foo' } };
    expect(refusal(topology)).toBe("custom layer 'Foo' is not allowed: use built-in tf.layers only");
  });

  it('a custom layer hidden inside a wrapper or a nested model', () => {
    const wrapped = reference();
    layersOf(wrapped)[2] = { class_name: 'TimeDistributed', config: { name: 'td', layer: { class_name: 'MyDense', config: {} } } };
    expect(refusal(wrapped)).toMatch(/custom layer 'MyDense'/);
    const nested = reference();
    layersOf(nested)[2] = { class_name: 'Sequential', config: { name: 'inner', layers: [{ class_name: 'Bar', config: {} }] } };
    expect(refusal(nested)).toMatch(/custom layer 'Bar'/);
  });

  it('a registered class that is not a layer, and inherited property names', () => {
    const topology = reference();
    layersOf(topology)[2] = { class_name: 'Adam', config: {} };
    expect(refusal(topology)).toMatch(/custom layer 'Adam'/);
    layersOf(topology)[2] = { class_name: 'constructor', config: {} };
    expect(refusal(topology)).toMatch(/custom layer 'constructor'/);
  });

  it('an input other than [28, 28, 1]', () => {
    expect(refusal(topologyOf((l) => [l.flatten({ inputShape: [32, 32, 1] }), l.dense({ units: 10, activation: 'softmax' })])))
      .toBe("the model's input must be [28, 28, 1] (give the first layer inputShape: [28, 28, 1]), got [null, 32, 32, 1]");
    expect(refusal(topologyOf((l) => [l.dense({ inputShape: [784], units: 10, activation: 'softmax' })]))).toMatch(/got \[null, 784\]$/);
    const noShape = reference();
    delete layersOf(noShape)[0].config.batch_input_shape;
    expect(refusal(noShape)).toMatch(/must get an `inputShape`/);
  });

  it('an output other than 10 softmax values', () => {
    expect(refusal(topologyOf((l) => [l.flatten({ inputShape: [28, 28, 1] }), l.dense({ units: 5, activation: 'softmax' })])))
      .toBe("the model's output must be 10 values per digit, [null, 10], got [null, 5]");
    expect(refusal(topologyOf((l) => [l.flatten({ inputShape: [28, 28, 1] }), l.dense({ units: 10, name: 'logits' })])))
      .toBe("the model's last layer (logits) must end in a softmax, e.g. tf.layers.dense({ units: 10, activation: 'softmax' }); it has activation 'linear'");
  });

  it('too many parameters, before allocating them', () => {
    const huge = topologyOf((l) => [l.flatten({ inputShape: [28, 28, 1] }), l.dense({ units: 10, activation: 'softmax' })]);
    (layersOf(huge)[1].config as { units: number }).units = 10;
    layersOf(huge).splice(1, 0, { class_name: 'Dense', config: { units: 5_000_000, name: 'wide', activation: 'relu' } });
    const bytes = tf.memory().numBytes;
    const started = performance.now();
    expect(refusal(huge)).toBe('the model has 3,975,000,010 parameters, more than the limit of 2,000,000');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(tf.memory().numBytes).toBe(bytes);
    expect(refusal(reference(), { maxParameters: 1000 })).toBe('the model has 13,610 parameters, more than the limit of 1,000');
  });

  it('anything that is not plain JSON data', () => {
    const withFunction = reference();
    (layersOf(withFunction)[0].config as Record<string, unknown>).activation = () => 'relu';
    expect(refusal(withFunction)).toBe('the model topology must be plain JSON data (as from model.toJSON()): topology.config.layers[0].config.activation is a function');
    const withGetter = reference();
    Object.defineProperty(layersOf(withGetter)[0].config, 'filters', { get: () => 8, enumerable: true });
    expect(refusal(withGetter)).toMatch(/topology.config.layers\[0\].config.filters is a getter or setter/);
    const cyclic = reference();
    (cyclic.config as Record<string, unknown>).self = cyclic;
    expect(refusal(cyclic)).toMatch(/topology.config.self refers back to itself/);
    expect(refusal({ ...reference(), when: new Date(0) })).toMatch(/topology.when is a Date object/);
    expect(refusal({ ...reference(), big: 'x'.repeat(2_000_000) })).toMatch(/larger than 1000000 bytes/);
    expect(refusal({ ...reference(), n: Number.NaN })).toMatch(/topology.n is NaN/);
    expect(refusal(new Proxy(reference(), {}))).toMatch(/topology is a Proxy/);
  });

  it('something that is not a model, or a layer config tfjs cannot build', () => {
    expect(refusal({})).toMatch(/^the topology is not a tfjs model/);
    expect(refusal('Sequential')).toMatch(/^the topology is not a tfjs model/);
    const broken = reference();
    layersOf(broken)[0].config.kernel_size = 'big';
    expect(refusal(broken)).toMatch(/^tfjs could not rebuild the model from its topology: /);
  });
});
