import type { GradeResult } from '../core/result.js';

/** Turns one submission's grading result into one file. Outputs are chosen by name (see index.ts). */
export interface Output {
  readonly name: string;
  /** The file it writes in the output folder. */
  readonly fileName: string;
  render(result: GradeResult): string | Promise<string>;
}
