/**
 * Gradescope's run_autograder calls this: it grades <root>/submission however the student
 * uploaded it and always leaves <root>/results/results.json, a score of 0 with the reason when
 * there is nothing to grade or the grader fails (the gradescope output's `cannotGrade`). <root>
 * is /autograder; AUTOGRADER_ROOT moves it (the tests use a temporary root laid out as Gradescope
 * does). https://gradescope-autograders.readthedocs.io/en/latest/specs/
 */
import path from 'node:path';
import { writeAtomic } from '../core/write-atomic.js';
import { gradescopeOutput } from '../outputs/gradescope.js';
import { gradeUpload } from './grade-upload.js';

const root = process.env.AUTOGRADER_ROOT || '/autograder';
const log = (line: string) => process.stdout.write(line + '\n');

const graded = await gradeUpload(path.join(root, 'submission'), gradescopeOutput, log);
writeAtomic(path.join(root, 'results', 'results.json'), graded.text);
if (graded.result) log(`graded: ${graded.result.score}/${graded.result.maxScore}`);
