import { linear, niceTicks, px, svgOpen, svgText } from './scale.js';

export interface HistogramBin {
  label: string;
  count: number;
}

export interface HistogramOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  bins: readonly HistogramBin[];
  width?: number;
  height?: number;
}

const MARGIN = { top: 24, right: 16, bottom: 60, left: 56 };

/** Vertical bars, one per bin, with its count printed on top (readable without the axis). */
export function histogram(o: HistogramOptions): string {
  const width = o.width ?? 720;
  const height = o.height ?? 300;
  const plot = { left: MARGIN.left, right: width - MARGIN.right, top: MARGIN.top, bottom: height - MARGIN.bottom };
  const max = Math.max(1, ...o.bins.map((b) => b.count));
  const ticks = niceTicks(0, max, 4).filter((t) => Number.isInteger(t));
  const top = Math.max(max, ticks[ticks.length - 1] ?? max);
  const y = linear([0, top], [plot.bottom, plot.top]);
  const slot = (plot.right - plot.left) / Math.max(1, o.bins.length);
  const parts: string[] = [svgOpen(width, height, o.title, 'chart histogram')];
  for (const t of ticks) {
    parts.push(`<line class="grid" x1="${plot.left}" x2="${plot.right}" y1="${px(y(t))}" y2="${px(y(t))}" stroke="#e4e4e7"/>`);
    parts.push(`<text x="${plot.left - 8}" y="${px(y(t) + 5)}" text-anchor="end" font-size="14" fill="#3f3f46">${t}</text>`);
  }
  o.bins.forEach((b, i) => {
    const left = plot.left + i * slot + slot * 0.1;
    const w = slot * 0.8;
    const cx = left + w / 2;
    if (b.count > 0) {
      parts.push(`<rect class="bar-rect" x="${px(left)}" y="${px(y(b.count))}" width="${px(w)}" height="${px(plot.bottom - y(b.count))}" fill="#1d4ed8"/>`);
      parts.push(`<text x="${px(cx)}" y="${px(y(b.count) - 6)}" text-anchor="middle" font-size="14" font-weight="700" fill="#18181b">${b.count}</text>`);
    }
    parts.push(`<text x="${px(cx)}" y="${plot.bottom + 20}" text-anchor="middle" font-size="13" fill="#3f3f46">${svgText(b.label)}</text>`);
  });
  parts.push(`<line class="axis" x1="${plot.left}" x2="${plot.right}" y1="${plot.bottom}" y2="${plot.bottom}" stroke="#3f3f46" stroke-width="1.5"/>`);
  parts.push(`<text x="${px((plot.left + plot.right) / 2)}" y="${height - 10}" text-anchor="middle" font-size="15" fill="#18181b">${svgText(o.xLabel)}</text>`);
  parts.push(`<text transform="translate(16 ${px((plot.top + plot.bottom) / 2)}) rotate(-90)" text-anchor="middle" font-size="15" fill="#18181b">${svgText(o.yLabel)}</text>`);
  parts.push('</svg>');
  return parts.join('');
}
