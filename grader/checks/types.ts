import type { ExerciseId } from '../core/contract.js';
import type { CallOutcome, Submission } from '../core/submission.js';
import type { Reference } from '../core/reference.js';
import type { GraderConfig } from '../config/types.js';
import type { Tolerance } from './support/compare.js';

export type Visibility = 'public' | 'hidden';
export type CheckKind = 'example' | 'property' | 'differential' | 'errors' | 'training';

/** One call the check made to the submission, kept so a failure can be diagnosed and replayed. */
export interface RecordedCall {
  name: string;
  args: unknown[] | undefined;
  outcome: CallOutcome;
}

/** The smallest input fast-check found (or the worked example), with what was expected and got. */
export interface Counterexample {
  /** The inputs, by argument name, as the student would write them. */
  input: Record<string, unknown>;
  expected?: unknown;
  got?: unknown;
  /** The tolerance the check compared `got` with `expected` by; absent: the contract's FLOAT64 (compare.ts). */
  tolerance?: Tolerance;
  /** Every call made to the submission while checking this input. */
  calls: RecordedCall[];
}

/** A known mistake whose outputs match the submission's on the counterexample. */
export interface Diagnosis {
  mistakeId: string;
  title: string;
  explanation: string;
}

/** How to run the same failing case again (fast-check's seed and shrink path). */
export interface Replay {
  seed: number;
  path?: string;
}

/**
 * A check's verdict: a student's mistake is a value (failed, errored), never an exception.
 * `fraction` (0..1) is the share of the points earned; it defaults to 1 for passed, 0 otherwise.
 */
export type Verdict =
  | { status: 'passed'; message?: string; fraction?: number; artifacts?: Artifacts }
  | {
      status: 'failed';
      message: string;
      fraction?: number;
      counterexample?: Counterexample;
      diagnosis?: Diagnosis[];
      replay?: Replay;
      artifacts?: Artifacts;
    }
  /** The submission could not be asked: missing export, threw, timed out, crashed. */
  | { status: 'errored'; message: string; counterexample?: Counterexample; replay?: Replay };

/** Extra data a check hands the report (e.g. the CNN's training curve); keyed by kind. */
export type Artifacts = Record<string, unknown>;

export interface CheckContext {
  readonly exercise: ExerciseId;
  readonly submission: Submission;
  /** The trusted reference modules, loaded in the grader's process. */
  readonly reference: Reference;
  /** The seed of this check (derived from the run's seed and the check id). */
  readonly seed: number;
  readonly config: GraderConfig;
}

/** A check, declared once and run by every front end (student tests, grading CLI, self-tests). */
export interface Check {
  /** Stable id, `<exercise>.<name>`; used in reports, gradebooks and the config file. */
  readonly id: string;
  readonly exercise: ExerciseId;
  readonly title: string;
  /** What the check tests, in words a student understands. */
  readonly description: string;
  readonly points: number;
  readonly visibility: Visibility;
  readonly kind: CheckKind;
  run(ctx: CheckContext): Promise<Verdict>;
}
