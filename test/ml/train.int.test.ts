import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnist, type Mnist } from '../../datasets/mnist.js';
import { initBackend } from '../../grader/ml/backend.js';
import { DEFAULT_LIMITS, disposeModel, ModelRefused, trainAndEvaluate, trainModel, type TrainingReport } from '../../grader/ml/train.js';
import { buildModel, training } from '../../solutions/cnn.js';
import { RANDOM_MODELS, topologyOf } from './topologies.js';

/** A small subset keeps CI fast: 2,000 training digits, 500 test digits. */
const limits = { ...DEFAULT_LIMITS, trainSamples: 2000, testSamples: 500 };
const oneEpoch = { ...training, epochs: 1 };
let data: Mnist;
let referenceTopology: unknown;

beforeAll(async () => {
  await initBackend('wasm');
  data = await loadMnist();
  const model = buildModel(tf);
  referenceTopology = model.toJSON(null, false);
  model.dispose();
});

/** The report without its wall-clock figures, which vary from run to run. */
const timeless = ({ trainSeconds, samplesPerSecond, epochs, ...rest }: TrainingReport) =>
  ({ ...rest, epochs: epochs.map(({ seconds, ...epoch }) => epoch) });

async function trainedWeights(topology: unknown, seed: number) {
  const { model, report } = await trainModel(topology, oneEpoch, { seed, limits, data });
  const weights = model.getWeights().map((w) => Array.from(w.dataSync()));
  disposeModel(model);
  return { weights, report };
}

describe('trainAndEvaluate', () => {
  it('trains the reference CNN on 2,000 digits to well above chance, and reports it', async () => {
    const epochs: number[] = [];
    const report = await trainAndEvaluate(referenceTopology, oneEpoch, { seed: 7, limits, data, onEpoch: (e) => { epochs.push(e.epoch); } });
    expect(report.testAccuracy).toBeGreaterThan(0.5);
    expect(report).toMatchObject({ backend: 'wasm', seed: 7, settings: oneEpoch, notes: [], trainSamples: 2000, testSamples: 500 });
    expect(epochs).toEqual([1]);
    expect(report.confusion.flat().reduce((a, b) => a + b)).toBe(500);
    expect(report.confusion.reduce((correct, row, i) => correct + row[i], 0) / 500).toBe(report.testAccuracy);
    expect(report.misclassified.length).toBe(Math.min(24, Math.round(500 * (1 - report.testAccuracy))));
    expect(report.misclassified[0].pixels).toHaveLength(784);
    expect(report.layers.reduce((sum, l) => sum + l.params, 0)).toBe(report.parameterCount);
    expect(report.samplesPerSecond).toBeGreaterThan(0);
  });

  it('is deterministic for a seed: same weights, same report', async () => {
    const [first, second, other] = [await trainedWeights(referenceTopology, 11), await trainedWeights(referenceTopology, 11), await trainedWeights(referenceTopology, 12)];
    expect(second.weights).toEqual(first.weights);
    expect(timeless(second.report)).toEqual(timeless(first.report));
    expect(other.weights).not.toEqual(first.weights);
  });

  it('is deterministic with dropout and noise layers too', async () => {
    const topology = topologyOf(RANDOM_MODELS['dropout and spatial noise']);
    const [first, second] = [await trainedWeights(topology, 5), await trainedWeights(topology, 5)];
    expect(second.weights).toEqual(first.weights);
  });

  it('clamps settings outside the limits and says so', async () => {
    const report = await trainAndEvaluate(referenceTopology, { ...oneEpoch, batchSize: 4096 }, { seed: 1, limits: { ...limits, trainSamples: 300 }, data });
    expect(report.settings.batchSize).toBe(1024);
    expect(report.notes).toEqual(["training.batchSize 4096 is outside the grader's limits [8, 1024]: used 1024"]);
  });

  it('refuses malformed settings, naming the field', async () => {
    const attempt = (settings: unknown) => trainAndEvaluate(referenceTopology, settings as typeof training, { seed: 1, limits, data });
    await expect(attempt({ ...oneEpoch, optimizer: 'adagrad' })).rejects.toThrow(new ModelRefused("training.optimizer must be one of 'adam', 'sgd', 'rmsprop', got \"adagrad\""));
    await expect(attempt({ ...oneEpoch, epochs: 1.5 })).rejects.toThrow('training.epochs must be a whole number ≥ 1, got 1.5');
    await expect(attempt({ ...oneEpoch, learningRate: -1 })).rejects.toThrow('training.learningRate must be a number in (0, 10], got -1');
    await expect(attempt(null)).rejects.toThrow(ModelRefused);
  });

  it('stops when the time limit runs out, and says where', async () => {
    const report = await trainAndEvaluate(referenceTopology, { ...oneEpoch, epochs: 2, batchSize: 32 }, { seed: 1, limits: { ...limits, maxSeconds: 0 }, data });
    expect(report.stoppedEarly).toBe('the time limit of 0 s ran out in epoch 1 after 1 of 63 batches');
    expect(report.epochs).toMatchObject([{ epoch: 1, partial: { batches: 1, of: 63 } }]);
  });

  it('refuses a model whose layer outputs would not fit in memory, before training', async () => {
    const huge = topologyOf((l) => [
      l.upSampling2d({ inputShape: [28, 28, 1], size: [200, 200] }),
      l.globalAveragePooling2d({}),
      l.dense({ units: 10, activation: 'softmax' }),
    ]);
    await expect(trainAndEvaluate(huge, { ...oneEpoch, batchSize: 32 }, { seed: 1, limits, data }))
      .rejects.toThrow("the model's layer outputs need 3.7 GB for a batch of 32 digits, more than the 1.0 GB the grader allows: use smaller layers or a smaller batch");
  });

  it('turns a model tfjs cannot train into a refusal', async () => {
    const dilated = topologyOf((l) => [l.conv2d({ inputShape: [28, 28, 1], filters: 2, kernelSize: 3, dilationRate: 2 }), l.flatten(), l.dense({ units: 10, activation: 'softmax' })]);
    await expect(trainAndEvaluate(dilated, oneEpoch, { seed: 1, limits, data })).rejects.toThrow(/^tfjs could not train the model: .*dilation/);
  });

  it('leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    await trainAndEvaluate(referenceTopology, oneEpoch, { seed: 1, limits: { ...limits, trainSamples: 200 }, data });
    expect(tf.memory().numTensors).toBe(before);
  });
});
