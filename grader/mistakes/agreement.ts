import { mismatch } from '../checks/support/compare.js';
import type { Mistake } from './types.js';

/** Loose enough for a student's own rounding of the same wrong formula. */
export const SAME_MISTAKE = { rel: 1e-6, abs: 1e-9 };

/** Whether the submission's value `got` counts as `mistake`'s answer `predicted`. */
export function agrees(mistake: Pick<Mistake, 'accepts'> | undefined, got: unknown, predicted: unknown): boolean {
  if (mistake?.accepts) return mistake.accepts(got, predicted);
  return mismatch(got, predicted, SAME_MISTAKE) === null;
}

/** Runs `name(...args)` of `module` (our code: the reference or a mistake); undefined if it threw. */
export function answer(module: Record<string, unknown>, name: string, args: readonly unknown[] | undefined): { value: unknown } | undefined {
  try {
    const exported = module[name];
    const value = args === undefined ? exported : (exported as (...a: unknown[]) => unknown)(...structuredClone(args as unknown[]));
    return value instanceof Promise ? undefined : { value };
  } catch {
    return undefined;
  }
}
