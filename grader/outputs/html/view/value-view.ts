import { formatNumber, formatValue } from '../../../feedback/format-value.js';
import { close, FLOAT64, type Tolerance } from '../../../checks/support/compare.js';

export interface Cell {
  text: string;
  /** This entry differs from the same entry of the value it is compared with. */
  differs: boolean;
}

/** A value as the report shows it: small numeric arrays and matrices as tables, the rest as text. */
export interface ValueView {
  table?: { rows: Cell[][]; shape: string };
  text?: string;
}

const MAX_ROWS = 12;
const MAX_COLS = 12;
const MAX_TEXT = 4000;

const asArray = (v: unknown): unknown[] | undefined =>
  Array.isArray(v) ? v : ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as Float32Array) : undefined;

function numericMatrix(v: unknown): number[][] | undefined {
  const rows = asArray(v);
  if (!rows || rows.length === 0) return undefined;
  const out = rows.map(asArray);
  if (out.some((r) => !r || r.length === 0 || r.length !== out[0]!.length || !r.every((x) => typeof x === 'number'))) return undefined;
  return out as number[][];
}

function numericVector(v: unknown): number[] | undefined {
  const a = asArray(v);
  return a && a.length > 0 && a.every((x) => typeof x === 'number') ? (a as number[]) : undefined;
}

/** Marked by the check's own tolerance, so the report never disagrees with the verdict. */
function differs(a: number, b: number | undefined, tol: Tolerance): boolean {
  return b !== undefined && !close(a, b, tol);
}

/**
 * How to show `value`; `other` (the expected value when showing what was got, and vice versa)
 * marks the entries where the two disagree by `tol`, the tolerance the check compared them with.
 * Text is elided by formatValue and capped.
 */
export function valueView(value: unknown, other?: unknown, tol: Tolerance = FLOAT64): ValueView {
  const m = numericMatrix(value);
  if (m && m.length <= MAX_ROWS && m[0].length <= MAX_COLS) {
    const o = numericMatrix(other);
    const same = o && o.length === m.length && o[0].length === m[0].length ? o : undefined;
    return {
      table: {
        rows: m.map((row, r) => row.map((x, c) => ({ text: formatNumber(x), differs: differs(x, same?.[r][c], tol) }))),
        shape: `${m.length} × ${m[0].length}`,
      },
    };
  }
  const v = !m && numericVector(value);
  if (v && v.length <= 16) {
    const o = numericVector(other);
    const same = o && o.length === v.length ? o : undefined;
    return { table: { rows: [v.map((x, i) => ({ text: formatNumber(x), differs: differs(x, same?.[i], tol) }))], shape: `length ${v.length}` } };
  }
  const text = formatValue(value);
  return { text: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}… (${text.length - MAX_TEXT} more characters)` : text };
}
