/**
 * What a check decides, as plain data: its verdict with the counterexample, diagnosis and replay,
 * and the check's declaration without its code. Results and every output read these; the checks
 * themselves (grader/checks/types.ts) add the code that decides them.
 */
import type { ExerciseId } from './reference.js';
import type { CallOutcome } from './submission.js';

/** How two numbers are compared (grader/checks/support/compare.ts holds the grader's tolerances). */
export interface Tolerance {
  rel: number;
  abs: number;
}

export type Visibility = 'public' | 'hidden';
export type CheckKind = 'example' | 'property' | 'differential' | 'errors' | 'training';

/** One call the check made to the submission, kept so a failure can be diagnosed and replayed. */
export interface RecordedCall {
  name: string;
  args: unknown[] | undefined;
  outcome: CallOutcome;
}

export type ExpectedIs = 'answer' | 'other-side';

/** The smallest input fast-check found (or the worked example), with what was expected and got. */
export interface Counterexample {
  /** The inputs, by argument name, as the student would write them. */
  input: Record<string, unknown>;
  expected?: unknown;
  got?: unknown;
  /**
   * What `expected` is: the right answer (the reference's, or one the check knows), or the other
   * side of a property that the submission computed too (convolve(v, a) against convolve(a, v)),
   * which may be wrong itself. Absent: the right answer.
   */
  expectedIs?: ExpectedIs;
  /** The tolerance the check compared `got` with `expected` by; absent: the contract's FLOAT64 (grader/checks/support/compare.ts). */
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

/** A check as results and outputs see it: its declaration without the code. */
export interface CheckInfo {
  /** Stable id, `<exercise>.<name>`; used in reports, gradebooks and the config file. */
  readonly id: string;
  readonly exercise: ExerciseId;
  readonly title: string;
  /** What the check tests, in words a student understands. */
  readonly description: string;
  readonly points: number;
  readonly visibility: Visibility;
  readonly kind: CheckKind;
}
