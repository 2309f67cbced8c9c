import type { GraderConfig } from '../config/types.js';
import { loadUserConfig } from '../config/load.js';
import { resolveConfig, type ConfigOverrides } from '../config/resolve.js';
import { ALL_CHECKS, EXERCISES } from '../exercises/registry.js';

/**
 * The config every front end grades with: the config file (`file`, else grader.config.ts or
 * .json in the working folder `cwd` if there is one), validated, with `overrides` (the command line) on
 * top. The instructor's file hides checks from the student's `npm test` and studio too; in a
 * student release there is no file, and the defaults are the instructor's public config.
 */
export async function loadGraderConfig(file?: string, overrides: ConfigOverrides = {}, cwd = process.cwd()): Promise<GraderConfig> {
  const { config } = await loadUserConfig(file, ALL_CHECKS.map((c) => c.id), cwd, EXERCISES);
  return resolveConfig(undefined, overrides, config);
}
