import { DEFAULT_CONFIG } from './defaults.js';
import type { GraderConfig } from './types.js';

/** Options that the command line may set on top of the config file. */
export interface ConfigOverrides {
  seed?: number;
  sandbox?: GraderConfig['sandbox']['mode'];
  backend?: GraderConfig['training']['backend'];
  numRuns?: number;
  trainSamples?: number;
  testSamples?: number;
}

/** Partial user config becomes complete, resolved config here and nowhere else. */
export function resolveConfig(base: GraderConfig = DEFAULT_CONFIG, o: ConfigOverrides = {}): GraderConfig {
  return {
    ...base,
    seed: o.seed ?? base.seed,
    numRuns: o.numRuns ?? base.numRuns,
    sandbox: { ...base.sandbox, mode: o.sandbox ?? base.sandbox.mode },
    training: {
      ...base.training,
      backend: o.backend ?? base.training.backend,
      limits: {
        ...base.training.limits,
        trainSamples: o.trainSamples ?? base.training.limits.trainSamples,
        testSamples: o.testSamples ?? base.training.limits.testSamples,
      },
    },
  };
}
