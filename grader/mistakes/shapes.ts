/**
 * Generic shape tests: what a wrong output has in common with the expected one ("rounded to whole
 * numbers", "mirrored left–right", "shifted by one place", "all zeros", …). Used when no known
 * mistake is confirmed: it describes the output, never a cause.
 */
import { close, mismatch } from '../checks/support/compare.js';
import { formatNumber } from '../feedback/format-value.js';

/** One function's answer and the reference's on the same arguments. */
export interface Pair {
  name: string;
  got: unknown;
  expected: unknown;
}

interface Grid {
  rows: number;
  cols: number;
  /** Row-major values. */
  data: number[];
  /** Lists are 1×n grids; tensors and numbers have no left or right. */
  spatial: 'matrix' | 'list' | 'none';
  dims: string;
}

function toGrid(v: unknown): Grid | null {
  if (typeof v === 'number') return { rows: 1, cols: 1, data: [v], spatial: 'none', dims: 'a number' };
  if (Array.isArray(v) && v.length > 0 && v.every(Array.isArray)) {
    const cols = (v[0] as unknown[]).length;
    if (!v.every((r) => (r as unknown[]).length === cols && (r as unknown[]).every((x) => typeof x === 'number'))) return null;
    return { rows: v.length, cols, data: (v as number[][]).flat(), spatial: 'matrix', dims: `${v.length}×${cols}` };
  }
  if (Array.isArray(v) && v.every((x) => typeof x === 'number')) return { rows: 1, cols: v.length, data: v as number[], spatial: 'list', dims: `${v.length} values` };
  const t = v as { shape?: unknown; data?: unknown };
  if (t && typeof t === 'object' && Array.isArray(t.shape) && (ArrayBuffer.isView(t.data) || Array.isArray(t.data))) {
    const data = Array.from(t.data as ArrayLike<number>);
    if (!data.every((x) => typeof x === 'number')) return null;
    return { rows: 1, cols: data.length, data, spatial: 'none', dims: `shape [${(t.shape as number[]).join(',')}]` };
  }
  return null;
}

const SAME = { rel: 1e-9, abs: 1e-9 };
const sameData = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => close(x, b[i], SAME));

interface Case {
  got: Grid;
  expected: Grid;
}

/** A relation between got and expected: true when it holds for one pair of equal-sized grids. */
interface Relation {
  says: string | ((cases: Case[]) => string);
  /** `cases` all differ; the relation must hold for every one. */
  holds(cases: Case[]): boolean;
  /** Only for grids of this kind. */
  spatial?: 'matrix' | 'list' | 'any';
}

const at = (g: Grid, r: number, c: number) => g.data[r * g.cols + c];
const everyCell = (g: Grid, f: (r: number, c: number) => boolean) => {
  for (let r = 0; r < g.rows; r++) for (let c = 0; c < g.cols; c++) if (!f(r, c)) return false;
  return true;
};
const elementwise = (f: (g: number, e: number) => boolean) => (cases: Case[]) => cases.every(({ got, expected }) => got.data.every((g, i) => f(g, expected.data[i])));

/** A single constant k (the same in every case) with got = op(expected, k). */
function constant(cases: Case[], derive: (g: number, e: number) => number | null, apply: (e: number, k: number) => number, trivial: number): number | null {
  let k: number | null = null;
  for (const { got, expected } of cases)
    for (let i = 0; i < got.data.length; i++) {
      const d = derive(got.data[i], expected.data[i]);
      if (d !== null) k ??= d;
    }
  if (k === null || close(k, trivial, SAME) || !Number.isFinite(k)) return null;
  return cases.every(({ got, expected }) => got.data.every((g, i) => close(g, apply(expected.data[i], k!), SAME))) ? k : null;
}

const ROUNDINGS: [string, (x: number) => number][] = [
  ['to the nearest whole number', Math.round],
  ['down (floor)', Math.floor],
  ['toward zero (truncated)', Math.trunc],
  ['up (ceil)', Math.ceil],
];
const clamp255 = (x: number) => Math.min(255, Math.max(0, x));

