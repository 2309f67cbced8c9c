import { FLOAT64, mismatch, type Tolerance } from './compare.js';
import type { Body, Failure } from './property.js';

/**
 * A body that calls the submission's `name` with `args(input)` and compares the result with
 * `expected(input)` (usually the reference's answer on the same arguments).
 */
export function sameAs<T>(
  name: string,
  args: (input: T) => unknown[],
  expected: (input: T) => unknown,
  tol: Tolerance = FLOAT64,
): Body<T> {
  return async (input, probe) => {
    const want = expected(input);
    const got = await probe.call(name, args(input));
    const problem = mismatch(got, want, tol);
    return problem ? { message: `${name}: ${problem}`, expected: want, got } : null;
  };
}

/** A failure when `got` differs from `want` (both usually from the submission), else null. */
export function agree(what: string, got: unknown, want: unknown, tol: Tolerance = FLOAT64): Failure | null {
  const problem = mismatch(got, want, tol);
  return problem ? { message: `${what}: ${problem}`, expected: want, got } : null;
}
