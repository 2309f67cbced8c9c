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
    return problem ? { message: `${name}: ${problem}`, expected: want, got, tolerance: tol } : null;
  };
}

/**
 * A failure when `got` differs from `want` (both usually from the submission), else null. `want`
 * is shown as what `got` should equal, not as the right answer: it is often the submission's own
 * output too.
 * The properties feed finite inputs, so a NaN or ±Infinity on either side is a failure: two NaNs
 * "agree", and an all-NaN answer would otherwise pass every property that compares it with itself.
 */
export function agree(what: string, got: unknown, want: unknown, tol: Tolerance = FLOAT64): Failure | null {
  // Named on the side that has it: `want` is often computed from the submission's own outputs too.
  const inGot = nonFinite(got);
  const inWant = inGot ? null : nonFinite(want);
  const sides = { expected: want, got, expectedIs: 'other-side', tolerance: tol } as const;
  if (inGot) return { message: `${what}: got ${inGot}, but every input was finite`, ...sides };
  if (inWant) return { message: `${what}: the other side, also computed by your code, holds ${inWant}, but every input was finite`, ...sides };
  const problem = mismatch(got, want, tol, '', 'should be');
  return problem ? { message: `${what}: ${problem}`, ...sides } : null;
}

/** The first NaN or ±Infinity in a number, an array, a typed array or a plain object's values (depth-limited). */
function nonFinite(value: unknown, depth = 0): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${value}`;
  if (depth > 8 || value === null || typeof value !== 'object') return null;
  const items = ArrayBuffer.isView(value) ? Array.from(value as unknown as ArrayLike<number>) : Array.isArray(value) ? value : Object.values(value);
  for (const v of items) {
    const bad = nonFinite(v, depth + 1);
    if (bad) return bad;
  }
  return null;
}
