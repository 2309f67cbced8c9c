import { linear, niceDomain, niceTicks, px, svgOpen, svgText, tickLabel } from './scale.js';

export type Marker = 'circle' | 'square' | 'triangle' | 'diamond';

export interface LineSeries {
  name: string;
  /** [x, y] pairs; points with a non-finite coordinate are left out. */
  points: readonly (readonly [number, number])[];
  color: string;
  /** Dashed lines and distinct markers keep series apart in grayscale and print. */
  dashed?: boolean;
  marker?: Marker;
  /** A line only, no marker per point (hundreds of points, e.g. one per training batch); thinner. */
  plain?: boolean;
}

export interface LineChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly LineSeries[];
  width?: number;
  height?: number;
  /** Fixed axis ranges (e.g. [0, 1] for accuracy); otherwise rounded from the data. */
  xDomain?: [number, number];
  yDomain?: [number, number];
  /** The x values are indices: ticks at whole numbers only (never "0.2"). */
  integerX?: boolean;
  formatX?: (v: number) => string;
  formatY?: (v: number) => string;
}

const MARGIN = { top: 40, right: 20, bottom: 56, left: 68 };

/**
 * A line chart as a self-contained SVG string: axes with round ticks and labels, one polyline
 * with markers per series, and a legend. Every text is escaped.
 */
export function lineChart(o: LineChartOptions): string {
  const width = o.width ?? 520;
  const height = o.height ?? 320;
  const series = o.series.map((s) => ({ ...s, points: s.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)) }));
  const all = series.flatMap((s) => s.points);
  const xDomain = o.xDomain ?? niceDomain(all.map((p) => p[0]));
  const yDomain = o.yDomain ?? niceDomain(all.map((p) => p[1]));
  const plot = { left: MARGIN.left, right: width - MARGIN.right, top: MARGIN.top, bottom: height - MARGIN.bottom };
  const x = linear(xDomain, [plot.left, plot.right]);
  const y = linear(yDomain, [plot.bottom, plot.top]);
  const fx = o.formatX ?? tickLabel;
  const fy = o.formatY ?? tickLabel;
  const parts: string[] = [svgOpen(width, height, o.title, 'chart line-chart')];

  for (const t of niceTicks(yDomain[0], yDomain[1], 5)) {
    parts.push(`<line class="grid" x1="${px(plot.left)}" x2="${px(plot.right)}" y1="${px(y(t))}" y2="${px(y(t))}" stroke="#d4d4d8" stroke-width="1"/>`);
    parts.push(`<text x="${px(plot.left - 8)}" y="${px(y(t) + 5)}" text-anchor="end" font-size="14" fill="#3f3f46">${svgText(fy(t))}</text>`);
  }
  for (const t of niceTicks(xDomain[0], xDomain[1], 6).filter((t) => !o.integerX || Number.isInteger(t))) {
    parts.push(`<line x1="${px(x(t))}" x2="${px(x(t))}" y1="${px(plot.bottom)}" y2="${px(plot.bottom + 6)}" stroke="#3f3f46"/>`);
    parts.push(`<text x="${px(x(t))}" y="${px(plot.bottom + 22)}" text-anchor="middle" font-size="14" fill="#3f3f46">${svgText(fx(t))}</text>`);
  }
  parts.push(`<line class="axis" x1="${px(plot.left)}" x2="${px(plot.right)}" y1="${px(plot.bottom)}" y2="${px(plot.bottom)}" stroke="#3f3f46" stroke-width="1.5"/>`);
  parts.push(`<line class="axis" x1="${px(plot.left)}" x2="${px(plot.left)}" y1="${px(plot.top)}" y2="${px(plot.bottom)}" stroke="#3f3f46" stroke-width="1.5"/>`);
  parts.push(`<text x="${px((plot.left + plot.right) / 2)}" y="${height - 10}" text-anchor="middle" font-size="15" fill="#18181b">${svgText(o.xLabel)}</text>`);
  parts.push(`<text transform="translate(18 ${px((plot.top + plot.bottom) / 2)}) rotate(-90)" text-anchor="middle" font-size="15" fill="#18181b">${svgText(o.yLabel)}</text>`);

  for (const s of series) {
    const coords = s.points.map(([a, b]) => `${px(x(a))},${px(y(b))}`).join(' ');
    const dash = s.dashed ? ' stroke-dasharray="8 5"' : '';
    parts.push(`<polyline class="series" data-series="${svgText(s.name)}" points="${coords}" fill="none" stroke="${svgText(s.color)}" stroke-width="${s.plain ? 1.5 : 3}" stroke-linejoin="round"${dash}/>`);
    if (!s.plain) for (const [a, b] of s.points) parts.push(marker(s.marker ?? 'circle', x(a), y(b), s.color));
  }
  parts.push(legend(series, plot.left + 8, 22));
  parts.push('</svg>');
  return parts.join('');
}

/** A marker shape centred on (cx, cy); white-filled shapes stay distinct without colour. */
export function marker(kind: Marker, cx: number, cy: number, color: string, size = 5): string {
  const c = svgText(color);
  const common = `class="marker" stroke="${c}" stroke-width="2"`;
  switch (kind) {
    case 'square':
      return `<rect ${common} fill="${c}" x="${px(cx - size)}" y="${px(cy - size)}" width="${size * 2}" height="${size * 2}"/>`;
    case 'triangle':
      return `<polygon ${common} fill="#fff" points="${px(cx)},${px(cy - size - 1)} ${px(cx + size + 1)},${px(cy + size)} ${px(cx - size - 1)},${px(cy + size)}"/>`;
    case 'diamond':
      return `<polygon ${common} fill="#fff" points="${px(cx)},${px(cy - size - 1)} ${px(cx + size + 1)},${px(cy)} ${px(cx)},${px(cy + size + 1)} ${px(cx - size - 1)},${px(cy)}"/>`;
    default:
      return `<circle ${common} fill="#fff" cx="${px(cx)}" cy="${px(cy)}" r="${size}"/>`;
  }
}

function legend(series: readonly LineSeries[], left: number, top: number): string {
  let x = left;
  const items = series.map((s) => {
    const dash = s.dashed ? ' stroke-dasharray="8 5"' : '';
    const item =
      `<g class="legend-item"><line x1="${px(x)}" x2="${px(x + 34)}" y1="${top}" y2="${top}" stroke="${svgText(s.color)}" stroke-width="3"${dash}/>` +
      marker(s.marker ?? 'circle', x + 17, top, s.color) +
      `<text x="${px(x + 42)}" y="${top + 5}" font-size="14" fill="#18181b">${svgText(s.name)}</text></g>`;
    x += 60 + s.name.length * 8;
    return item;
  });
  return `<g class="legend">${items.join('')}</g>`;
}
