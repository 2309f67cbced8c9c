import { DEFAULT_CONFIG } from './defaults.js';
import type { UserConfig } from './define.js';
import type { GraderConfig } from './types.js';
import { loadUserConfig } from './load.js';

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
 * The config every front end grades with: the config file (`file`, else ./grader.config.ts or
 * .json in the working folder if there is one), validated, with `overrides` (the command line) on
 * top. The instructor's file hides checks from the student's `npm test` and studio too; in a
 * student release there is no file, and the defaults are the instructor's public config.
 */
export async function loadGraderConfig(file?: string, overrides: ConfigOverrides = {}): Promise<GraderConfig> {
  const { ALL_CHECKS, EXERCISES } = await import('../exercises/registry.js');
  const { config } = await loadUserConfig(file, ALL_CHECKS.map((c) => c.id), process.cwd(), EXERCISES);
  return resolveConfig(undefined, overrides, config);
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
