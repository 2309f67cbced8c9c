/**
 * Values as JSON that round-trips exactly: typed arrays, NaN, ±Infinity and -0 survive. Used for
 * the recorded table of a student release (recorded at release time, replayed by students).
 */
import { createHash } from 'node:crypto';

type Tagged = { $typed: string; data: unknown[] } | { $num: 'NaN' | 'Infinity' | '-Infinity' | '-0' } | { $undefined: true };

export function encodeValue(value: unknown): unknown {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { $num: 'NaN' };
    if (value === Infinity) return { $num: 'Infinity' };
    if (value === -Infinity) return { $num: '-Infinity' };
    if (Object.is(value, -0)) return { $num: '-0' };
    return value;
  }
  if (value === undefined) return { $undefined: true };
  if (value === null || typeof value !== 'object') return value;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return { $typed: value.constructor.name, data: Array.from(value as unknown as ArrayLike<number>, encodeValue) };
  }
  if (Array.isArray(value)) return value.map(encodeValue);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = encodeValue(v);
  return out;
}

const TYPED: Record<string, new (xs: number[]) => unknown> = {
  Float32Array, Float64Array, Int8Array, Int16Array, Int32Array, Uint8Array, Uint8ClampedArray, Uint16Array, Uint32Array,
};

export function decodeValue(json: unknown): unknown {
  if (json === null || typeof json !== 'object') return json;
  if (Array.isArray(json)) return json.map(decodeValue);
  const t = json as Tagged & Record<string, unknown>;
  if ('$num' in t && Object.keys(t).length === 1) return t.$num === '-0' ? -0 : Number(t.$num);
  if ('$undefined' in t && Object.keys(t).length === 1) return undefined;
  if ('$typed' in t && Object.keys(t).length === 2) {
    const make = TYPED[t.$typed as string];
    if (!make) throw new Error(`recorded table: unknown typed array ${String(t.$typed)}`);
    return new make((t.data as unknown[]).map((x) => decodeValue(x) as number));
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(t)) out[k] = decodeValue(v);
  return out;
}

/** The key of one call: exercise, export and arguments (`undefined` for reading a value). */
export function callKey(exercise: string, name: string, args: readonly unknown[] | undefined): string {
  const text = JSON.stringify([exercise, name, args === undefined ? '#value' : encodeValue(args)]);
  return createHash('sha256').update(text).digest('base64url').slice(0, 24);
}

/** One recorded answer: a value, or the message of the Error it threw. */
export type Entry = { v: unknown; async?: true } | { t: string };

/** What a release ships in grader/release/data/recorded.json. */
export interface RecordedTable {
  version: 1;
  /** For each exercise, its exports and whether each is a function. */
  exports: Record<string, Record<string, 'function' | 'value'>>;
  /** The reference's answers, by callKey. */
  reference: Record<string, Entry>;
  /** Each catalogued mistake: its words, the exports it changes, its answers where they differ from the reference's. */
  mistakes: { id: string; exercise: string; title: string; explanation: string; changes: string[]; answers: Record<string, Entry> }[];
}
