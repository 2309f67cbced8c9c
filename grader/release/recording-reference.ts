/**
 * The recording side of a student release: a reference with REFERENCE's shape that answers with
 * the real solutions and writes down every (exercise, export, args) → answer it gave.
 */
import type { Reference } from '../core/reference.js';
import { callKey, encodeValue, type Entry } from './runtime/codec.js';

export class Recording {
  /** Every answer, by callKey. */
  readonly answers = new Map<string, Entry>();
  /** Keys asked since the last `take()` (to tell which check asked what). */
  private asked = new Set<string>();
  /** Where each key came from, for messages: "reference.convolution.convolve([1,2], …)". */
  readonly labels = new Map<string, string>();
  /** The exercises whose reference was asked for (a check may ask another exercise's). */
  readonly exercises = new Set<string>();

  note(key: string, label: string, entry: Entry): void {
    this.asked.add(key);
    if (!this.answers.has(key)) this.answers.set(key, entry);
    if (!this.labels.has(key)) this.labels.set(key, label);
  }
  take(): Set<string> {
    const asked = this.asked;
    this.asked = new Set();
    return asked;
  }
}

/** Runs `fn` and records its answer (value, promise or thrown Error) under `key`. */
export function recordCall(recording: Recording, key: string, label: string, fn: () => unknown): unknown {
  let result: unknown;
  try {
    result = fn();
  } catch (e) {
    recording.note(key, label, { t: e instanceof Error ? e.message : String(e) });
    throw e;
  }
  if (result instanceof Promise) {
    return result.then(
      (v) => (recording.note(key, label, { v: encodeValue(v), async: true }), v),
      (e: unknown) => {
        recording.note(key, label, { t: e instanceof Error ? e.message : String(e) });
        throw e;
      },
    );
  }
  recording.note(key, label, { v: encodeValue(result) });
  return result;
}

function label(exercise: string, name: string, args: readonly unknown[] | undefined): string {
  if (args === undefined) return `reference.${exercise}.${name}`;
  const shown = JSON.stringify(encodeValue(args));
  return `reference.${exercise}.${name}(${shown.length > 120 ? shown.slice(1, 117) + '…' : shown.slice(1, -1)})`;
}

/**
 * A Proxy around `reference` that records every call. `values: false` lets value exports be read
 * without recording them (the diagnosis spreads whole modules; only what checks read is shipped).
 */
export function recordingReference(reference: Reference, recording: Recording, options: { values: boolean } = { values: true }): Reference {
  const modules = new Map<string, Record<string, unknown>>();
  return new Proxy(reference, {
    get(target, exercise) {
      const real = Reflect.get(target, exercise) as Record<string, unknown> | undefined;
      if (typeof exercise !== 'string' || real === undefined) return real;
      recording.exercises.add(exercise);
      let module = modules.get(exercise);
      if (!module) {
        module = {};
        for (const name of Object.keys(real)) {
          const exported = real[name];
          if (typeof exported === 'function') {
            module[name] = (...args: unknown[]) =>
              recordCall(recording, callKey(exercise, name, args), label(exercise, name, args), () => (exported as (...a: unknown[]) => unknown)(...args));
          } else {
            Object.defineProperty(module, name, {
              enumerable: true,
              get: () => (options.values ? recordCall(recording, callKey(exercise, name, undefined), label(exercise, name, undefined), () => exported) : exported),
            });
          }
        }
        modules.set(exercise, module);
      }
      return module;
    },
  });
}
