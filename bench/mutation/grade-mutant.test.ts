/**
 * Run by Stryker's vitest runner inside its sandbox (a copy of the project with one solutions/ file
 * mutated): each check of MUTATION_EXERCISE is one test, run in-process on the sandbox's solutions/
 * by the grader's own runCheck. The grader, and with it the reference, is imported from
 * MUTATION_ROOT, the intact project, so a mutant is compared with the unmutated reference, never
 * with itself. No mistake catalogue: a diagnosis would cost time on every killed mutant and does
 * not change whether the check passes. The training check is left out (minutes per mutant).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { it } from 'vitest';

const root = process.env.MUTATION_ROOT;
const exercise = process.env.MUTATION_EXERCISE;
if (!root || !exercise) throw new Error('MUTATION_ROOT and MUTATION_EXERCISE must be set (npm run bench -- mutation sets them)');
const sandbox = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
if (path.resolve(root) === sandbox) throw new Error('the mutant would be graded against itself: MUTATION_ROOT must be the intact project, not the sandbox');

// A plain path, not a file:// URL: vitest resolves the computed imports inside a module imported
// by URL (the reference's solutions/, the training backend) against the wrong base.
const from = <T>(file: string): Promise<T> => import(path.join(root, file)) as Promise<T>;
const { DEFAULT_CONFIG } = await from<typeof import('../../grader/config/defaults.js')>('grader/config/defaults.ts');
const { checkSettings } = await from<typeof import('../../grader/config/per-check.js')>('grader/config/per-check.ts');
const { selectChecks } = await from<typeof import('../../grader/exercises/select-checks.js')>('grader/exercises/select-checks.ts');
const { RUNTIMES, checksOf } = await from<typeof import('../../grader/exercises/registry.js')>('grader/exercises/registry.ts');
const { REFERENCE } = await from<typeof import('../../grader/exercises/reference.js')>('grader/exercises/reference.ts');
const { loadInProcess } = await from<typeof import('../../grader/run/load-in-process.js')>('grader/run/load-in-process.ts');
const { inProcessSubmission } = await from<typeof import('../../grader/run/in-process-submission.js')>('grader/run/in-process-submission.ts');
const { runCheck } = await from<typeof import('../../grader/run/run-check.js')>('grader/run/run-check.ts');

const id = exercise as Parameters<typeof loadInProcess>[1][number];
const modules = await loadInProcess(path.join(sandbox, 'solutions'), [id]);
const checks = selectChecks(DEFAULT_CONFIG, { only: [id], visibility: 'all' }).filter((c) => c.kind !== 'training');
for (const check of checks) {
  it(check.id, async () => {
    const submission = inProcessSubmission('mutant', modules, RUNTIMES);
    const result = await runCheck(check, { exercise: id, submission, reference: REFERENCE, checksOf, ...checkSettings(DEFAULT_CONFIG, check.id) }, { mistakes: [], probes: [] });
    if (result.status !== 'passed') throw new Error(`${check.id}: ${result.status}`);
  });
}
