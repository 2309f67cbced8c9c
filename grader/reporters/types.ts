import type { GradeResult } from '../run/grade-submission.js';

/** Turns a grading result into one output file. Reporters are chosen by name (`--format`). */
export interface Reporter {
  readonly name: string;
  /** The file it writes in the output folder. */
  readonly fileName: string;
  render(result: GradeResult): string | Promise<string>;
}