function shiftOf(cases: Case[], spatial: 'matrix' | 'list'): string | null {
  const moves: [number, number, string][] =
    spatial === 'list'
      ? [[0, 1, 'one place to the right (later)'], [0, -1, 'one place to the left (earlier)']]
      : [[0, 1, 'one pixel to the right'], [0, -1, 'one pixel to the left'], [1, 0, 'one pixel down'], [-1, 0, 'one pixel up']];
  for (const [dr, dc, words] of moves) {
    let overlap = 0;
    const ok = cases.every(({ got, expected }) =>
      everyCell(got, (r, c) => {
        const r0 = r - dr;
        const c0 = c - dc;
        if (r0 < 0 || c0 < 0 || r0 >= expected.rows || c0 >= expected.cols) return true;
        overlap++;
        return close(at(got, r, c), at(expected, r0, c0), SAME);
      }),
    );
    if (ok && overlap >= 2 * cases.length) return words;
  }
  return null;
}

const RELATIONS: Relation[] = [
  { says: 'all zeros', holds: (cs) => cs.every(({ got }) => got.data.every((x) => x === 0)) },
  {
    says: 'the expected one to about 7 significant digits only, the precision of float32 numbers (Float32Array, Math.fround)',
    holds: (cs) => cs.every(({ got, expected }) => {
      const scale = Math.max(1, ...expected.data.map(Math.abs));
      return got.data.every((g, i) => Math.abs(g - expected.data[i]) <= 1e-5 * scale);
    }),
  },
  ...ROUNDINGS.flatMap(([words, op]): Relation[] => [
    { says: `the expected one rounded ${words}`, holds: elementwise((g, e) => g === op(e)) },
    { says: `the expected one rounded ${words} and clamped to 0…255`, holds: elementwise((g, e) => g === clamp255(op(e))) },
  ]),
  { says: 'the expected one with every negative value replaced by 0', holds: elementwise((g, e) => close(g, Math.max(e, 0), SAME)) },
  { says: 'the expected one without its signs (absolute values)', holds: elementwise((g, e) => close(g, Math.abs(e), SAME)) },
  {
    says: (cs) => {
      const k = constant(cs, (g, e) => (e === 0 ? null : g / e), (e, k) => e * k, 1)!;
      return close(k, -1, SAME) ? 'the expected one with the opposite sign' : `the expected one times ${formatNumber(k)}`;
    },
    holds: (cs) => constant(cs, (g, e) => (e === 0 ? null : g / e), (e, k) => e * k, 1) !== null,
  },
  {
    says: (cs) => `the expected one plus ${formatNumber(constant(cs, (g, e) => g - e, (e, k) => e + k, 0)!)} everywhere`,
    holds: (cs) => constant(cs, (g, e) => g - e, (e, k) => e + k, 0) !== null,
  },
  { spatial: 'list', says: 'the expected one in reverse order', holds: (cs) => cs.every(({ got, expected }) => everyCell(got, (r, c) => close(at(got, r, c), at(expected, r, got.cols - 1 - c), SAME))) },
  { spatial: 'matrix', says: 'the expected one mirrored left–right', holds: (cs) => cs.every(({ got, expected }) => everyCell(got, (r, c) => close(at(got, r, c), at(expected, r, got.cols - 1 - c), SAME))) },
  { spatial: 'matrix', says: 'the expected one mirrored top–bottom', holds: (cs) => cs.every(({ got, expected }) => everyCell(got, (r, c) => close(at(got, r, c), at(expected, got.rows - 1 - r, c), SAME))) },
  { spatial: 'matrix', says: 'the expected one turned by 180°', holds: (cs) => cs.every(({ got, expected }) => everyCell(got, (r, c) => close(at(got, r, c), at(expected, got.rows - 1 - r, got.cols - 1 - c), SAME))) },
  {
    spatial: 'matrix',
    says: 'the expected one transposed (rows and columns swapped)',
    holds: (cs) => cs.every(({ got, expected }) => got.rows === got.cols && everyCell(got, (r, c) => close(at(got, r, c), at(expected, c, r), SAME))),
  },
  { spatial: 'list', says: (cs) => `the expected one shifted by ${shiftOf(cs, 'list')}`, holds: (cs) => shiftOf(cs, 'list') !== null },
  { spatial: 'matrix', says: (cs) => `the expected one shifted by ${shiftOf(cs, 'matrix')}`, holds: (cs) => shiftOf(cs, 'matrix') !== null },
];

