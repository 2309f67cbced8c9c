import type { GraderConfig } from '../config/types.js';
import type { UserConfig } from '../config/define.js';
import { loadUserConfig } from '../config/load.js';
import { validateOverrides, validateUserConfig } from '../config/validate.js';
import { resolveConfig, type ConfigOverrides } from '../config/resolve.js';
import { ALL_CHECKS, EXERCISES } from '../exercises/registry.js';

/**
 * The config every front end grades with: the config file (`file`, else grader.config.ts or
 * .json in the working folder `cwd` if there is one), validated, with `overrides` (the command line) on
 * top. The instructor's file hides checks from the student's `npm test` and studio too; in a
 * student release there is no file, and the defaults are the instructor's public config.
 */
export async function loadGraderConfig(file?: string, overrides: ConfigOverrides = {}, cwd = process.cwd()): Promise<GraderConfig> {
  validateOverrides(overrides);
  return resolveConfig(undefined, overrides, await loadWrittenConfig(file, cwd));
}

/** The config file as the instructor wrote it, validated (what an LMS image carries: grader/deploy/image-config.ts). */
export async function loadWrittenConfig(file?: string, cwd = process.cwd()): Promise<UserConfig> {
  return (await loadUserConfig(file, ALL_CHECKS.map((c) => c.id), cwd, EXERCISES)).config;
}

/** A written config carried as data (`source` names where it came from), validated again and resolved. */
export function configFromData(raw: unknown, source: string): GraderConfig {
  return resolveConfig(undefined, {}, validateUserConfig(raw, ALL_CHECKS.map((c) => c.id), source, EXERCISES));
}
