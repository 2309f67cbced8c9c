/** Short, readable renderings of values for messages: matrices as rows, long lists elided. */
const MAX_ITEMS = 12;

export function formatValue(value: unknown, depth = 0): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 300 ? value.slice(0, 300) + '…' : value);
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return String(value);
  if (ArrayBuffer.isView(value)) return formatValue(Array.from(value as Float32Array), depth);
  if (Array.isArray(value)) {
    const shown = value.slice(0, MAX_ITEMS).map((v) => formatValue(v, depth + 1));
    const more = value.length > MAX_ITEMS ? `, … ${value.length - MAX_ITEMS} more` : '';
    const nested = value.length > 0 && value.every(Array.isArray) && depth === 0;
    return nested ? `[\n  ${shown.join(',\n  ')}${more}\n]` : `[${shown.join(', ')}${more}]`;
  }
  if (depth > 2) return '{…}';
  const entries = Object.entries(value as Record<string, unknown>).slice(0, MAX_ITEMS);
  return `{ ${entries.map(([k, v]) => `${k}: ${formatValue(v, depth + 1)}`).join(', ')} }`;
}

export function formatNumber(n: number): string {
  if (!Number.isFinite(n) || Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(6)));
}
