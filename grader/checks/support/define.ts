import type { ExerciseId } from '../../core/contract.js';
import type { Check } from '../types.js';

/** Declares the checks of one exercise: ids are prefixed with the exercise's name. */
export function defineChecks(exercise: ExerciseId, checks: Omit<Check, 'exercise'>[]): Check[] {
  return checks.map((c) => ({ ...c, id: `${exercise}.${c.id}`, exercise }));
}
