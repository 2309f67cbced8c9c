import type { Body } from './property.js';

/** One call to make: an export's name and its arguments. */
export type NamedCall = readonly [name: string, args: readonly unknown[]];

/** A body that makes each call of `calls(input)` and fails on the first that changed its arguments. */
export function leavesInputsAlone<T>(calls: (input: T) => readonly NamedCall[]): Body<T> {
  return async (input, probe) => {
    for (const [name, args] of calls(input)) {
      const { mutated } = await probe.callWithMutation(name, [...args]);
      if (mutated) return { message: `${name} changed its arguments` };
    }
    return null;
  };
}
