import { escapeXml } from '../../../feedback/escape.js';

/** Maps a domain linearly onto a range (pixels); a zero-width domain maps to the range's middle. */
export function linear(domain: readonly [number, number], range: readonly [number, number]): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/** About `count` round tick values (1, 2 or 5 × 10^k apart) covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) return [min];
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step - 1e-9) * step; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

/** [min, max] of the finite values, widened to round ticks; `fallback` when there are none. */
export function niceDomain(values: readonly number[], fallback: [number, number] = [0, 1]): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return fallback;
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const ticks = niceTicks(lo, hi);
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 0;
  return [ticks[0] > lo ? ticks[0] - step : ticks[0], ticks[ticks.length - 1] < hi ? ticks[ticks.length - 1] + step : ticks[ticks.length - 1]];
}

/** A number for an axis label: at most 4 significant digits, no trailing zeros. */
export function tickLabel(v: number): string {
  if (v === 0) return '0';
  return String(Number(v.toPrecision(4)));
}

/** Escapes text for an SVG text node or attribute: every string in a chart goes through this. */
export const svgText = (s: string | number): string => escapeXml(String(s));

/** Rounds a coordinate so the markup stays short. */
export const px = (v: number): string => String(Math.round(v * 10) / 10);

/** The opening tag of a chart: scales with its container, names itself for screen readers. */
export function svgOpen(width: number, height: number, title: string, className: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="${svgText(className)}" viewBox="0 0 ${width} ${height}" ` +
    `width="${width}" height="${height}" role="img" aria-label="${svgText(title)}"><title>${svgText(title)}</title>`
  );
}
