import type { GraderConfig } from './types.js';

export const DEFAULT_CONFIG: GraderConfig = {
  seed: 20261124,
  numRuns: 100,
  checks: {},
  training: {
    limits: { maxEpochs: 5, minBatchSize: 8, maxBatchSize: 1024, maxParameters: 2_000_000, maxSeconds: 600 },
    fullPointsAccuracy: 0.98,
    zeroPointsAccuracy: 0.9,
    backend: 'auto',
  },
  sandbox: { mode: 'auto', callTimeoutMs: 5_000, exerciseTimeoutMs: 120_000, memoryMb: 2_048 },
};
