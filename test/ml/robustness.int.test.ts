import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnist, type Mnist } from '../../datasets/mnist.js';
import { initBackend } from '../../grader/ml/backend.js';
import { ANGLES, robustness, SCALES, SHIFTS, type DigitMoves } from '../../grader/ml/robustness.js';
import { DEFAULT_LIMITS, disposeModel, trainModel } from '../../grader/ml/train.js';
import { buildModel, training } from '../../solutions/cnn.js';
import * as augment from '../../solutions/augment.js';
import { sampleDigit5 } from '../../datasets/sample-images.js';

const limits = { ...DEFAULT_LIMITS, trainSamples: 3000, testSamples: 300 };
const settings = { ...training, epochs: 1 };
const moves: DigitMoves = {
  source: 'the reference',
  translate: async (image, dx, dy) => augment.translate(image, dx, dy),
  rotate: async (image, degrees) => augment.rotate(image, degrees),
  scale: async (image, factor) => augment.scale(image, factor),
};
const five = sampleDigit5();
let data: Mnist;
let topology: unknown;

beforeAll(async () => {
  await initBackend('wasm');
  data = await loadMnist();
  const model = buildModel(tf);
  topology = model.toJSON(null, false);
  model.dispose();
});

describe('robustness', () => {
  it('compares the trained CNN with a dense network of similar size on moved digits', async () => {
    const { model, report } = await trainModel(topology, settings, { seed: 3, limits, data });
    const before = tf.memory().numTensors;
    const result = await robustness(topology, settings, { seed: 3, limits, data, model, digits: 200, moves, five });
    expect(tf.memory().numTensors).toBe(before);
    disposeModel(model);

    expect(result).toMatchObject({ digits: 200, shifts: SHIFTS, angles: ANGLES, scales: SCALES, movedBy: 'the reference' });
    // The many 5s: the handwritten 5 moved every way, each read by both networks as some digit.
    expect(result.fives.map((f) => f.move)).toContain('scaled ×0.7');
    expect(result.fives[0]).toMatchObject({ move: 'as written', pixels: Array.from(Float32Array.from(five.flat())) });
    expect(result.fives[3].pixels).toEqual(Array.from(Float32Array.from(augment.rotate(five, 20).flat())));
    for (const f of result.fives) for (const guess of [f.cnn, f.dense]) expect(guess).toBeGreaterThanOrEqual(0), expect(guess).toBeLessThanOrEqual(9);
    expect(result.dense.model).toMatch(/^dense 784→\d+→10$/);
    const hidden = Number(result.dense.model.split('→')[1]);
    expect(Math.abs(result.dense.parameters - report.parameterCount)).toBeLessThan(795);
    expect(result.dense.parameters).toBe(784 * hidden + hidden + hidden * 10 + 10);
    for (const curve of [result.cnn, result.dense]) {
      expect(curve.byShift).toHaveLength(SHIFTS.length);
      expect(curve.byAngle).toHaveLength(ANGLES.length);
      expect(curve.byScale[SCALES.indexOf(1)]).toBe(curve.byShift[0]);
      // Unmoved digits are classified as in the plain evaluation; moving them costs accuracy.
      expect(curve.byAngle[ANGLES.indexOf(0)]).toBe(curve.byShift[0]);
      expect(curve.byShift[4]).toBeLessThan(curve.byShift[0]);
    }
    expect(result.cnn.parameters).toBe(report.parameterCount);
    // The lecture's point: the dense network loses more to a shift than the CNN does.
    expect(result.dense.byShift[0] - result.dense.byShift[3]).toBeGreaterThan(result.cnn.byShift[0] - result.cnn.byShift[3]);
  });

  it('refuses a moved digit that is not a 28×28 grid of numbers', async () => {
    const broken: DigitMoves = { ...moves, rotate: async () => [[Number.NaN]] };
    await expect(robustness(topology, settings, { seed: 4, limits: { ...limits, trainSamples: 200 }, data, digits: 20, moves: broken, five })).rejects.toThrow('28×28');
  });

  it('trains the CNN itself when not given one, and the result depends only on the seed', async () => {
    const run = () => robustness(topology, settings, { seed: 4, limits: { ...limits, trainSamples: 500 }, data, digits: 50, moves, five });
    expect(await run()).toEqual(await run());
  });
});
