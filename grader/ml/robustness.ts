import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE, PIXELS, firstDigits, unitFloats, type MnistSplit } from '../../datasets/mnist.js';
import { predictDigits } from './evaluate.js';
import { disposeModel, trainModel, type TrainOptions } from './train.js';
import { DENSE_NETWORK } from './progress.js';

/** Shifts in pixels; each shift > 0 is tried in four directions (right, left, down, up) and averaged. */
export const SHIFTS = [0, 1, 2, 3, 4];
/** Counter-clockwise angles in degrees. */
export const ANGLES = [-30, -20, -10, 0, 10, 20, 30];
/** Zoom factors about the centre. */
export const SCALES = [0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3];

/**
 * The lecture's augmentations (exercises/augment.ts's contract), whoever implements them: the
 * student's own file where it passes its checks, or the reference. Pixels that come into view are 0.
 */
export interface DigitMoves {
  /** Whose functions these are, for the report: e.g. "your augment.ts". */
  source: string;
  translate(image: number[][], dx: number, dy: number): Promise<number[][]>;
  rotate(image: number[][], degrees: number): Promise<number[][]>;
  scale(image: number[][], factor: number): Promise<number[][]>;
}

/** One moved copy of the handwritten 5 and what each network read it as. */
export interface MovedFive {
  /** e.g. "shifted 3 px right", "rotated 30°", "scaled ×0.7". */
  move: string;
  /** 784 values in [0, 1], row-major 28×28. */
  pixels: number[];
  cnn: number;
  dense: number;
}

export interface RobustnessCurve {
  /** e.g. "your CNN" or "dense 784→16→10". */
  model: string;
  parameters: number;
  /** Test accuracy per entry of `shifts` / `angles`. */
  byShift: number[];
  byAngle: number[];
  byScale: number[];
}

/** The lecture's "why not a plain feed-forward network?", answered with the student's own model. */
export interface RobustnessReport {
  /** How many test digits were moved and classified. */
  digits: number;
  shifts: number[];
  angles: number[];
  scales: number[];
  cnn: RobustnessCurve;
  dense: RobustnessCurve;
  /** Whose augment functions moved the digits. */
  movedBy: string;
  /** The lecture's "many 5s": one handwritten 5 moved every way, as each network reads it. */
  fives: MovedFive[];
}

export interface RobustnessOptions extends TrainOptions {
  /** The CNN already trained from `topology` with the same settings and seed; trained here if absent. */
  model?: tf.LayersModel;
  /** Test digits to move; the first `digits` of the test set. */
  digits?: number;
  moves: DigitMoves;
  /** The handwritten 5 of the lecture's "many 5s" (28×28 in [0, 1]). */
  five: number[][];
}

/**
 * Evaluates the trained CNN and a dense network of about the same parameter count (one hidden
 * layer, trained the same way: same settings, seed and data) on test digits shifted by 0..4
 * pixels and rotated by up to ±30°.
 */
export async function robustness(topology: unknown, settings: unknown, options: RobustnessOptions): Promise<RobustnessReport> {
  const { model: given, digits: wanted = 1000, moves, five, ...train } = options;
  const test = firstDigits(options.data.test, Math.min(wanted, train.limits.testSamples ?? wanted));
  const cnn = given ?? (await trainModel(topology, settings, train)).model;
  try {
    const dense = (await trainModel(denseTopology(cnn.countParams()), settings, { ...train, network: DENSE_NETWORK })).model;
    try {
      const [cnnCurve, denseCurve] = await curves([cnn, dense], test, moves);
      return {
        digits: test.count,
        shifts: SHIFTS,
        angles: ANGLES,
        scales: SCALES,
        cnn: { model: 'your CNN', parameters: cnn.countParams(), ...cnnCurve },
        dense: { model: `dense ${PIXELS}→${denseHidden(cnn.countParams())}→10`, parameters: dense.countParams(), ...denseCurve },
        movedBy: moves.source,
        fives: await manyFives(five, moves, cnn, dense),
      };
    } finally {
      disposeModel(dense);
    }
  } finally {
    if (!given) disposeModel(cnn);
  }
}

/** The hidden units that give 784 → hidden → 10 about `parameters` parameters. */
const denseHidden = (parameters: number) => Math.max(1, Math.round((parameters - 10) / (PIXELS + 1 + 10)));

