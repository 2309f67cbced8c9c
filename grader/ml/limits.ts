import type { TrainingSettings } from '../core/contract.js';
import { ModelRefused } from './model-refused.js';

/** What the grader allows itself to spend training one submitted model. */
export interface TrainingLimits {
  maxEpochs: number;
  minBatchSize: number;
  maxBatchSize: number;
  maxParameters: number;
  /** Wall-clock budget for training; training stops when it runs out. */
  maxSeconds: number;
  /** Train / test on the first n digits only (tests, quick runs); all of MNIST when absent. */
  trainSamples?: number;
  testSamples?: number;
}

export const DEFAULT_LIMITS: TrainingLimits = {
  maxEpochs: 5,
  minBatchSize: 8,
  maxBatchSize: 1024,
  maxParameters: 2_000_000,
  maxSeconds: 600,
};

export const OPTIMIZERS = ['adam', 'sgd', 'rmsprop'] as const;
const MAX_LEARNING_RATE = 10;

/**
 * The settings the grader trains with: a malformed value is refused (ModelRefused), a number
 * outside the limits is clamped into them, and each clamp is explained in `notes`.
 */
export function resolveSettings(settings: unknown, limits: TrainingLimits): { settings: TrainingSettings; notes: string[] } {
  if (typeof settings !== 'object' || settings === null) {
    throw new ModelRefused('training must be an object { epochs, batchSize, optimizer, learningRate }');
  }
  const given = settings as Record<string, unknown>;
  const notes: string[] = [];
  const whole = (key: 'epochs' | 'batchSize', min: number, max: number): number => {
    const value = given[key];
    if (!Number.isInteger(value) || (value as number) < 1) {
      throw new ModelRefused(`training.${key} must be a whole number ≥ 1, got ${JSON.stringify(value)}`);
    }
    const clamped = Math.min(max, Math.max(min, value as number));
    if (clamped !== value) notes.push(`training.${key} ${value} is outside the grader's limits [${min}, ${max}]: used ${clamped}`);
    return clamped;
  };
  const epochs = whole('epochs', 1, limits.maxEpochs);
  const batchSize = whole('batchSize', limits.minBatchSize, limits.maxBatchSize);
  const optimizer = given.optimizer;
  if (!OPTIMIZERS.includes(optimizer as TrainingSettings['optimizer'])) {
    throw new ModelRefused(`training.optimizer must be one of ${OPTIMIZERS.map((o) => `'${o}'`).join(', ')}, got ${JSON.stringify(optimizer)}`);
  }
  const learningRate = given.learningRate;
  if (typeof learningRate !== 'number' || !(learningRate > 0 && learningRate <= MAX_LEARNING_RATE)) {
    throw new ModelRefused(`training.learningRate must be a number in (0, ${MAX_LEARNING_RATE}], got ${JSON.stringify(learningRate)}`);
  }
  return { settings: { epochs, batchSize, optimizer: optimizer as TrainingSettings['optimizer'], learningRate }, notes };
}
