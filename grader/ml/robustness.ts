import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE, PIXELS, firstDigits, type MnistSplit } from '../../datasets/mnist.js';
import { rotate, translate } from '../../solutions/augment.js';
import { predictDigits } from './evaluate.js';
import { disposeModel, trainModel, type TrainOptions } from './train.js';

/** Shifts in pixels; each shift > 0 is tried in four directions (right, left, down, up) and averaged. */
export const SHIFTS = [0, 1, 2, 3, 4];
/** Counter-clockwise angles in degrees. */
export const ANGLES = [-30, -20, -10, 0, 10, 20, 30];

export interface RobustnessCurve {
  /** e.g. "your CNN" or "dense 784→16→10". */
  model: string;
  parameters: number;
  /** Test accuracy per entry of `shifts` / `angles`. */
  byShift: number[];
  byAngle: number[];
}

/** The lecture's "why not a plain feed-forward network?", answered with the student's own model. */
export interface RobustnessReport {
  /** How many test digits were moved and classified. */
  digits: number;
  shifts: number[];
  angles: number[];
  cnn: RobustnessCurve;
  dense: RobustnessCurve;
}

export interface RobustnessOptions extends TrainOptions {
  /** The CNN already trained from `topology` with the same settings and seed; trained here if absent. */
  model?: tf.LayersModel;
  /** Test digits to move; the first `digits` of the test set. */
  digits?: number;
}

/**
 * Evaluates the trained CNN and a dense network of about the same parameter count (one hidden
 * layer, trained the same way: same settings, seed and data) on test digits shifted by 0..4
 * pixels and rotated by up to ±30°.
 */
export async function robustness(topology: unknown, settings: unknown, options: RobustnessOptions): Promise<RobustnessReport> {
  const { model: given, digits: wanted = 1000, ...train } = options;
  const test = firstDigits(options.data.test, Math.min(wanted, train.limits.testSamples ?? wanted));
  const cnn = given ?? (await trainModel(topology, settings, train)).model;
  try {
    const hidden = Math.max(1, Math.round((cnn.countParams() - 10) / (PIXELS + 1 + 10)));
    const dense = (await trainModel(denseTopology(hidden), settings, train)).model;
    try {
      const moved = movedDigits(test);
      return {
        digits: test.count,
        shifts: SHIFTS,
        angles: ANGLES,
        cnn: curve('your CNN', cnn, moved, test.labels),
        dense: curve(`dense ${PIXELS}→${hidden}→10`, dense, moved, test.labels),
      };
    } finally {
      disposeModel(dense);
    }
  } finally {
    if (!given) disposeModel(cnn);
  }
}

/** The topology of 784 → hidden (relu) → 10 (softmax). */
function denseTopology(hidden: number): unknown {
  const model = tf.sequential({
    layers: [
      tf.layers.flatten({ inputShape: [IMAGE_SIZE, IMAGE_SIZE, 1] }),
      tf.layers.dense({ units: hidden, activation: 'relu' }),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
  const topology = model.toJSON(null, false);
  model.dispose();
  return topology;
}

/** The test digits moved every way the curves need: [shift][direction] and [angle], each n × 784. */
interface MovedDigits {
  byShift: Float32Array[][];
  byAngle: Float32Array[];
}

function movedDigits(test: MnistSplit): MovedDigits {
  const images = Array.from({ length: test.count }, (_, i) => toMatrix(test.images.subarray(i * PIXELS, (i + 1) * PIXELS)));
  const all = (move: (image: number[][]) => number[][]) => {
    const moved = new Float32Array(test.count * PIXELS);
    images.forEach((image, i) => moved.set(move(image).flat(), i * PIXELS));
    return moved;
  };
  return {
    byShift: SHIFTS.map((s) => s === 0
      ? [test.images]
      : [[s, 0], [-s, 0], [0, s], [0, -s]].map(([dx, dy]) => all((image) => translate(image, dx, dy, 0)))),
    byAngle: ANGLES.map((degrees) => all((image) => rotate(image, degrees, 0))),
  };
}

function curve(name: string, model: tf.LayersModel, moved: MovedDigits, labels: Uint8Array): RobustnessCurve {
  const accuracy = (images: Float32Array) =>
    predictDigits(model, images).reduce((correct, digit, i) => correct + (digit === labels[i] ? 1 : 0), 0) / labels.length;
  return {
    model: name,
    parameters: model.countParams(),
    byShift: moved.byShift.map((directions) => mean(directions.map(accuracy))),
    byAngle: moved.byAngle.map(accuracy),
  };
}

function toMatrix(pixels: Float32Array): number[][] {
  return Array.from({ length: IMAGE_SIZE }, (_, r) => Array.from(pixels.subarray(r * IMAGE_SIZE, (r + 1) * IMAGE_SIZE)));
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
