import type { GradeResult } from '../core/result.js';

/** Turns one submission's grading result into one file. Outputs are chosen by name (see index.ts). */
export interface Output {
  readonly name: string;
  /** The file it writes in the output folder. */
  readonly fileName: string;
  render(result: GradeResult): string | Promise<string>;
  /**
   * The file when the submission could not be graded at all, for the formats an LMS reads
   * (Gradescope's 0 with the reason, PrairieLearn's `gradable: false`): `fault` says whether the
   * student can fix it (`submission`: no exercise file, a bad zip) or the grader failed.
   */
  cannotGrade?(message: string, fault: 'submission' | 'grader'): string;
}

/** An output an LMS reads: it has a "could not grade" result too. */
export type LmsOutput = Output & Required<Pick<Output, 'cannotGrade'>>;
