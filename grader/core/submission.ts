import type { ExerciseId } from './contract.js';

/**
 * What came back from asking a submission for one export. A student's mistake is a value here;
 * only a fault of the grader itself throws.
 */
export type CallOutcome =
  /**
   * `mutated` is true when the call changed one of its arguments (the contract forbids it). It is
   * decided on the grader's side of any boundary, by comparing what was sent with the arguments'
   * state after the call (argumentsChanged); it is absent when the export was read, not called.
   */
  | { kind: 'returned'; value: unknown; mutated?: boolean }
  /**
   * The student's code threw; `message` is already capped and stripped of control characters.
   * `isError` is true only when the thrown value was an `Error` (the contract's rule for invalid
   * input); a thrown string or object, or a value that could not cross the boundary, leaves it unset.
   */
  | { kind: 'threw'; message: string; isError?: boolean }
  /** The call did not finish within `ms`; the process running it was killed. */
  | { kind: 'timeout'; ms: number }
  /** The process running the code died (exit, abort, memory limit, ...). */
  | { kind: 'crashed'; message: string }
  /** The file or the export does not exist, or the module failed to load. */
  | { kind: 'missing'; message: string };

/**
 * A submission as the checks see it: a set of exercise modules that can only be asked for
 * plain values. The sandboxed implementation runs student code in a child process; the
 * in-process one serves trusted code (the reference, the catalogued mistakes, a student's own
 * `npm test`).
 */
export interface Submission {
  /** Shown in messages and reports, e.g. the folder name. */
  readonly label: string;
  /** Set for code running in the grader's own process (the reference, a student's own `npm run train`). */
  readonly inProcess?: true;
  /**
   * `args === undefined` reads the export as a value (e.g. `HIGH_PASS`, `training`);
   * otherwise calls it as a function with `args` and awaits its result if it is a promise.
   */
  get(exercise: ExerciseId, name: string, args?: unknown[]): Promise<CallOutcome>;
  /** What the student's code printed while running `exercise`, sanitised and capped. */
  output?(exercise: ExerciseId): string;
  /**
   * Frees what running `exercise` holds (its child process), once its queued calls are done,
   * when the grader will not ask it again for a while; its output stays readable, and a later
   * call starts it afresh. Optional: in-process code holds nothing of its own.
   */
  release?(exercise: ExerciseId): Promise<void>;
  /** Frees processes and temp files. Idempotent. */
  close(): Promise<void>;
}
