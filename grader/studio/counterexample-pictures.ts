/**
 * A failing check's counterexample drawn, with the report's picture helpers: images (number[][])
 * as PNGs (input, expected, got, and |got − expected| as a heat map), 1D signals as a line chart of
 * expected against got. Anything else stays the table or text the report's value view makes.
 */
import { counterexampleLabels } from '../feedback/counterexample-labels.js';
import type { Counterexample } from '../checks/types.js';
import { describeRange, isMatrix, matrixToPng, rangeOf, type DisplayRange } from '../outputs/html/png.js';
import { lineChart } from '../outputs/html/svg/line-chart.js';
import { formatNumber } from '../feedback/format-value.js';

export interface DrawnImage {
  label: string;
  dataUri: string;
  /** Rows × columns, and how values map to grey. */
  caption: string;
}

export interface CounterexamplePictures {
  images: DrawnImage[];
  /** SVG charts as data URIs (shown with <img>, so nothing in them can run). */
  charts: { label: string; dataUri: string }[];
}

const MAX_SIGNAL = 2000;

export const svgDataUri = (svg: string): string => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

function signal(v: unknown): number[] | undefined {
  return Array.isArray(v) && v.length >= 2 && v.length <= MAX_SIGNAL && v.every((x) => typeof x === 'number') ? v : undefined;
}

const image = (v: unknown): number[][] | undefined => (isMatrix(v, 256) && v.length * v[0].length >= 4 ? v : undefined);

function rangeFor(values: number[]): DisplayRange {
  return rangeOf(values.some((x) => x < 0) ? 'signed' : 'zero-to-max', values);
}

/** The image and its caption: its size, how values map to grey (the range covers every finite value drawn with it), and its NaNs. */
async function draw(label: string, m: number[][], range: DisplayRange): Promise<DrawnImage> {
  const png = await matrixToPng(m, range, 120);
  const nonFinite = png.nonFinite ? [`${png.nonFinite} NaN/Infinity drawn magenta`] : [];
  return { label, dataUri: png.dataUri, caption: [`${m.length} × ${m[0].length}`, describeRange(range), ...nonFinite].join('; ') };
}

/** The right answer's green; a property's other side, which the student's code computed too, is not painted as right. */
const RIGHT = '#15803d';
const NEUTRAL = '#475569';

export async function counterexamplePictures(cx: Counterexample | undefined): Promise<CounterexamplePictures | undefined> {
  if (!cx) return undefined;
  const images: DrawnImage[] = [];
  const charts: CounterexamplePictures['charts'] = [];
  for (const [name, value] of Object.entries(cx.input)) {
    const m = image(value);
    if (m) images.push(await draw(name, m, rangeFor(m.flat())));
  }
  const expected = image(cx.expected);
  const got = image(cx.got);
  const labels = counterexampleLabels(cx.expectedIs);
  const word = labels.expectedWord;
  if (expected) {
    // One mapping for both, covering both: a wrong answer outside the expected range (an
    // unnormalised kernel: all 1 where 0.25 is expected) must not be clipped to the same white.
    const range = rangeFor([...expected.flat(), ...(got?.flat() ?? [])]);
    images.push(await draw(word, expected, range));
    if (got) images.push(await draw('your code', got, range));
    if (got && got.length === expected.length && got[0].length === expected[0].length) {
      const diff = got.map((row, r) => row.map((v, c) => Math.abs(v - expected[r][c])));
      const max = Math.max(...diff.flat().filter(Number.isFinite), 0);
      const range = { kind: 'zero-to-max' as const, max: max > 0 ? max : 1 };
      images.push({ ...(await draw(`|yours − ${word}|`, diff, range)), caption: `largest difference ${formatNumber(Number(max.toPrecision(3)))}; ${describeRange(range)}` });
    }
  }
  const e = signal(cx.expected);
  const g = signal(cx.got);
  if (e || g) {
    const series = [
      ...(e ? [{ name: word, points: e.map((y, i) => [i, y] as const), color: labels.isAnswer ? RIGHT : NEUTRAL, marker: 'circle' as const }] : []),
      ...(g ? [{ name: 'your code', points: g.map((y, i) => [i, y] as const), color: '#b91c1c', marker: 'square' as const, dashed: true }] : []),
    ];
    charts.push({ label: `${word} and yours, entry by entry`, dataUri: svgDataUri(lineChart({ title: `${word[0].toUpperCase()}${word.slice(1)} and your output`, xLabel: 'index', yLabel: 'value', series, height: 260, integerX: true })) });
  }
  const inputs = Object.entries(cx.input).filter(([, v]) => signal(v));
  if (inputs.length > 0) {
    const colors = ['#1d4ed8', '#c2410c', '#7c3aed'];
    const series = inputs.map(([name, v], i) => ({ name, points: signal(v)!.map((y, k) => [k, y] as const), color: colors[i % colors.length], marker: 'diamond' as const }));
    charts.push({ label: 'the inputs', dataUri: svgDataUri(lineChart({ title: 'The failing input', xLabel: 'index', yLabel: 'value', series, height: 260, integerX: true })) });
  }
  return images.length || charts.length ? { images, charts } : undefined;
}
