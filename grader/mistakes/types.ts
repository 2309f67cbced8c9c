import type { ExerciseId } from '../core/contract.js';
import type { Reference } from '../run/reference.js';

/**
 * A mistake students make, as a working implementation of it: the grader runs it on a failing
 * check's counterexample to name the mistake, and the self-test proves the checks catch it.
 */
export interface Mistake {
  /** `<exercise>.<name>` */
  readonly id: string;
  readonly exercise: ExerciseId;
  readonly title: string;
  /** The diagnosis, addressed to the student ("did you flip the kernel?"). */
  readonly explanation: string;
  /** The exports this mistake changes, built from the reference. */
  apply(reference: Reference): Record<string, unknown>;
}

export function defineMistakes(exercise: ExerciseId, mistakes: Omit<Mistake, 'exercise'>[]): Mistake[] {
  return mistakes.map((m) => ({ ...m, id: `${exercise}.${m.id}`, exercise }));
}
