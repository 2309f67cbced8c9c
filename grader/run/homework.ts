import type { ExerciseId } from '../core/contract.js';
import { EXERCISES } from '../exercises/registry.js';
import type { GraderConfig } from '../config/types.js';
import { UserError } from '../core/user-error.js';

/**
 * What a command grades or releases: a homework of the config (`--homework`, or an `--only` that
 * names exactly its exercises), an ad-hoc `--only`, or every exercise. Exercises in lecture order.
 */
export interface Selection {
  exercises: ExerciseId[];
  homework?: string;
  /** An `--only` that is no homework of the config: a gradebook scaled from it says so. */
  adHoc: boolean;
}

/** A `--homework` or `--only` the config cannot satisfy: one line, exit code 2. */
export class SelectionError extends UserError {
  constructor(message: string) {
    super('E_USAGE', message);
  }
}

export function selectExercises(config: Pick<GraderConfig, 'homeworks'>, o: { only?: readonly ExerciseId[]; homework?: string }): Selection {
  const names = Object.keys(config.homeworks);
  const inOrder = (ids: readonly string[]) => EXERCISES.filter((x) => ids.includes(x));
  if (o.only && o.homework !== undefined) throw new SelectionError('--only and --homework both choose the exercises: give one of them');
  if (o.homework !== undefined) {
    const exercises = config.homeworks[o.homework];
    if (!exercises) {
      const known = names.length ? `its homeworks are ${names.join(', ')}` : "it defines none (add homeworks: { hw1: ['convolution', …] } to grader.config.ts)";
      throw new SelectionError(`--homework '${o.homework}' is not a homework of the config: ${known}`);
    }
    return { exercises: inOrder(exercises), homework: o.homework, adHoc: false };
  }
  const exercises = inOrder(o.only ?? EXERCISES);
  const same = names.find((n) => sameSet(config.homeworks[n], exercises));
  return { exercises, ...(same ? { homework: same } : {}), adHoc: Boolean(o.only) && !same };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** How the log and summary.json name a selection: "homework hw1 (convolution, convolution2d)". */
export function describeSelection(s: { exercises: readonly string[]; homework?: string; adHoc: boolean }): string {
  const list = s.exercises.join(', ');
  if (s.homework) return `homework ${s.homework} (${list})`;
  return s.adHoc ? `${list} (an ad-hoc --only, not a homework of the config)` : `every exercise (${list})`;
}

