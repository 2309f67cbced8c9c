import type { CheckContext, Verdict } from '../types.js';
import type { Body } from './property.js';
import { SubmissionFault } from './probe.js';
import { forEachPresentCase } from './present.js';

/** An invalid call and the argument its error message must name. */
export interface InvalidCall {
  name: string;
  args: unknown[];
  /** The argument's name, or several names any one of which will do. */
  argument: string | readonly string[];
  why: string;
}

/**
 * Whether `message` (the student's own words) names `argument`: as a whole word, i.e. not inside
 * a longer identifier ("a" in "array" does not count; "a", 'a', `a`, "a:", "a.length" do).
 */
export function namesArgument(message: string, argument: string): boolean {
  const escaped = argument.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z0-9_$])${escaped}([^A-Za-z0-9_$]|$)`).test(message);
}

/** `TypeError: a is empty` → `a is empty`: the class name is not the student's wording. */
function ownWords(message: string): string {
  return message.replace(/^[A-Za-z]*Error: /, '');
}

/** A body that demands an Error whose message names the bad argument (the contract's rule). */
export const throwsNamingArgument: Body<InvalidCall> = async ({ name, args, argument, why }, probe) => {
  const names = typeof argument === 'string' ? [argument] : argument;
  const quoted = names.map((n) => `'${n}'`).join(' or ');
  try {
    const got = await probe.call(name, args);
    return { message: `${name} should throw an Error for ${why}, but returned a value`, expected: `an Error naming ${quoted}`, got };
  } catch (e) {
    if (!(e instanceof SubmissionFault) || e.outcome.kind !== 'threw') throw e;
    const message = e.outcome.message;
    if (/not implemented/i.test(message)) throw e;
    if (e.outcome.isError !== true) {
      return {
        message: `${name} refused ${why}, but what it threw is not an Error (${message.replace(/^threw a value that is not an Error: /, '') || 'no message'}): throw new Error('…') with a message that names ${quoted}`,
        expected: `an Error naming ${quoted}`,
        got: message,
      };
    }
    const own = ownWords(message);
    return names.some((n) => namesArgument(own, n))
      ? null
      : { message: `${name} threw for ${why}, but the message does not name the argument ${quoted}`, expected: `a message naming ${quoted}`, got: message };
  }
};

/**
 * The invalid-input check of an exercise: each case in turn, skipping the functions the
 * submission does not export (their own checks charge them); errored only when none is there.
 */
export function invalidInputCheck(ctx: CheckContext, cases: readonly InvalidCall[]): Promise<Verdict> {
  return forEachPresentCase(ctx, cases, throwsNamingArgument);
}