/** Where `small` sits inside `big` as a block, or null. */
function blockOffset(big: Grid, small: Grid): [number, number] | null {
  for (let r0 = 0; r0 + small.rows <= big.rows; r0++)
    for (let c0 = 0; c0 + small.cols <= big.cols; c0++)
      if (everyCell(small, (r, c) => close(at(small, r, c), at(big, r0 + r, c0 + c), SAME))) return [r0, c0];
  return null;
}

/** What one function's wrong outputs have in common with the expected ones, or null. */
function describeFunction(pairs: { got: Grid; expected: Grid }[]): string | null {
  const differing = pairs.filter(({ got, expected }) => got.rows !== expected.rows || got.cols !== expected.cols || !sameData(got.data, expected.data));
  if (differing.length < 2) return null;
  const sized = differing.every(({ got, expected }) => got.rows === expected.rows && got.cols === expected.cols && got.spatial === expected.spatial);
  if (sized) {
    const spatial = differing[0].got.spatial;
    if (!differing.every(({ got }) => got.spatial === spatial)) return null;
    for (const rel of RELATIONS) {
      if (rel.spatial && rel.spatial !== spatial) continue;
      if (rel.holds(differing)) return typeof rel.says === 'string' ? rel.says : rel.says(differing);
    }
    return null;
  }
  if (differing.every(({ got, expected }) => got.spatial === 'matrix' && expected.spatial === 'matrix' && got.rows >= expected.rows && got.cols >= expected.cols && blockOffset(got, expected))) {
    const { got, expected } = differing[0];
    return `larger than the expected one (${got.dims} instead of ${expected.dims}) and holds the expected values inside it`;
  }
  if (differing.every(({ got, expected }) => got.spatial === 'matrix' && expected.spatial === 'matrix' && got.rows <= expected.rows && got.cols <= expected.cols && blockOffset(expected, got))) {
    const { got, expected } = differing[0];
    return `smaller than the expected one (${got.dims} instead of ${expected.dims}) and is a part of it`;
  }
  // Sizes alone are a fact worth stating, never evidence of a cause.
  if (differing.every(({ got, expected }) => got.rows !== expected.rows || got.cols !== expected.cols)) {
    const sizes = [...new Set(differing.map(({ got, expected }) => `${got.dims} instead of ${expected.dims}`))];
    return `outputs of another size (${sizes.slice(0, 3).join('; ')}${sizes.length > 3 ? '; …' : ''})`;
  }
  return null;
}

/** Splits object answers ({ x, y, magnitude }, { dx, dw, db }) into one pair per key. */
function parts(pair: Pair): { name: string; got: unknown; expected: unknown }[] {
  const e = pair.expected as Record<string, unknown>;
  if (e && typeof e === 'object' && !Array.isArray(e) && !ArrayBuffer.isView(e) && !('shape' in e)) {
    const g = (pair.got ?? {}) as Record<string, unknown>;
    return Object.keys(e).map((k) => ({ name: `${pair.name}(…).${k}`, got: g[k], expected: e[k] }));
  }
  return [pair];
}

/**
 * A sentence saying what every wrong output has in common with the expected one, for each
 * function that answered wrongly on at least two of the inputs, or undefined when no shape test
 * holds for all of them.
 */
export function describeDifference(pairs: readonly Pair[]): string | undefined {
  const byName = new Map<string, { got: Grid; expected: Grid }[]>();
  for (const pair of pairs.flatMap(parts)) {
    if (mismatch(pair.got, pair.expected, SAME) === null) continue;
    const got = toGrid(pair.got);
    const expected = toGrid(pair.expected);
    if (!got || !expected) return undefined;
    const list = byName.get(pair.name) ?? [];
    list.push({ got, expected });
    byName.set(pair.name, list);
  }
  if (byName.size === 0) return undefined;
  const sentences: string[] = [];
  for (const [name, list] of byName) {
    const words = describeFunction(list);
    if (!words) return undefined;
    sentences.push(`${name.includes('(') ? name : `${name}(…)`} returned ${words} (on ${list.length} inputs the grader tried)`);
  }
  return `What your output has in common with the expected one: ${sentences.join('; ')}.`;
}
