import { linear, px, svgOpen, svgText } from './scale.js';

export interface LogBar {
  label: string;
  value: number;
  /** Drawn in the accent colour and bold (e.g. the student's own model). */
  highlight?: boolean;
  /** How the value is printed (e.g. "1.8T (reported)"); `formatValue(value)` otherwise. */
  display?: string;
}

export interface LogBarChartOptions {
  title: string;
  xLabel: string;
  bars: readonly LogBar[];
  width?: number;
  formatValue?: (v: number) => string;
}

const ROW = 38;
const LABEL_WIDTH = 170;
const VALUE_WIDTH = 150;

/**
 * Horizontal bars on a log10 axis, one per row in the given order: for quantities spanning many
 * orders of magnitude (parameter counts from thousands to trillions). Bars with a value ≤ 0 or
 * not finite are listed without a bar.
 */
export function logBarChart(o: LogBarChartOptions): string {
  const width = o.width ?? 760;
  const height = 30 + o.bars.length * ROW + 56;
  const fmt = o.formatValue ?? compactNumber;
  const positive = o.bars.map((b) => b.value).filter((v) => Number.isFinite(v) && v > 0);
  let lo = positive.length ? Math.floor(Math.log10(Math.min(...positive))) : 0;
  const hi = positive.length ? Math.max(lo + 1, Math.ceil(Math.log10(Math.max(...positive)))) : 1;
  // Over many decades, grid lines every ×1000 at the names people use: 1k, 1M, 1B, 1T.
  const every = hi - lo > 8 ? 3 : 1;
  if (every === 3) lo = Math.floor(lo / 3) * 3;
  const plot = { left: LABEL_WIDTH, right: width - VALUE_WIDTH, top: 20, bottom: 20 + o.bars.length * ROW };
  const x = linear([lo, hi], [plot.left, plot.right]);
  const parts: string[] = [svgOpen(width, height, o.title, 'chart log-bar-chart')];
  for (let p = lo; p <= hi; p++) {
    if ((p - lo) % every !== 0) continue;
    parts.push(`<line class="grid" x1="${px(x(p))}" x2="${px(x(p))}" y1="${plot.top}" y2="${plot.bottom}" stroke="#d4d4d8"/>`);
    parts.push(`<text class="tick" x="${px(x(p))}" y="${plot.bottom + 20}" text-anchor="middle" font-size="14" fill="#3f3f46">${svgText(powerLabel(p))}</text>`);
  }
  o.bars.forEach((b, i) => {
    const top = plot.top + i * ROW + 6;
    const weight = b.highlight ? ' font-weight="700"' : '';
    parts.push(`<text x="${LABEL_WIDTH - 10}" y="${top + 19}" text-anchor="end" font-size="15" fill="#18181b"${weight}>${svgText(b.label)}</text>`);
    const ok = Number.isFinite(b.value) && b.value > 0;
    const end = ok ? x(Math.log10(b.value)) : plot.left;
    if (ok) {
      const fill = b.highlight ? '#1d4ed8' : '#a1a1aa';
      parts.push(`<rect class="bar-rect" x="${plot.left}" y="${top}" width="${px(Math.max(2, end - plot.left))}" height="${ROW - 12}" fill="${fill}"${b.highlight ? ' stroke="#172554" stroke-width="2"' : ''}/>`);
    }
    const text = ok ? b.display ?? fmt(b.value) : 'n/a';
    parts.push(`<text x="${px(end + 8)}" y="${top + 19}" font-size="14" fill="#18181b"${weight}>${svgText(text)}</text>`);
  });
  parts.push(`<line class="axis" x1="${plot.left}" x2="${plot.left}" y1="${plot.top}" y2="${plot.bottom}" stroke="#3f3f46" stroke-width="1.5"/>`);
  parts.push(`<text x="${px((plot.left + plot.right) / 2)}" y="${height - 8}" text-anchor="middle" font-size="15" fill="#18181b">${svgText(o.xLabel)}</text>`);
  parts.push('</svg>');
  return parts.join('');
}

/** 10^p as people say it: 1, 10, 100, 1k, …, 1M, 1B, 1T. */
export function powerLabel(p: number): string {
  const units = ['', 'k', 'M', 'B', 'T', 'P'];
  if (p < 0) return `10^${p}`;
  const unit = Math.min(units.length - 1, Math.floor(p / 3));
  return `${10 ** (p - unit * 3)}${units[unit]}`;
}

/** 1234 → "1.2k", 138357544 → "138M", 1.8e12 → "1.8T". */
export function compactNumber(v: number): string {
  const units: [number, string][] = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'k']];
  for (const [size, unit] of units) {
    if (Math.abs(v) >= size) return `${Number((v / size).toPrecision(3))}${unit}`;
  }
  return String(Number(v.toPrecision(3)));
}
