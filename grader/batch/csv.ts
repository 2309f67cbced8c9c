import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { UserError } from '../core/user-error.js';

/**
 * CSV per RFC 4180 (csv-stringify: CRLF line ends, a field quoted when it holds a quote, comma or
 * line break, quotes doubled), with a guard against formula injection: a spreadsheet runs a cell
 * that starts with = + - @ (or a tab or carriage return), so such a text cell is prefixed with a
 * single quote. A number, or text that is exactly a number (`-2`, `+1.5`), stays as it is, and so
 * does a lone `-` (Moodle's "not yet"), which no spreadsheet computes.
 */
export type Cell = string | number | undefined | null;

/** Excel reads a CSV as UTF-8 only when it starts with this mark; Canvas and Moodle accept it. */
export const BOM = '\uFEFF';

export function guardCell(value: Cell): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) return value;
  return /^([=+\-@].|[\t\r])/s.test(value) ? `'${value}` : value;
}

export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return stringify(rows.map((r) => r.map(guardCell)), { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

/** Rows of a CSV (a BOM dropped, short rows kept short), or an error naming the file and line. */
export function readCsv(text: string, file: string): string[][] {
  try {
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: true }) as string[][];
  } catch (e) {
    throw new RosterError(`${file} is not a CSV file: ${(e as Error).message}`);
  }
}

/** A roster that cannot be used as given: one line, exit code 2. */
export class RosterError extends UserError {
  constructor(message: string) {
    super('E_ROSTER', message);
  }
}
