/**
 * PrairieLearn's external grader entry point (the image's entrypoint.sh calls it): grades
 * <root>/student and always leaves <root>/results/results.json. An upload with no exercise file,
 * or a grader failure, is `gradable: false` with the reason in format_errors, so it costs the
 * student no attempt. <root> is /grade; PL_GRADE_ROOT moves it (the tests' temporary root).
 * Nothing about the checks is printed: the container's log is not the student's to read anyway,
 * but hidden checks stay out of it too.
 * https://prairielearn.readthedocs.io/en/latest/externalGrading/
 */
import path from 'node:path';
import { writeAtomic } from '../core/write-atomic.js';
import { gradeUpload, reason } from './grade-upload.js';
import { noExerciseFileMessage } from './upload.js';

const root = process.env.PL_GRADE_ROOT || '/grade';
const results = path.join(root, 'results', 'results.json');

function notGradable(message: string): string {
  return JSON.stringify({ gradable: false, message, format_errors: [message] }, null, 2) + '\n';
}

try {
  const graded = await gradeUpload(path.join(root, 'student'), 'prairielearn', () => {});
  writeAtomic(results, graded.rendered ?? notGradable(noExerciseFileMessage()));
  console.log(graded.result ? `graded: ${graded.result.score}/${graded.result.maxScore}` : 'not gradable: no exercise file');
} catch (e) {
  console.log(`grader failed: ${e instanceof Error ? e.stack : String(e)}`);
  writeAtomic(results, notGradable(`The grader could not grade this submission (${reason(e)}). It does not count as an attempt; please tell your instructor.`));
}
