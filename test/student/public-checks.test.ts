/**
 * The student's `npm test`: every public check, run against a submission folder in-process.
 * SUBMISSION selects the folder (exercises/ for students, solutions/ in the project's own suite).
 * REPLAY='<checkId>:<seed>:<path>' (printed under each failing check) runs only that check, on
 * only the failing case fast-check found.
 */
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { EXERCISES, RUNTIMES } from '../../grader/exercises/registry.js';
import { installHangGuard } from '../../grader/run/hang-guard.js';
import { loadGraderConfig } from '../../grader/run/load-config.js';
import type { GraderConfig } from '../../grader/config/types.js';
import { selectChecks } from '../../grader/exercises/select-checks.js';
import { gradeSubmission } from '../../grader/run/grade-submission.js';
import { formatCheckText } from '../../grader/feedback/format-text.js';
import type { CheckOutcome } from '../../grader/release/runtime/student-reporter.js';

/** `<checkId>:<seed>[:<path>]`, e.g. `convolution.linear:-1234:42:0:1`. */
function parseReplay(value: string | undefined): { id: string; seed: number; path?: string } | undefined {
  if (!value) return undefined;
  const m = /^([\w.-]+):(-?\d+)(?::([\d:]+))?$/.exec(value.trim());
  if (!m) throw new Error(`REPLAY must look like <checkId>:<seed>:<path> (as printed under a failing check), got '${value}'`);
  return { id: m[1], seed: Number(m[2]), path: m[3] };
}

const folder = process.env.SUBMISSION ?? 'solutions';
const replay = parseReplay(process.env.REPLAY);
// The instructor's grader.config.ts (if any) decides which checks are public, as when grading.
const resolved = await loadGraderConfig();
const checks = selectChecks(resolved, { visibility: 'public' });
// An endless loop in a student's code stops npm test with a word, instead of hanging it (the
// reference, which cannot loop, runs here in the project's unit layer, where no thread is started).
if (folder !== 'solutions') installHangGuard(resolved.sandbox.callTimeoutMs, RUNTIMES, 'npm test');
if (replay && !checks.some((c) => c.id === replay.id)) {
  throw new Error(`REPLAY names '${replay.id}', which is not a public check; the public checks are: ${checks.map((c) => c.id).join(', ')}`);
}

if (replay) {
  // Only the path is global: each check passes its own seed, which the test sets from REPLAY.
  // fast-check's types leave `path` out of the global parameters, but fc.check reads it from there.
  const previous = fc.readConfigureGlobal();
  if (replay.path) fc.configureGlobal({ ...previous, path: replay.path } as fc.GlobalParameters);
  afterAll(() => fc.configureGlobal(previous));
}

for (const exercise of EXERCISES) {
  const own = checks.filter((c) => c.exercise === exercise);
  if (own.length === 0) continue;
  describe(`${exercise} (${folder}/${exercise}.ts)`, () => {
    for (const check of own) {
      // Training on all of MNIST takes minutes: `npm run grade` does it, not every `npm test`.
      const skipped = check.kind === 'training' || (replay !== undefined && replay.id !== check.id);
      const run = skipped ? it.skip : it;
      run(`${check.title} [${check.points} pt]${check.kind === 'training' ? ' (trained by npm run grade)' : ''}`, async ({ task }) => {
        // REPLAY pins this check's seed, as the config file can.
        const config: GraderConfig = replay ? { ...resolved, checks: { ...resolved.checks, [check.id]: { ...resolved.checks[check.id], seed: replay.seed } } } : resolved;
        const graded = await gradeSubmission(folder, config, { isolation: 'in-process', checks: [check], pictures: false });
        const result = graded.exercises[0].checks[0];
        // What a release's reporter (grader/release/runtime/student-reporter.ts) prints and totals.
        const outcome: CheckOutcome = { exercise, points: check.points, score: result.score, text: formatCheckText(result, { brief: true }) };
        Object.assign(task.meta, { check: outcome });
        if (result.status !== 'passed') throw new Error('\n' + formatCheckText(result));
      });
    }
  });
}
