/**
 * CSV per RFC 4180 (CRLF line ends, a field quoted when it holds a quote, comma or line break,
 * quotes doubled), with a guard against formula injection: a spreadsheet runs a cell that starts
 * with = + - @ (or a tab or carriage return), so such a text cell is prefixed with a single quote.
 * Numbers are written as numbers (a negative score stays a number).
 */
export type Cell = string | number | undefined | null;

export function csvCell(value: Cell): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let s = value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
