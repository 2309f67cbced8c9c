import type { Body } from './property.js';
import { SubmissionFault } from './probe.js';

/** An invalid call and the argument its error message must name. */
export interface InvalidCall {
  name: string;
  args: unknown[];
  /** The argument's name, or several names any one of which will do. */
  argument: string | readonly string[];
  why: string;
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
    const named = names.some((n) => new RegExp(`(^|[^A-Za-z0-9_])${n}([^A-Za-z0-9_]|$)`).test(message));
    return named
      ? null
      : { message: `${name} threw for ${why}, but the message does not name the argument ${quoted}`, expected: `a message naming ${quoted}`, got: message };
  }
};
