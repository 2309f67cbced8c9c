import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE, PIXELS, firstDigits, unitFloats, type MnistSplit } from '../../datasets/mnist.js';
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
      const [cnnCurve, denseCurve] = curves([cnn, dense], test);
      return {
        digits: test.count,
        shifts: SHIFTS,
        angles: ANGLES,
        cnn: { model: 'your CNN', parameters: cnn.countParams(), ...cnnCurve },
        dense: { model: `dense ${PIXELS}→${hidden}→10`, parameters: dense.countParams(), ...denseCurve },
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

type Move = (image: number[][]) => number[][];

/** Each shift in its four directions (none for 0), and each rotation. */
const SHIFT_MOVES: Move[][] = SHIFTS.map((s) => s === 0
  ? [(image) => image]
  : [[s, 0], [-s, 0], [0, s], [0, -s]].map(([dx, dy]) => (image: number[][]) => translate(image, dx, dy, 0)));
const ANGLE_MOVES: Move[] = ANGLES.map((degrees) => (image) => rotate(image, degrees, 0));

/**
 * Each model's accuracy on the test digits moved every way: one move's digits (n × 784 floats)
 * exist at a time, classified by every model, then dropped.
 */
function curves(models: tf.LayersModel[], test: MnistSplit): Pick<RobustnessCurve, 'byShift' | 'byAngle'>[] {
  const images = Array.from({ length: test.count }, (_, i) => toMatrix(unitFloats(test.pixels.subarray(i * PIXELS, (i + 1) * PIXELS))));
  const accuracies = (move: Move): number[] => {
    const moved = new Float32Array(test.count * PIXELS);
    images.forEach((image, i) => moved.set(move(image).flat(), i * PIXELS));
    return models.map((model) => predictDigits(model, moved).reduce((correct, digit, i) => correct + (digit === test.labels[i] ? 1 : 0), 0) / test.count);
  };
  const byShift = SHIFT_MOVES.map((directions) => directions.map(accuracies));
  const byAngle = ANGLE_MOVES.map(accuracies);
  return models.map((_, m) => ({
    byShift: byShift.map((directions) => mean(directions.map((a) => a[m]))),
    byAngle: byAngle.map((a) => a[m]),
  }));
}

function toMatrix(pixels: Float32Array): number[][] {
  return Array.from({ length: IMAGE_SIZE }, (_, r) => Array.from(pixels.subarray(r * IMAGE_SIZE, (r + 1) * IMAGE_SIZE)));
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
