import type * as tf from '@tensorflow/tfjs';
import { buildFromTopology, dryBuild } from './dry-build.js';
import type { TrainingLimits } from './limits.js';
import { ModelRefused } from './model-refused.js';
import { plainJsonProblem } from './plain-json.js';
import { seededRandom } from './seeded-random.js';
import { modelConfig, refuseCustomLayers, seedTopology } from './topology.js';

/** Enough for any model a lecture exercise needs (a 20-layer CNN is ~30 kB). */
export const TOPOLOGY_LIMITS = { maxBytes: 1_000_000, maxDepth: 64 };
const INPUT_SHAPE = [null, 28, 28, 1];
const OUTPUT_SHAPE = [null, 10];

/**
 * Rebuilds a submitted model from its JSON topology (`model.toJSON(null, false)`), refusing with
 * a `ModelRefused` anything the grader will not train: not plain JSON, a custom layer class, an
 * input other than [28, 28, 1], an output other than 10 softmax values, too many parameters.
 * With `seed`, the initial weights are a function of it (see `seedTopology`).
 */
export function rebuildModel(topology: unknown, limits: Pick<TrainingLimits, 'maxParameters'>, options: { seed?: number } = {}): tf.LayersModel {
  const problem = plainJsonProblem(topology, TOPOLOGY_LIMITS);
  if (problem) throw new ModelRefused(`the model topology must be plain JSON data (as from model.toJSON()): ${problem}`);
  const model = modelConfig(structuredClone(topology));
  refuseCustomLayers(model);
  if (options.seed !== undefined) seedTopology(model, seededRandom(options.seed));

  const dry = withTfjsErrorsRefused(() => dryBuild(model));
  refuseWrongShapes(dry.model);
  if (dry.parameters > limits.maxParameters) {
    throw new ModelRefused(`the model has ${dry.parameters.toLocaleString('en-US')} parameters, more than the limit of ${limits.maxParameters.toLocaleString('en-US')}`);
  }
  return withTfjsErrorsRefused(() => buildFromTopology(model));
}

function refuseWrongShapes(model: tf.LayersModel): void {
  const inputs = model.inputs ?? [];
  if (inputs.length !== 1 || !sameShape(inputs[0].shape, INPUT_SHAPE)) {
    const got = inputs.length === 0 ? 'no input shape' : inputs.map((i) => shape(i.shape)).join(' and ');
    throw new ModelRefused(`the model's input must be [28, 28, 1] (give the first layer inputShape: [28, 28, 1]), got ${got}`);
  }
  const outputs = model.outputs ?? [];
  if (outputs.length !== 1 || !sameShape(outputs[0].shape, OUTPUT_SHAPE)) {
    throw new ModelRefused(`the model's output must be 10 values per digit, [null, 10], got ${outputs.map((o) => shape(o.shape)).join(' and ')}`);
  }
  const last = outputs[0].sourceLayer;
  const activation = (last.getConfig() as { activation?: unknown }).activation;
  if (last.getClassName() !== 'Softmax' && activation !== 'softmax') {
    throw new ModelRefused(`the model's last layer (${last.name}) must end in a softmax, e.g. tf.layers.dense({ units: 10, activation: 'softmax' }); it has activation '${String(activation ?? 'none')}'`);
  }
}

function withTfjsErrorsRefused<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof ModelRefused) throw error;
    throw new ModelRefused(`tfjs could not rebuild the model from its topology: ${(error as Error).message}`);
  }
}

function shape(s: (number | null)[]): string {
  return `[${s.map(String).join(', ')}]`;
}

function sameShape(a: (number | null)[], b: (number | null)[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
