import * as tf from '@tensorflow/tfjs';
import { firstDigits, type Mnist } from '../../datasets/mnist.js';
import type { TrainingSettings } from '../core/contract.js';
import { activationFloatsPerDigit } from './activation-size.js';
import { currentBackend } from './backend.js';
import { evaluate } from './evaluate.js';
import { fitEpochs } from './fit-epochs.js';
import { WasmAdam } from './wasm-kernels/adam.js';
import { resolveSettings, type TrainingLimits } from './limits.js';
import { ModelRefused } from './model-refused.js';
import { rebuildModel } from './rebuild-model.js';
import { nextSeed, seededRandom, withSeededMathRandom } from './seeded-random.js';
import { YOUR_MODEL } from './progress.js';
import type { EpochLog, TrainingReport } from './training-report.js';

export { DEFAULT_LIMITS, type TrainingLimits } from './limits.js';
export { ModelRefused } from './model-refused.js';
export { rebuildModel } from './rebuild-model.js';
export type { EpochLog, LayerSummary, Misclassified, TrainingReport } from './training-report.js';

/** 1 GB of float32 layer outputs per batch; the backward pass needs about as much again. */
const MAX_BATCH_ACTIVATION_FLOATS = 2 ** 28;

export interface TrainOptions {
  /** Decides the initial weights, the shuffling and dropout: the same seed gives the same report. */
  seed: number;
  limits: TrainingLimits;
  data: Mnist;
  /** Named in progress reports; default "your model". */
  network?: string;
  /** Called after each epoch with the model; time spent in it does not count as training. */
  onEpoch?: (epoch: EpochLog, model: tf.LayersModel) => void | Promise<void>;
}

/**
 * Rebuilds a submitted topology and trains it on MNIST in this process, with the grader's data,
 * seed and limits, then evaluates it on the test digits. The caller owns the returned model
 * (dispose it with `disposeModel`); `trainAndEvaluate` is this without the model.
 */
export async function trainModel(topology: unknown, settings: unknown, options: TrainOptions): Promise<{ model: tf.LayersModel; report: TrainingReport }> {
  const { seed, limits, data } = options;
  const { settings: used, notes } = resolveSettings(settings, limits);
  const backend = await currentBackend();
  const random = seededRandom(seed);
  const model = rebuildModel(topology, limits, { seed: nextSeed(random) });
  const batchFloats = activationFloatsPerDigit(model) * used.batchSize;
  if (batchFloats > MAX_BATCH_ACTIVATION_FLOATS) {
    disposeModel(model);
    throw new ModelRefused(`the model's layer outputs need ${gigabytes(batchFloats)} GB for a batch of ${used.batchSize} digits, ` +
      `more than the ${gigabytes(MAX_BATCH_ACTIVATION_FLOATS)} GB the grader allows: use smaller layers or a smaller batch`);
  }
  const train = firstDigits(data.train, limits.trainSamples ?? data.train.count);
  const test = firstDigits(data.test, limits.testSamples ?? data.test.count);
  try {
    model.compile({ optimizer: makeOptimizer(used), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    const fit = await withSeededMathRandom(seededRandom(nextSeed(random)), () =>
      fitEpochs(model, train, { ...used, maxSeconds: limits.maxSeconds, random, network: options.network ?? YOUR_MODEL, onEpoch: options.onEpoch }));
    const evaluation = evaluate(model, test);
    const report: TrainingReport = {
      backend: backend.name,
      seed,
      settings: used,
      notes,
      epochs: fit.epochs,
      testAccuracy: evaluation.accuracy,
      confusion: evaluation.confusion,
      misclassified: evaluation.misclassified,
      parameterCount: model.countParams(),
      layers: model.layers.map((layer) => ({
        name: layer.name,
        className: layer.getClassName(),
        outputShape: JSON.stringify(layer.outputShape),
        params: layer.countParams(),
      })),
      trainSamples: train.count,
      testSamples: test.count,
      trainSeconds: fit.seconds,
      samplesPerSecond: fit.samples / fit.seconds,
      ...(fit.stoppedEarly ? { stoppedEarly: fit.stoppedEarly } : {}),
    };
    return { model, report };
  } catch (error) {
    disposeModel(model);
    if (error instanceof ModelRefused) throw error;
    // e.g. a layer whose gradient tfjs does not implement (dilated convolutions, thresholdedReLU).
    throw new ModelRefused(`tfjs could not train the model: ${(error as Error).message}`);
  }
}

/** Trains and evaluates a submitted topology; see `trainModel`. */
export async function trainAndEvaluate(topology: unknown, settings: TrainingSettings, options: TrainOptions): Promise<TrainingReport> {
  const { model, report } = await trainModel(topology, settings, options);
  disposeModel(model);
  return report;
}

/** Frees a trained model's weights and its optimizer's state. */
export function disposeModel(model: tf.LayersModel): void {
  model.optimizer?.dispose();
  model.dispose();
}

function gigabytes(floats: number): string {
  return (floats * 4 / 2 ** 30).toFixed(1);
}

/** The optimizer the grader trains with, as the submission names it. */
export function makeOptimizer({ optimizer, learningRate }: TrainingSettings): tf.Optimizer {
  switch (optimizer) {
    case 'adam':
      return new WasmAdam(learningRate, 0.9, 0.999); // tf.train.adam's defaults

    case 'sgd':
      return tf.train.sgd(learningRate);
    case 'rmsprop':
      return tf.train.rmsprop(learningRate);
  }
}
