import type { ExerciseId } from '../../core/contract.js';
import type { Check } from '../types.js';

/** Declares the checks of one exercise: ids are prefixed with the exercise's name. */
export function defineChecks(exercise: ExerciseId, checks: Omit<Check, 'exercise'>[]): Check[] {
  return checks.map((c) => ({ ...c, id: `${exercise}.${c.id}`, exercise }));
}

/** A stable 32-bit seed for one check from the run's seed and the check's id. */
export function checkSeed(runSeed: number, checkId: string): number {
  let h = (runSeed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < checkId.length; i++) h = Math.imul(h ^ checkId.charCodeAt(i), 0x01000193) >>> 0;
  return h | 0;
}
