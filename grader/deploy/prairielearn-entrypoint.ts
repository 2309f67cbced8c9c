/**
 * PrairieLearn's external grader entry point (the image's entrypoint.sh calls it): grades
 * <root>/student and always leaves <root>/results/results.json. An upload with no exercise file,
 * or a grader failure, is `gradable: false` with the reason in format_errors (the prairielearn
 * output's `cannotGrade`), so it costs the student no attempt. <root> is /grade; PL_GRADE_ROOT
 * moves it (the tests' temporary root). Nothing about the checks is printed: the container's log
 * is not the student's to read anyway, but hidden checks stay out of it too.
 * https://prairielearn.readthedocs.io/en/latest/externalGrading/
 */
import path from 'node:path';
import { writeAtomic } from '../core/write-atomic.js';
import { prairielearnOutput } from '../outputs/prairielearn.js';
import { gradeUpload } from './grade-upload.js';

const root = process.env.PL_GRADE_ROOT || '/grade';
const log = (line: string) => console.log(line);

const graded = await gradeUpload(path.join(root, 'student'), prairielearnOutput, log, false);
writeAtomic(path.join(root, 'results', 'results.json'), graded.text);
if (graded.result) log(`graded: ${graded.result.score}/${graded.result.maxScore}`);
