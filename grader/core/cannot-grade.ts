import { existsSync, statSync } from 'node:fs';
import { UserError } from './user-error.js';

/** A submission the grader could not even start on: a missing folder, a file instead. */
export class CannotGrade extends UserError {
  constructor(message: string) {
    super('E_NO_FOLDER', message);
  }
}

/** Refuses (CannotGrade) a submission folder that does not exist or is a file. */
export function assertSubmissionFolder(dir: string): void {
  if (!existsSync(dir)) throw new CannotGrade(`the submission folder ${dir} does not exist`);
  if (!statSync(dir).isDirectory()) throw new CannotGrade(`${dir} is not a folder (a .zip is graded with 'batch')`);
}
