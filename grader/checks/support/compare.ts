/**
 * The one tolerance policy of the grader, and the comparison every check uses: the submission's
 * value is validated (type, shape, finiteness) before any tolerance is applied.
 */
import type { Tolerance } from '../../core/verdict.js';

export type { Tolerance };
/** The contract's 1e-9 relative error, for float64 maths. */
export const FLOAT64: Tolerance = { rel: 1e-9, abs: 1e-12 };
/**
 * For resampled images (rotate, scale): a correct implementation may round source coordinates
 * differently in the last bit (cos, sin, a division), which moves values near 0 by ~1e-12.
 */
export const RESAMPLED: Tolerance = { rel: 1e-9, abs: 1e-9 };
/** For tensors held in Float32Array. */
export const FLOAT32: Tolerance = { rel: 1e-4, abs: 1e-5 };

export function close(got: number, expected: number, tol: Tolerance = FLOAT64): boolean {
  if (!Number.isFinite(got) || !Number.isFinite(expected)) return Object.is(got, expected);
  return Math.abs(got - expected) <= Math.max(tol.abs, tol.rel * Math.max(Math.abs(got), Math.abs(expected)));
}

/** "a 3×4 matrix", "an array of 5 numbers", "a number" — how a student would name a value. */
export function describeShape(value: unknown): string {
  if (typeof value === 'number') return 'a number';
  if (isTensorLike(value)) return `a tensor of shape [${value.shape.join(',')}]`;
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every(Array.isArray)) {
      const widths = new Set(value.map((r) => (r as unknown[]).length));
      return widths.size === 1
        ? `a ${value.length}×${[...widths][0]} matrix`
        : `a ragged matrix (${value.length} rows of lengths ${[...widths].join(', ')})`;
    }
    return `an array of ${value.length} ${value.length === 1 ? 'value' : 'values'}`;
  }
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

interface TensorLike {
  shape: number[];
  data: ArrayLike<number>;
}
function isTensorLike(v: unknown): v is TensorLike {
  return typeof v === 'object' && v !== null && Array.isArray((v as TensorLike).shape) && 'data' in v;
}
function isNumberList(v: unknown): v is ArrayLike<number> {
  return Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
}
function fmt(n: unknown): string {
  return typeof n === 'number' ? String(Number.isInteger(n) ? n : Number(n.toPrecision(10))) : describeShape(n);
}

/**
 * The first way `got` differs from `expected`, as a sentence, or null when they agree.
 * Shapes must match exactly; numbers within `tol`; NaN and ±Infinity only where expected.
 * `word` introduces the expected value: 'should be' when it is not the right answer but the other
 * side of a property (differential.ts's agree).
 */
export function mismatch(got: unknown, expected: unknown, tol: Tolerance = FLOAT64, path = '', word = 'expected'): string | null {
  const at = path ? ` at ${path}` : '';
  if (typeof expected === 'number') {
    if (typeof got !== 'number') return `${word} a number${at}, got ${describeShape(got)}`;
    if (close(got, expected, tol)) return null;
    if (!Number.isFinite(got)) return `got ${got}${at}, ${word} ${fmt(expected)}`;
    return `${at ? at.slice(1) + ': ' : ''}${word} ${fmt(expected)}, got ${fmt(got)}`;
  }
  if (isTensorLike(expected)) {
    if (!isTensorLike(got)) return `${word} ${describeShape(expected)}${at}, got ${describeShape(got)}`;
    if (!sameList(got.shape, expected.shape)) {
      return `${word} shape [${expected.shape.join(',')}]${at}, got [${[...got.shape].join(',')}]`;
    }
    if (!isNumberList(got.data)) return `${path || 'the tensor'}.data is ${describeShape(got.data)}, not a list of numbers`;
    if (got.data.length !== expected.data.length) {
      return `${path || 'the tensor'}.data has ${got.data.length} values, shape [${expected.shape.join(',')}] needs ${expected.data.length}`;
    }
    for (let i = 0; i < expected.data.length; i++) {
      const m = mismatch(got.data[i], expected.data[i], tol, `${path}.data[${i}] (index ${unravel(i, expected.shape)})`, word);
      if (m) return m;
    }
    return null;
  }
  if (isNumberList(expected)) {
    if (!isNumberList(got)) return `${word} ${describeShape(expected)}${at}, got ${describeShape(got)}`;
    if (got.length !== expected.length) {
      const whole = path === '' ? `${word} ${describeShape(expected)}, got ${describeShape(got)}` : null;
      return whole ?? `${word} ${expected.length} values${at}, got ${got.length}`;
    }
    if (path === '' && Array.isArray(expected) && expected.every(Array.isArray)) {
      const shapeProblem = matrixShapeProblem(got, expected as unknown[][], word);
      if (shapeProblem) return shapeProblem;
    }
    for (let i = 0; i < expected.length; i++) {
      const m = mismatch(got[i], expected[i], tol, `${path}[${i}]`, word);
      if (m) return m;
    }
    return null;
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof got !== 'object' || got === null) return `${word} an object${at}, got ${describeShape(got)}`;
    for (const key of Object.keys(expected)) {
      if (!(key in got)) return `the result has no '${key}'${at}`;
      const m = mismatch((got as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], tol, `${path}.${key}`, word);
      if (m) return m;
    }
    return null;
  }
  return Object.is(got, expected) ? null : `${word} ${JSON.stringify(expected)}${at}, got ${JSON.stringify(got) ?? describeShape(got)}`;
}

function matrixShapeProblem(got: ArrayLike<unknown>, expected: unknown[][], word: string): string | null {
  for (let r = 0; r < expected.length; r++) {
    const row = got[r];
    if (!isNumberList(row) || row.length !== expected[r].length) {
      return `${word} ${describeShape(expected)}, got ${describeShape(Array.from(got))}`;
    }
  }
  return null;
}

function sameList(a: ArrayLike<unknown>, b: ArrayLike<unknown>): boolean {
  return a.length === b.length && Array.from(a).every((x, i) => x === b[i]);
}

/** The multi-index `[n,h,w,c]` of flat index `i` in a row-major tensor of `shape`. */
export function unravel(i: number, shape: number[]): string {
  const idx: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) {
    idx.unshift(i % shape[d]);
    i = Math.floor(i / shape[d]);
  }
  return `[${idx.join(',')}]`;
}
