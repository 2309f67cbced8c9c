import fc from 'fast-check';
import type { Boundary, Matrix, Mode } from '../../core/contract.js';

/**
 * Small integers keep the algebra exact in floating point (sums of products of integers are
 * exact), so a property can demand equality and a shrunk counterexample reads like [1, 0, 2].
 */
export const smallInt = fc.integer({ min: -9, max: 9 });
/**
 * Values for differential checks: mostly quarters in [-100, 100] (they shrink to readable numbers
 * like 0.25 rather than 1e-14, which tolerances cannot tell from 0), sometimes any double.
 */
export const realValue = fc.oneof(
  { arbitrary: fc.integer({ min: -400, max: 400 }).map((n) => n / 4), weight: 4 },
  { arbitrary: fc.double({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true }), weight: 1 },
);

/**
 * How large a case's values are: mostly as drawn, sometimes all multiplied by 2^20 (≈ 1e6) or 2^40
 * (≈ 1e12), so negatives reach −1e8 and −1e14. A power of two scales every sum and product
 * exactly, so a correct implementation agrees with the reference as well as it does unscaled,
 * and the shrunk counterexample falls back to the unscaled values whenever they still fail.
 */
export const magnitude = fc.oneof({ arbitrary: fc.constant(1), weight: 3 }, { arbitrary: fc.constantFrom(2 ** 20, 2 ** 40), weight: 1 });

/** `values` with every number in it (arrays and records included) multiplied by one `magnitude` per case. */
export function scaled<T>(values: fc.Arbitrary<T>): fc.Arbitrary<T> {
  const times = (v: unknown, k: number): unknown =>
    typeof v === 'number' ? v * k
    : Array.isArray(v) ? v.map((x) => times(x, k))
    : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([key, x]) => [key, times(x, k)]))
    : v;
  return fc.tuple(values, magnitude).map(([v, k]) => (k === 1 ? v : (times(v, k) as T)));
}

export function intSignal(maxLength = 10, minLength = 1): fc.Arbitrary<number[]> {
  return fc.array(smallInt, { minLength, maxLength });
}
/** A signal of `realValue`s, scaled per case to every `magnitude`. */
export function realSignal(maxLength = 16, minLength = 1): fc.Arbitrary<number[]> {
  return scaled(fc.array(realValue, { minLength, maxLength }));
}

/** A `rows`×`cols` matrix with sizes drawn in the given ranges. */
export function matrix(value: fc.Arbitrary<number>, rows: [number, number], cols: [number, number] = rows): fc.Arbitrary<Matrix> {
  return fc
    .tuple(fc.integer({ min: rows[0], max: rows[1] }), fc.integer({ min: cols[0], max: cols[1] }))
    .chain(([r, c]) => fc.array(fc.array(value, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));
}

export const mode: fc.Arbitrary<Mode> = fc.constantFrom('full', 'same', 'valid');
export const boundary: fc.Arbitrary<Boundary> = fc.constantFrom('fill', 'wrap', 'symm');

/** A matrix of small integers, 1..maxSize rows and columns: exact algebra, readable shrinks. */
export function intMatrix(maxSize = 6, minSize = 1): fc.Arbitrary<Matrix> {
  return matrix(smallInt, [minSize, maxSize]);
}
/**
 * A matrix of `realValue`s for differential checks, 1..maxSize rows and columns. Not scaled: a
 * check whose tolerance has an absolute floor (resampling, a blur subtracted from its image)
 * would fail correct code at 2^40; a check of sums of products opts in with `scaled`.
 */
export function realMatrix(maxSize = 12, minSize = 1): fc.Arbitrary<Matrix> {
  return matrix(realValue, [minSize, maxSize]);
}
/** An n×n matrix of `realValue`s (fractions, so rounding shows), n in [minSize, maxSize]. */
export function squareRealMatrix(maxSize = 6, minSize = 1): fc.Arbitrary<Matrix> {
  return fc.integer({ min: minSize, max: maxSize }).chain((n) => matrix(realValue, [n, n]));
}
/** An n×n matrix of small integers, n in [minSize, maxSize]. */
export function squareIntMatrix(maxSize = 6, minSize = 1): fc.Arbitrary<Matrix> {
  return fc.integer({ min: minSize, max: maxSize }).chain((n) => matrix(smallInt, [n, n]));
}
