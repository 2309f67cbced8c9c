import type { GraderConfig } from './types.js';
import { DEFAULT_LIMITS } from '../ml/limits.js';

export const DEFAULT_CONFIG: GraderConfig = {
  seed: 20261124,
  numRuns: 100,
  checks: {},
  training: {
    limits: DEFAULT_LIMITS,
    fullPointsAccuracy: 0.98,
    zeroPointsAccuracy: 0.9,
    backend: 'auto',
  },
  sandbox: { mode: 'auto', callTimeoutMs: 5_000, exerciseTimeoutMs: 120_000, memoryMb: 2_048 },
};
