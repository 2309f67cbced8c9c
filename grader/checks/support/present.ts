import type { CheckContext, Verdict } from '../types.js';
import { forEachCase, type Body } from './property.js';

/** Whether a verdict is "the export (or the whole file) is missing", and nothing else. */
function isMissing(v: Verdict): boolean {
  return v.status === 'errored' && v.counterexample?.calls.at(-1)?.outcome.kind === 'missing';
}

/**
 * Worked cases about several functions, charging only the functions the submission has: a case
 * whose function is missing is skipped (the checks about that function charge it, once). When
 * every case's function is missing the check is errored with the first such message.
 */
export async function forEachPresentCase<T extends object>(ctx: CheckContext, cases: readonly T[], body: Body<T>): Promise<Verdict> {
  let missing: Verdict | undefined;
  let present = false;
  for (const input of cases) {
    const verdict = await forEachCase(ctx, [input], body);
    if (isMissing(verdict)) {
      missing ??= verdict;
      continue;
    }
    present = true;
    if (verdict.status !== 'passed') return verdict;
  }
  return present || !missing ? { status: 'passed' } : missing;
}
