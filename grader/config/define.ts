import type { GraderConfig, CheckOverride, TrainingLimits } from './types.js';

/**
 * What an instructor writes in grader.config.ts (or grader.config.json): every key optional.
 *
 *   import { defineConfig } from './grader/config/define.js';
 *   export default defineConfig({ checks: { 'convolution.linear': { points: 3 } } });
 */
export interface UserConfig {
  seed?: number;
  numRuns?: number;
  checks?: Record<string, CheckOverride>;
  /** `{ hw1: ['convolution', 'convolution2d'] }`: what `--homework hw1` grades, releases and exports. */
  homeworks?: Record<string, string[]>;
  training?: {
    limits?: Partial<TrainingLimits>;
    fullPointsAccuracy?: number;
    zeroPointsAccuracy?: number;
    backend?: GraderConfig['training']['backend'];
  };
  sandbox?: Partial<GraderConfig['sandbox']>;
}

/** Types the config file; validation happens when it is loaded (validate.ts). */
export function defineConfig(config: UserConfig): UserConfig {
  return config;
}
