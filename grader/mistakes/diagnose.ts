import type { ExerciseId } from '../core/contract.js';
import type { Reference } from '../run/reference.js';
import { mismatch } from '../checks/support/compare.js';
import type { Diagnosis, RecordedCall } from '../checks/types.js';
import type { Mistake } from './types.js';

/** Loose enough for a student's own rounding of the same wrong formula. */
const SAME_MISTAKE = { rel: 1e-6, abs: 1e-9 };

/**
 * The known mistakes that reproduce every value the submission returned in `calls`: for each,
 * the mistaken implementation is run in-process (it is our code) on the same arguments.
 */
export function diagnose(
  exercise: ExerciseId,
  calls: readonly RecordedCall[],
  reference: Reference,
  mistakes: readonly Mistake[],
): Diagnosis[] {
  const returned = calls.filter((c) => c.outcome.kind === 'returned');
  if (returned.length === 0) return [];
  const found: Diagnosis[] = [];
  for (const mistake of mistakes) {
    if (mistake.exercise !== exercise) continue;
    const changed = mistake.apply(reference);
    if (!returned.some((c) => c.name in changed)) continue;
    const module = { ...(reference[exercise] as Record<string, unknown>), ...changed };
    const referenceModule = reference[exercise] as Record<string, unknown>;
    // The mistake must explain the deviation: reproduce every value and differ from the reference somewhere.
    if (returned.every((c) => reproduces(module, c)) && returned.some((c) => !reproduces(referenceModule, c))) {
      found.push({ mistakeId: mistake.id, title: mistake.title, explanation: mistake.explanation });
    }
  }
  return found;
}

function reproduces(module: Record<string, unknown>, call: RecordedCall): boolean {
  if (call.outcome.kind !== 'returned') return false;
  const exported = module[call.name];
  try {
    const value = call.args === undefined ? exported : (exported as (...a: unknown[]) => unknown)(...structuredClone(call.args));
    return mismatch(call.outcome.value, value, SAME_MISTAKE) === null;
  } catch {
    return false;
  }
}
