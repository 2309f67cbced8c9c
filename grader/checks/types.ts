import type { ExerciseId } from '../core/contract.js';
import type { Submission } from '../core/submission.js';
import type { Reference } from '../core/reference.js';
import type { GraderConfig } from '../config/types.js';
import type { CheckInfo, Verdict } from '../core/verdict.js';

// The plain data a check produces lives in core (results and outputs read it); re-exported for the checks.
export type { Artifacts, CheckInfo, CheckKind, Counterexample, Diagnosis, RecordedCall, Replay, Verdict, Visibility } from '../core/verdict.js';

export interface CheckContext {
  readonly exercise: ExerciseId;
  readonly submission: Submission;
  /** The trusted reference modules, loaded in the grader's process. */
  readonly reference: Reference;
  /** The seed of this check (derived from the run's seed and the check id). */
  readonly seed: number;
  readonly config: GraderConfig;
  /** Another exercise's checks as declared (the cnn's "many 5s" asks whether the student's augment.ts passes its own). */
  readonly checksOf: (exercise: ExerciseId) => readonly Check[];
}

/** A check, declared once and run by every front end (student tests, grading CLI, self-tests). */
export interface Check extends CheckInfo {
  run(ctx: CheckContext): Promise<Verdict>;
}
