import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { writeAtomic } from '../core/write-atomic.js';

/**
 * A cache of CNN training results on disk, keyed by a hash of everything that decides the result
 * (topology, training settings, seed, limits, data, backend), so a class of identical tutorial
 * models trains once. Entries are JSON files written atomically: a killed grader leaves no half
 * entry. `getOrCompute` also keeps two workers from training the same model at once.
 */
export interface TrainingCache {
  get<T>(key: string): T | undefined;
  put<T>(key: string, value: T): void;
  /** The cached value, or `compute()`'s (stored), training each key once across processes. */
  getOrCompute<T>(key: string, compute: () => Promise<T>): Promise<T>;
  readonly dir: string;
}

/** Where the batch's workers share their cache (the batch sets it for its workers). */
export const TRAINING_CACHE_ENV = 'GRADER_TRAINING_CACHE';

/**
 * The cache a batch set up for its workers (`GRADER_TRAINING_CACHE`), or undefined when grading
 * runs without one (a single `grade`): then train as usual.
 */
export function trainingCacheFromEnv(env: NodeJS.ProcessEnv = process.env): TrainingCache | undefined {
  const dir = env[TRAINING_CACHE_ENV];
  return dir ? trainingCache(dir) : undefined;
}

/** sha256 of a canonical JSON of `parts` (object keys sorted; typed arrays as arrays). */
export function trainingKey(parts: unknown): string {
  return createHash('sha256').update(canonicalJson(parts)).digest('hex');
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]));
    }
    return v;
  });
}

export interface CacheOptions {
  /** A lock older than this is taken as left by a dead process. */
  staleLockMs?: number;
  pollMs?: number;
}

export function trainingCache(dir: string, options: CacheOptions = {}): TrainingCache {
  const staleLockMs = options.staleLockMs ?? 30 * 60_000;
  const pollMs = options.pollMs ?? 500;
  const file = (key: string) => {
    if (!/^[0-9a-f]{16,128}$/.test(key)) throw new Error(`trainingCache: a key must be a hex hash (use trainingKey), got '${key.slice(0, 40)}'`);
    return path.join(dir, `${key}.json`);
  };
  const get = <T>(key: string): T | undefined => {
    const f = file(key);
    try {
      return (JSON.parse(readFileSync(f, 'utf8')) as { value: T }).value;
    } catch {
      return undefined; // missing (or unreadable: then it is trained again and rewritten)
    }
  };
  const put = <T>(key: string, value: T): void => {
    writeAtomic(file(key), JSON.stringify({ key, createdAt: new Date().toISOString(), value }));
  };
  async function getOrCompute<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const lock = `${file(key)}.lock`;
    mkdirSync(dir, { recursive: true });
    for (;;) {
      const hit = get<T>(key);
      if (hit !== undefined) return hit;
      if (tryLock(lock)) {
        try {
          const again = get<T>(key);
          if (again !== undefined) return again;
          const value = await compute();
          put(key, value);
          return value;
        } finally {
          rmSync(lock, { force: true });
        }
      }
      if (isStale(lock, staleLockMs)) rmSync(lock, { force: true });
      else await new Promise((r) => setTimeout(r, pollMs));
    }
  }
  return { get, put, getOrCompute, dir };
}

function tryLock(lock: string): boolean {
  try {
    const fd = openSync(lock, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

function isStale(lock: string, staleMs: number): boolean {
  if (!existsSync(lock)) return false;
  try {
    return Date.now() - statSync(lock).mtimeMs > staleMs;
  } catch {
    return false;
  }
}