/** The topology of 784 → hidden (relu) → 10 (softmax), with about as many parameters as the CNN's `parameters`. */
export function denseTopology(parameters: number): unknown {
  const hidden = denseHidden(parameters);
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

type Move = (image: number[][]) => Promise<number[][]>;

/** Each shift in its four directions (none for 0), each rotation and each zoom. */
function movesOf(m: DigitMoves): { shifts: Move[][]; angles: Move[]; scales: Move[] } {
  return {
    shifts: SHIFTS.map((s) => s === 0
      ? [async (image) => image]
      : [[s, 0], [-s, 0], [0, s], [0, -s]].map(([dx, dy]) => (image: number[][]) => m.translate(image, dx, dy))),
    angles: ANGLES.map((degrees) => (image) => m.rotate(image, degrees)),
    scales: SCALES.map((factor) => (image) => m.scale(image, factor)),
  };
}

/**
 * Each model's accuracy on the test digits moved every way: one move's digits (n × 784 floats)
 * exist at a time, classified by every model, then dropped.
 */
async function curves(models: tf.LayersModel[], test: MnistSplit, m: DigitMoves): Promise<Pick<RobustnessCurve, 'byShift' | 'byAngle' | 'byScale'>[]> {
  const images = Array.from({ length: test.count }, (_, i) => toMatrix(unitFloats(test.pixels.subarray(i * PIXELS, (i + 1) * PIXELS))));
  const accuracies = async (move: Move): Promise<number[]> => {
    const moved = new Float32Array(test.count * PIXELS);
    for (const [i, image] of images.entries()) moved.set(digitPixels(await move(image)), i * PIXELS);
    return models.map((model) => predictDigits(model, moved).reduce((correct, digit, i) => correct + (digit === test.labels[i] ? 1 : 0), 0) / test.count);
  };
  const all = async <T>(items: T[], f: (item: T) => Promise<number[]>) => {
    const out: number[][] = [];
    for (const item of items) out.push(await f(item));
    return out;
  };
  const { shifts, angles, scales } = movesOf(m);
  const byShift: number[][][] = [];
  for (const directions of shifts) byShift.push(await all(directions, accuracies));
  const byAngle = await all(angles, accuracies);
  const byScale = await all(scales, accuracies);
  return models.map((_, k) => ({
    byShift: byShift.map((directions) => mean(directions.map((a) => a[k]))),
    byAngle: byAngle.map((a) => a[k]),
    byScale: byScale.map((a) => a[k]),
  }));
}

/** The handwritten 5 shifted, rotated and zoomed as the lecture moves it (the studio's page classifies these too). */
export async function movedFives(five: number[][], m: DigitMoves): Promise<Pick<MovedFive, 'move' | 'pixels'>[]> {
  const named: [string, Move][] = [
    ['as written', async (image) => image],
    ['shifted 4 px right', (image) => m.translate(image, 4, 0)],
    ['shifted 4 px up', (image) => m.translate(image, 0, -4)],
    ['rotated 20°', (image) => m.rotate(image, 20)],
    ['rotated −30°', (image) => m.rotate(image, -30)],
    ['scaled ×0.7', (image) => m.scale(image, 0.7)],
    ['scaled ×1.3', (image) => m.scale(image, 1.3)],
  ];
  return Promise.all(named.map(async ([move, f]) => ({ move, pixels: Array.from(digitPixels(await f(five))) })));
}

/** The handwritten 5, shifted, rotated and zoomed, as each network reads it. */
async function manyFives(five: number[][], m: DigitMoves, cnn: tf.LayersModel, dense: tf.LayersModel): Promise<MovedFive[]> {
  const moved = await movedFives(five, m);
  const all = Float32Array.from(moved.flatMap((f) => f.pixels));
  const [byCnn, byDense] = [cnn, dense].map((model) => predictDigits(model, all));
  return moved.map((f, i) => ({ ...f, cnn: byCnn[i], dense: byDense[i] }));
}

/** A moved digit as 784 floats; anything but a 28×28 grid of finite numbers is refused. */
function digitPixels(image: number[][]): Float32Array {
  if (!Array.isArray(image) || image.length !== IMAGE_SIZE || image.some((row) => !Array.isArray(row) || row.length !== IMAGE_SIZE)) {
    throw new Error(`a moved digit must be ${IMAGE_SIZE}×${IMAGE_SIZE}`);
  }
  const out = Float32Array.from(image.flat());
  if (out.some((v) => !Number.isFinite(v))) throw new Error('a moved digit holds a value that is not a finite number');
  return out;
}

function toMatrix(pixels: Float32Array): number[][] {
  return Array.from({ length: IMAGE_SIZE }, (_, r) => Array.from(pixels.subarray(r * IMAGE_SIZE, (r + 1) * IMAGE_SIZE)));
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
