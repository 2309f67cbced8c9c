/**
 * Gradescope's run_autograder calls this: it grades <root>/submission however the student
 * uploaded it and always leaves <root>/results/results.json, a score of 0 with the reason when
 * there is nothing to grade or the grader fails. <root> is /autograder; AUTOGRADER_ROOT moves it
 * (the tests use a temporary root laid out as Gradescope does).
 * https://gradescope-autograders.readthedocs.io/en/latest/specs/
 */
import path from 'node:path';
import { writeAtomic } from '../core/write-atomic.js';
import { gradeUpload, reason } from './grade-upload.js';
import { noExerciseFileMessage } from './upload.js';

const root = process.env.AUTOGRADER_ROOT || '/autograder';
const results = path.join(root, 'results', 'results.json');
const log = (line: string) => process.stdout.write(line + '\n');

/** A results.json that gives 0 and says why, shown to the student (Gradescope's top-level output). */
function gradescopeFailure(message: string): string {
  return JSON.stringify({ score: 0, output: message, output_format: 'text', tests: [] }, null, 2) + '\n';
}

try {
  const graded = await gradeUpload(path.join(root, 'submission'), 'gradescope', log);
  writeAtomic(results, graded.rendered ?? gradescopeFailure(noExerciseFileMessage()));
} catch (e) {
  log(`grader failed: ${e instanceof Error ? e.stack : String(e)}`);
  writeAtomic(results, gradescopeFailure(`The autograder could not grade this submission (${reason(e)}). Please tell your instructor.`));
}
