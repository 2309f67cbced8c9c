import type { GraderConfig } from './types.js';

/**
 * The seed and the config one check runs with: the config file may pin a check's seed and
 * numRuns; otherwise the seed derives from the run's seed and the check id. Every front end
 * (grading, the student's tests, the release's recording) builds a check's context from this.
 */
export function checkSettings(config: GraderConfig, checkId: string): { seed: number; config: GraderConfig } {
  const own = config.checks[checkId];
  return {
    seed: own?.seed ?? checkSeed(config.seed, checkId),
    config: own?.numRuns === undefined ? config : { ...config, numRuns: own.numRuns },
  };
}

/** A stable 32-bit seed for one check from the run's seed and the check's id. */
export function checkSeed(runSeed: number, checkId: string): number {
  let h = (runSeed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < checkId.length; i++) h = Math.imul(h ^ checkId.charCodeAt(i), 0x01000193) >>> 0;
  return h | 0;
}
