import type { Check, CheckContext, Verdict } from '../checks/types.js';
import type { Mistake } from '../mistakes/types.js';
import { diagnose } from '../mistakes/diagnose.js';

/** A check as results and reports see it: its declaration without the code. */
export type CheckInfo = Omit<Check, 'run'>;

export interface CheckResult {
  check: CheckInfo;
  verdict: Verdict;
  /** Points earned: `points × fraction`. */
  score: number;
  seconds: number;
}

export function infoOf(check: Check): CheckInfo {
  const { run: _run, ...info } = check;
  return info;
}

/**
 * Runs one check and scores it. A failure with a counterexample is matched against the known
 * mistakes. A fault of the grader itself becomes an errored verdict that says so, so one bug of
 * ours costs one check, not the whole submission.
 */
export async function runCheck(check: Check, ctx: CheckContext, mistakes: readonly Mistake[]): Promise<CheckResult> {
  const started = performance.now();
  let verdict: Verdict;
  try {
    verdict = await check.run(ctx);
  } catch (e) {
    const detail = e instanceof Error ? e.stack ?? e.message : String(e);
    verdict = { status: 'errored', message: `internal error in the grader, not in your code (please report it): ${detail}` };
  }
  if (verdict.status === 'failed' && verdict.counterexample && !verdict.diagnosis) {
    const found = await diagnose(check.exercise, verdict.counterexample.calls, ctx.submission, ctx.reference, mistakes).catch(() => ({ diagnosis: [], observation: undefined }));
    if (found.diagnosis.length > 0) verdict = { ...verdict, diagnosis: found.diagnosis };
    else if (found.observation) verdict = { ...verdict, message: `${verdict.message}. ${found.observation}` };
  }
  const fraction = verdict.status === 'errored' ? 0 : verdict.fraction ?? (verdict.status === 'passed' ? 1 : 0);
  return {
    check: infoOf(check),
    verdict,
    score: roundPoints(check.points * Math.min(1, Math.max(0, fraction))),
    seconds: (performance.now() - started) / 1000,
  };
}

function roundPoints(p: number): number {
  return Math.round(p * 100) / 100;
}
