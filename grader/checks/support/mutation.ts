import type { Body } from './property.js';
import { SubmissionFault } from './probe.js';

/** One call to make: an export's name and its arguments. */
export type NamedCall = readonly [name: string, args: readonly unknown[]];

/**
 * A body that makes each call of `calls(input)` and fails on the first that changed its arguments.
 * A missing export is skipped (the checks about it charge it); only when every export is missing
 * does the check fail for it.
 */
export function leavesInputsAlone<T>(calls: (input: T) => readonly NamedCall[]): Body<T> {
  return async (input, probe) => {
    let missing: SubmissionFault | undefined;
    let present = false;
    for (const [name, args] of calls(input)) {
      try {
        const { mutated } = await probe.callWithMutation(name, [...args]);
        present = true;
        if (mutated) return { message: `${name} changed its arguments` };
      } catch (e) {
        if (!(e instanceof SubmissionFault) || e.outcome.kind !== 'missing') throw e;
        missing ??= e;
      }
    }
    if (!present && missing) throw missing;
    return null;
  };
}
