import type { GraderConfig } from '../config/types.js';
import type { Check } from '../checks/types.js';
import { applyConfig, type Selection } from '../checks/apply-config.js';
import { ALL_CHECKS } from './registry.js';

export type { Selection } from '../checks/apply-config.js';

/** The checks a run grades (every exercise's unless `checks` narrows them), with the config's overrides applied. */
export function selectChecks(config: GraderConfig, selection: Selection, checks: readonly Check[] = ALL_CHECKS): Check[] {
  return applyConfig(config, selection, checks);
}
