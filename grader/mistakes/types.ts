import type { ExerciseId } from '../core/contract.js';
import type { Reference } from '../core/reference.js';

/**
 * A mistake students make, as a working implementation of it: the grader runs it on a failing
 * check's counterexample and on the exercise's probes to name the mistake, and the self-test
 * proves the checks catch it.
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
  /**
   * Other ways students write the same mistake (the canvas rounded up rather than to the nearest
   * size): each is tried as `apply` is, and the mistake is named when one of them reproduces every
   * value. The self-tests grade `apply`.
   */
  variants?(reference: Reference): Record<string, unknown>[];
  /**
   * Whether a submission's value `got` is this mistake's answer `predicted` (what `apply` returned
   * on the same call). Default: equal up to a student's own rounding (SAME_MISTAKE). A mistake
   * that students write in several equivalent ways (round, floor or truncate) widens it.
   */
  accepts?(got: unknown, predicted: unknown): boolean;
}

/** One call the grader makes to a submission after a failure, to tell mistakes apart. */
export interface ProbeCall {
  readonly name: string;
  /** undefined reads an exported value (e.g. SOBEL_X). */
  readonly args: readonly unknown[] | undefined;
}

export function defineMistakes(exercise: ExerciseId, mistakes: Omit<Mistake, 'exercise'>[]): Mistake[] {
  return mistakes.map((m) => ({ ...m, id: `${exercise}.${m.id}`, exercise }));
}
