import { DEFAULT_CONFIG } from './defaults.js';
import type { UserConfig } from './define.js';
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

/**
 * Partial user config becomes complete, resolved config here and nowhere else. Precedence: the
 * command line (`o`), then the config file (`user`, already validated), then `base`.
 */
export function resolveConfig(base: GraderConfig = DEFAULT_CONFIG, o: ConfigOverrides = {}, user: UserConfig = {}): GraderConfig {
  const checks: GraderConfig['checks'] = { ...base.checks };
  for (const [id, c] of Object.entries(user.checks ?? {})) checks[id] = { ...checks[id], ...c };
  const limits = { ...base.training.limits, ...user.training?.limits };
  return {
    ...base,
    seed: o.seed ?? user.seed ?? base.seed,
    numRuns: o.numRuns ?? user.numRuns ?? base.numRuns,
    checks,
    homeworks: { ...base.homeworks, ...user.homeworks },
    sandbox: { ...base.sandbox, ...user.sandbox, mode: o.sandbox ?? user.sandbox?.mode ?? base.sandbox.mode },
    training: {
      ...base.training,
      fullPointsAccuracy: user.training?.fullPointsAccuracy ?? base.training.fullPointsAccuracy,
      zeroPointsAccuracy: user.training?.zeroPointsAccuracy ?? base.training.zeroPointsAccuracy,
      backend: o.backend ?? user.training?.backend ?? base.training.backend,
      limits: {
        ...limits,
        trainSamples: o.trainSamples ?? limits.trainSamples,
        testSamples: o.testSamples ?? limits.testSamples,
      },
    },
  };
}
