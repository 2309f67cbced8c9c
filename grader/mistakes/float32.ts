import { mismatch } from '../checks/support/compare.js';

/** Every number in `v` (arrays, matrices, typed arrays), or null when something else is there. */
function numbers(v: unknown, out: number[] = []): number[] | null {
  if (typeof v === 'number') return out.push(v), out;
  if (Array.isArray(v) || ArrayBuffer.isView(v)) {
    for (const x of Array.from(v as ArrayLike<unknown>)) if (!numbers(x, out)) return null;
    return out;
  }
  return null;
}

/**
 * `got` holds float32 values (each one is its own Math.fround) within float32's precision of
 * `predicted`: a student's float32 sums, whatever their order, are accepted.
 */
export function float32Values(got: unknown, predicted: unknown): boolean {
  const g = numbers(got);
  const p = numbers(predicted);
  if (!g || !p || g.length !== p.length) return false;
  const scale = Math.max(1, ...p.map(Math.abs));
  return mismatch(got, predicted, { rel: 0, abs: 1e-5 * scale }) === null && g.every((x) => Math.fround(x) === x);
}
