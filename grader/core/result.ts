import type { ExerciseId } from './contract.js';
import type { CheckInfo, Verdict } from './verdict.js';
import type { Pictures } from './pictures.js';

/**
 * A check's status, decided once where the check runs (grader/run/run-check.ts) and read by every
 * output: `timed-out` is an errored verdict whose call to the submission ran out of time.
 * Partial credit is a score below the points, not a status.
 */
export type CheckStatus = 'passed' | 'failed' | 'errored' | 'timed-out';

export type { CheckInfo };
export interface CheckResult {
  check: CheckInfo;
  status: CheckStatus;
  verdict: Verdict;
  /** Points earned: `points × fraction`. */
  score: number;
  seconds: number;
}

export interface ExerciseResult {
  exercise: ExerciseId;
  /** As the lecture names it, and the slides it comes from (its manifest's; absent in results written before they were recorded). */
  title?: string;
  slides?: string;
  score: number;
  maxScore: number;
  checks: CheckResult[];
  /** What the student's code printed (sanitised, capped), if anything. */
  output?: string;
}

/** Everything one grading run found; outputs turn it into files. */
export interface GradeResult {
  submission: string;
  startedAt: string;
  seconds: number;
  seed: number;
  score: number;
  maxScore: number;
  exercises: ExerciseResult[];
  /** How the grading ran (sandbox, tfjs backend, node version): recorded for reproducibility. */
  environment: Record<string, string>;
  /** The submission's filters and augmentations on sample images, for report.html (grader/outputs/html/pictures.ts). */
  pictures?: Pictures;
  /** How the upload's files were taken (renamed, skipped), when it went through the intake (grader/intake/). */
  intake?: Intake;
}

/** What the intake did with an upload's files, told to the student beside the grade. */
export interface Intake {
  /** The folder that held the exercise files, relative to the upload (`.`: at the top). */
  from: string;
  /** Exercise files graded under the exercise's name: `Filters.ts` as `filters.ts`. */
  renamed: { file: string; as: string }[];
  /** Every other file of the upload, and why it was not graded. */
  skipped: { file: string; why: string }[];
}
