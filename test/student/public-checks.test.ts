/**
 * The student's `npm test`: every public check, run against a submission folder in-process.
 * SUBMISSION selects the folder (exercises/ for students, solutions/ in the project's own suite).
 */
import path from 'node:path';
import { describe, it } from 'vitest';
import { EXERCISES } from '../../grader/core/contract.js';
import { DEFAULT_CONFIG } from '../../grader/config/defaults.js';
import { selectChecks } from '../../grader/checks/index.js';
import { checkSeed } from '../../grader/checks/support/define.js';
import { ALL_MISTAKES } from '../../grader/mistakes/index.js';
import { REFERENCE } from '../../grader/run/reference.js';
import { runCheck } from '../../grader/run/run-check.js';
import { loadInProcess } from '../../grader/run/load-in-process.js';
import { inProcessSubmission } from '../../grader/run/in-process-submission.js';
import { formatCheckText } from '../../grader/feedback/format-text.js';

const folder = process.env.SUBMISSION ?? 'solutions';
const submission = inProcessSubmission(folder, await loadInProcess(path.resolve(folder)));
const checks = selectChecks(DEFAULT_CONFIG, { visibility: 'public' });

for (const exercise of EXERCISES) {
  const own = checks.filter((c) => c.exercise === exercise);
  if (own.length === 0) continue;
  describe(`${exercise} (${folder}/${exercise}.ts)`, () => {
    for (const check of own) {
      it(`${check.title} [${check.points} pt]`, async () => {
        const ctx = { exercise, submission, reference: REFERENCE, seed: checkSeed(DEFAULT_CONFIG.seed, check.id), config: DEFAULT_CONFIG };
        const result = await runCheck(check, ctx, ALL_MISTAKES);
        if (result.verdict.status !== 'passed') throw new Error('\n' + formatCheckText(result));
      });
    }
  });
}
