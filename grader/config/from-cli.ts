import type { GraderConfig } from './types.js';
import { loadUserConfig } from './load.js';
import { resolveConfig, type ConfigOverrides } from './resolve.js';

/** The command line's config: `--config <file>` (default ./grader.config.ts if present), then flags. */
export async function cliConfig(file: string | undefined, overrides: ConfigOverrides = {}): Promise<GraderConfig> {
  const { ALL_CHECKS } = await import('../exercises/registry.js');
  const { config } = await loadUserConfig(file, ALL_CHECKS.map((c) => c.id));
  return resolveConfig(undefined, overrides, config);
}
