import type { Check, CheckContext, Verdict } from '../checks/types.js';
import type { CallOutcome, Submission } from '../core/submission.js';
import type { CheckInfo, CheckResult, CheckStatus } from '../core/result.js';
import type { Mistake, ProbeCall } from '../mistakes/types.js';
import { diagnose } from '../mistakes/diagnose.js';

export function infoOf(check: Check): CheckInfo {
  const { run: _run, ...info } = check;
  return info;
}

/** What the grader knows of an exercise's mistakes: the catalogue and the probes that tell them apart. */
export interface Catalogue {
  mistakes: readonly Mistake[];
  probes: readonly ProbeCall[];
}

/**
 * Runs one check, decides its status and scores it. A failure with a counterexample is matched
 * against the known mistakes. A fault of the grader itself becomes an errored verdict that says
 * so, so one bug of ours costs one check, not the whole submission.
 */
export async function runCheck(check: Check, ctx: CheckContext, catalogue: Catalogue): Promise<CheckResult> {
  const started = performance.now();
  const seen = new Set<CallOutcome['kind']>();
  let verdict: Verdict;
  try {
    verdict = await check.run({ ...ctx, submission: watched(ctx.submission, seen) });
  } catch (e) {
    const detail = e instanceof Error ? e.stack ?? e.message : String(e);
    verdict = { status: 'errored', message: `internal error in the grader, not in your code (please report it): ${detail}` };
  }
  if (verdict.status === 'errored' && verdict.counterexample?.calls.at(-1)?.outcome.kind === 'missing') {
    // The file or export is missing, or it does not compile: no input would help, so neither a smallest failing input nor a replay.
    verdict = { status: 'errored', message: verdict.message };
  }
  if (verdict.status === 'failed' && verdict.counterexample && !verdict.diagnosis) {
    const found = await diagnose(check.exercise, verdict.counterexample.calls, ctx.submission, ctx.reference, catalogue.mistakes, catalogue.probes).catch(() => ({ diagnosis: [], observation: undefined }));
    if (found.diagnosis.length > 0) verdict = { ...verdict, diagnosis: found.diagnosis };
    else if (found.observation) verdict = { ...verdict, message: `${verdict.message}. ${found.observation}` };
  }
  const fraction = verdict.status === 'errored' ? 0 : verdict.fraction ?? (verdict.status === 'passed' ? 1 : 0);
  return {
    check: infoOf(check),
    status: statusOf(verdict, seen),
    verdict,
    score: roundPoints(check.points * Math.min(1, Math.max(0, fraction))),
    seconds: (performance.now() - started) / 1000,
  };
}

/** The one place a check's status is decided: its verdict, and `timed-out` when an errored check saw a call time out. */
function statusOf(verdict: Verdict, seen: ReadonlySet<CallOutcome['kind']>): CheckStatus {
  if (verdict.status === 'errored' && seen.has('timeout')) return 'timed-out';
  return verdict.status;
}

/** The submission as the check sees it, noting the kind of every outcome. */
function watched(submission: Submission, seen: Set<CallOutcome['kind']>): Submission {
  return {
    label: submission.label,
    ...(submission.inProcess ? { inProcess: true as const } : {}),
    get: async (exercise, name, args) => {
      const outcome = await submission.get(exercise, name, args);
      seen.add(outcome.kind);
      return outcome;
    },
    output: submission.output?.bind(submission),
    release: submission.release?.bind(submission),
    close: () => submission.close(),
  };
}

function roundPoints(p: number): number {
  return Math.round(p * 100) / 100;
}
