import type { Body } from './property.js';
import { SubmissionFault } from './probe.js';

/** An invalid call and the argument its error message must name. */
export interface InvalidCall {
  name: string;
  args: unknown[];
  argument: string;
  why: string;
}

/** A body that demands an Error whose message names the bad argument (the contract's rule). */
export const throwsNamingArgument: Body<InvalidCall> = async ({ name, args, argument, why }, probe) => {
  try {
    const got = await probe.call(name, args);
    return { message: `${name} should throw an Error for ${why}, but returned a value`, expected: `an Error naming '${argument}'`, got };
  } catch (e) {
    if (!(e instanceof SubmissionFault) || e.outcome.kind !== 'threw') throw e;
    const message = e.outcome.message;
    if (/not implemented/i.test(message)) throw e;
    const named = new RegExp(`(^|[^A-Za-z0-9_])${argument}([^A-Za-z0-9_]|$)`).test(message);
    return named
      ? null
      : { message: `${name} threw for ${why}, but the message does not name the argument '${argument}'`, expected: `a message naming '${argument}'`, got: message };
  }
};
