/**
 * The studio's config and checks: the project's config through the one resolver (grader.config.ts
 * in the instructor's repository, so the checks it hides stay hidden; the release's public config
 * in a student's), with the CPU backend, since the studio never trains: its CNN check only rebuilds
 * the model, and starting the WebAssembly backend would cost seconds per check process.
 */
import type { GraderConfig } from '../config/types.js';
import { loadGraderConfig } from '../run/load-config.js';
import type { Check } from '../checks/types.js';
import { selectChecks } from '../exercises/select-checks.js';

export function studioConfig(): Promise<GraderConfig> {
  return loadGraderConfig(undefined, { backend: 'cpu' });
}

/** The checks the studio runs: the public ones that do not train. */
export function studioChecks(config: GraderConfig): Check[] {
  return selectChecks(config, { visibility: 'public' }).filter((c) => c.kind !== 'training');
}
