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

export function intSignal(maxLength = 10, minLength = 1): fc.Arbitrary<number[]> {
  return fc.array(smallInt, { minLength, maxLength });
}
export function realSignal(maxLength = 16, minLength = 1): fc.Arbitrary<number[]> {
  return fc.array(realValue, { minLength, maxLength });
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
/** A matrix of `realValue`s for differential checks, 1..maxSize rows and columns. */
export function realMatrix(maxSize = 12, minSize = 1): fc.Arbitrary<Matrix> {
  return matrix(realValue, [minSize, maxSize]);
}
/** An n×n matrix of small integers, n in [minSize, maxSize]. */
export function squareIntMatrix(maxSize = 6, minSize = 1): fc.Arbitrary<Matrix> {
  return fc.integer({ min: minSize, max: maxSize }).chain((n) => matrix(smallInt, [n, n]));
}
