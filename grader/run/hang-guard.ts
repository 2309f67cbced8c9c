/**
 * A student's `npm test` and `npm run train` run their code in their own thread, where a
 * synchronous endless loop blocks every timer: vitest's test timeout never fires, and both hung
 * without a word. Once
 * installed, each call and import of the student's code is stamped in shared memory, and a
 * watchdog thread (hang-watchdog.mjs) ends the process, saying on stderr what hung, when one
 * outlives the limit the grader's sandbox would give it (where the grader counts a timeout).
 */
import { Worker } from 'node:worker_threads';
import type { ExerciseId } from '../core/contract.js';
import { exerciseTimeouts, type ExerciseRuntimes } from '../core/exercise-runtime.js';
import { MIN_LOAD_TIMEOUT_MS } from '../sandbox/options.js';

const TEXT_BYTES = 1024;
const encoder = new TextEncoder();

interface Guard {
  /** [0]: when the watched work started (ms since epoch, 0: none), [1]: its limit in ms. */
  clock: Float64Array;
  length: Int32Array;
  text: Uint8Array;
  limits: (exercise: ExerciseId) => { callTimeoutMs: number; loadTimeoutMs: number };
}

let guard: Guard | undefined;

/**
 * `callTimeoutMs`: the config's (sandbox.callTimeoutMs); loading a file may take as long as the
 * sandbox allows it. `command` is what the student ran, for the message (`npm test`, `npm run train`).
 */
export function installHangGuard(callTimeoutMs: number, runtimes: ExerciseRuntimes, command: string): void {
  if (guard) return;
  const limits = { callTimeoutMs, loadTimeoutMs: Math.max(callTimeoutMs, MIN_LOAD_TIMEOUT_MS) };
  const buffer = new SharedArrayBuffer(16 + 4 + TEXT_BYTES);
  guard = {
    clock: new Float64Array(buffer, 0, 2),
    length: new Int32Array(buffer, 16, 1),
    text: new Uint8Array(buffer, 20, TEXT_BYTES),
    limits: (exercise) => exerciseTimeouts(runtimes[exercise], limits),
  };
  // Plain JavaScript: a worker does not inherit the test runner's TypeScript loader.
  new Worker(new URL('./hang-watchdog.mjs', import.meta.url), { workerData: { buffer, command } }).unref();
}

/** Runs `work` (a call of the student's code, or the import of their file), watched when a guard is installed. */
export async function watched<T>(kind: 'call' | 'load', exercise: ExerciseId, what: string, work: () => Promise<T> | T): Promise<T> {
  if (!guard) return work();
  const bytes = encoder.encode(what).subarray(0, TEXT_BYTES);
  guard.text.set(bytes);
  Atomics.store(guard.length, 0, bytes.length);
  const { callTimeoutMs, loadTimeoutMs } = guard.limits(exercise);
  guard.clock[1] = kind === 'call' ? callTimeoutMs : loadTimeoutMs;
  guard.clock[0] = Date.now();
  try {
    return await work();
  } finally {
    guard.clock[0] = 0;
  }
}
