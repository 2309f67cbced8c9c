import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnist, type Mnist } from '../../datasets/mnist.js';
import { initBackend } from '../../grader/ml/backend.js';
import { ANGLES, robustness, SHIFTS } from '../../grader/ml/robustness.js';
import { DEFAULT_LIMITS, disposeModel, trainModel } from '../../grader/ml/train.js';
import { buildModel, training } from '../../solutions/cnn.js';

const limits = { ...DEFAULT_LIMITS, trainSamples: 3000, testSamples: 300 };
const settings = { ...training, epochs: 1 };
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
    const result = await robustness(topology, settings, { seed: 3, limits, data, model, digits: 200 });
    expect(tf.memory().numTensors).toBe(before);
    disposeModel(model);

    expect(result).toMatchObject({ digits: 200, shifts: SHIFTS, angles: ANGLES });
    expect(result.dense.model).toMatch(/^dense 784→\d+→10$/);
    const hidden = Number(result.dense.model.split('→')[1]);
    expect(Math.abs(result.dense.parameters - report.parameterCount)).toBeLessThan(795);
    expect(result.dense.parameters).toBe(784 * hidden + hidden + hidden * 10 + 10);
    for (const curve of [result.cnn, result.dense]) {
      expect(curve.byShift).toHaveLength(SHIFTS.length);
      expect(curve.byAngle).toHaveLength(ANGLES.length);
      // Unmoved digits are classified as in the plain evaluation; moving them costs accuracy.
      expect(curve.byAngle[ANGLES.indexOf(0)]).toBe(curve.byShift[0]);
      expect(curve.byShift[4]).toBeLessThan(curve.byShift[0]);
    }
    expect(result.cnn.parameters).toBe(report.parameterCount);
    // The lecture's point: the dense network loses more to a shift than the CNN does.
    expect(result.dense.byShift[0] - result.dense.byShift[3]).toBeGreaterThan(result.cnn.byShift[0] - result.cnn.byShift[3]);
  });

  it('trains the CNN itself when not given one, and the result depends only on the seed', async () => {
    const run = () => robustness(topology, settings, { seed: 4, limits: { ...limits, trainSamples: 500 }, data, digits: 50 });
    expect(await run()).toEqual(await run());
  });
});
