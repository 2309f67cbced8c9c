import type { GraderConfig } from './types.js';
import { DEFAULT_LIMITS } from '../ml/limits.js';
import { SANDBOX_DEFAULTS } from './sandbox-defaults.js';

export const DEFAULT_CONFIG: GraderConfig = {
  seed: 20261124,
  numRuns: 100,
  checks: {},
  homeworks: {},
  training: {
    limits: DEFAULT_LIMITS,
    fullPointsAccuracy: 0.98,
    zeroPointsAccuracy: 0.9,
    backend: 'auto',
  },
  sandbox: { mode: SANDBOX_DEFAULTS.mode, callTimeoutMs: SANDBOX_DEFAULTS.callTimeoutMs, exerciseTimeoutMs: SANDBOX_DEFAULTS.exerciseTimeoutMs, memoryMb: SANDBOX_DEFAULTS.memoryMb },
};
