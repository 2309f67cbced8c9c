/**
 * Run by Stryker's vitest runner inside its sandbox (a copy of the project with one solutions/ file
 * mutated): each check of MUTATION_EXERCISE is one test, grading the sandbox's solutions/ in-process.
 * The grader, and with it the reference, is imported from MUTATION_ROOT, the intact project, so a
 * mutant is compared with the unmutated reference, never with itself.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { it } from 'vitest';

const root = process.env.MUTATION_ROOT;
const exercise = process.env.MUTATION_EXERCISE;
if (!root || !exercise) throw new Error('MUTATION_ROOT and MUTATION_EXERCISE must be set (npm run bench -- mutation sets them)');
const sandbox = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
if (path.resolve(root) === sandbox) throw new Error('the mutant would be graded against itself: MUTATION_ROOT must be the intact project, not the sandbox');

const from = <T>(file: string): Promise<T> => import(pathToFileURL(path.join(root, file)).href) as Promise<T>;
const { DEFAULT_CONFIG } = await from<typeof import('../../grader/config/defaults.js')>('grader/config/defaults.ts');
const { selectChecks } = await from<typeof import('../../grader/exercises/select-checks.js')>('grader/exercises/select-checks.ts');
const { gradeSubmission } = await from<typeof import('../../grader/run/grade-submission.js')>('grader/run/grade-submission.ts');

const checks = selectChecks(DEFAULT_CONFIG, { only: [exercise as never], visibility: 'all' }).filter((c) => c.kind !== 'training');
for (const check of checks) {
  it(check.id, async () => {
    const graded = await gradeSubmission(path.join(sandbox, 'solutions'), DEFAULT_CONFIG, { isolation: 'in-process', checks: [check], pictures: false });
    const result = graded.exercises[0].checks[0];
    if (result.status !== 'passed') throw new Error(`${check.id}: ${result.status}`);
  });
}
