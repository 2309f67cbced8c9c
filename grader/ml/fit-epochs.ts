import * as tf from '@tensorflow/tfjs';
import { PIXELS, unitFloats, type MnistSplit } from '../../datasets/mnist.js';
import type { TrainingSettings } from '../core/contract.js';
import { reportProgress } from './progress.js';
import { permutation } from './seeded-random.js';
import type { EpochLog } from './training-report.js';

export interface FitOptions extends Pick<TrainingSettings, 'epochs' | 'batchSize'> {
  /** Wall-clock budget: training stops after the batch during which it runs out. */
  maxSeconds: number;
  /** Shuffles each epoch; the caller's seeded PRNG. */
  random: () => number;
  /** Named in progress reports (grader/ml/progress.ts). */
  network: string;
  /** Called after each epoch; time spent in it (e.g. evaluating the model) is not training time. */
  onEpoch?: (epoch: EpochLog, model: tf.LayersModel) => void | Promise<void>;
}

export interface FitResult {
  epochs: EpochLog[];
  /** Digits trained on, counting repeats across epochs. */
  samples: number;
  seconds: number;
  stoppedEarly?: string;
}

/**
 * Trains a compiled model batch by batch, shuffling with the seeded `random` rather than tfjs'
 * unseeded shuffle, and watching the clock between batches.
 */
export async function fitEpochs(model: tf.LayersModel, train: MnistSplit, options: FitOptions): Promise<FitResult> {
  const { batchSize, maxSeconds } = options;
  const batches = Math.ceil(train.count / batchSize);
  const x = new Float32Array(batchSize * PIXELS);
  const y = new Float32Array(batchSize * 10);
  let start = performance.now();
  const elapsed = () => (performance.now() - start) / 1000;
  const epochs: EpochLog[] = [];
  let samples = 0;

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    const order = permutation(train.count, options.random);
    const epochStart = elapsed();
    let loss = 0;
    let correct = 0;
    let seen = 0;
    let stoppedEarly: string | undefined;
    const curve = { loss: [] as number[], accuracy: [] as number[] };
    for (let batch = 0; batch < batches && !stoppedEarly; batch++) {
      const count = fillBatch(train, order.subarray(batch * batchSize, (batch + 1) * batchSize), x, y);
      const [batchLoss, batchAccuracy] = await trainOnBatch(model, x, y, count);
      loss += batchLoss * count;
      correct += batchAccuracy * count;
      seen += count;
      curve.loss.push(rounded(batchLoss));
      curve.accuracy.push(rounded(batchAccuracy));
      reportProgress({ network: options.network, epoch, epochs: options.epochs, batch: batch + 1, batches, loss: batchLoss, accuracy: batchAccuracy, epochLoss: loss / seen, epochAccuracy: correct / seen, seconds: elapsed() - epochStart });
      if (!Number.isFinite(batchLoss)) {
        stoppedEarly = `the loss became ${batchLoss} in epoch ${epoch} (batch ${batch + 1}); a smaller learning rate may help`;
      } else if (elapsed() > maxSeconds && (batch < batches - 1 || epoch < options.epochs)) {
        stoppedEarly = `the time limit of ${maxSeconds} s ran out in epoch ${epoch} after ${batch + 1} of ${batches} batches`;
      }
    }
    samples += seen;
    const log: EpochLog = { epoch, loss: loss / seen, accuracy: correct / seen, seconds: elapsed() - epochStart, batches: curve };
    if (seen < train.count) log.partial = { batches: Math.ceil(seen / batchSize), of: batches };
    epochs.push(log);
    const paused = performance.now();
    await options.onEpoch?.(log, model);
    start += performance.now() - paused;
    if (stoppedEarly) return { epochs, samples, seconds: elapsed(), stoppedEarly };
  }
  return { epochs, samples, seconds: elapsed() };
}

/** Five significant digits: a batch curve is for drawing, and a report holds hundreds of points. */
function rounded(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(5)) : x;
}

/** Writes the digits at `indices` into `x`, scaled to [0, 1], and their one-hot labels into `y`; returns how many. */
function fillBatch(train: MnistSplit, indices: Int32Array, x: Float32Array, y: Float32Array): number {
  y.fill(0);
  indices.forEach((digit, i) => {
    unitFloats(train.pixels.subarray(digit * PIXELS, (digit + 1) * PIXELS), x, i * PIXELS);
    y[i * 10 + train.labels[digit]] = 1;
  });
  return indices.length;
}

async function trainOnBatch(model: tf.LayersModel, x: Float32Array, y: Float32Array, count: number): Promise<[number, number]> {
  const xs = tf.tensor4d(x.subarray(0, count * PIXELS), [count, 28, 28, 1]);
  const ys = tf.tensor2d(y.subarray(0, count * 10), [count, 10]);
  try {
    return (await model.trainOnBatch(xs, ys)) as [number, number];
  } finally {
    xs.dispose();
    ys.dispose();
  }
}
