/**
 * The one list of exercises, in the order the lecture meets them. Adding an exercise is a folder
 * beside this file, one line here, a stub in exercises/ and a reference in solutions/
 * (docs/instructors.md, "Add an exercise").
 */
import type { Check } from '../checks/types.js';
import type { ExerciseId } from '../core/reference.js';
import type { ExerciseRuntimes } from '../core/exercise-runtime.js';
import type { Mistake, ProbeCall } from '../mistakes/types.js';
import type { PictureOperation } from '../outputs/html/pictures.js';
import type { ExerciseModule } from './exercise-module.js';
import { convolution } from './convolution/index.js';
import { convolution2d } from './convolution2d/index.js';
import { filters } from './filters/index.js';
import { augment } from './augment/index.js';
import { layers } from './layers/index.js';
import { cnn } from './cnn/index.js';
import { parameters } from './parameters/index.js';

export const EXERCISE_MODULES: readonly ExerciseModule[] = [convolution, convolution2d, filters, augment, layers, cnn, parameters];

export const EXERCISES: readonly ExerciseId[] = EXERCISE_MODULES.map((m) => m.id);

export function isExerciseId(s: string): s is ExerciseId {
  return (EXERCISES as readonly string[]).includes(s);
}

export function exerciseModule(id: ExerciseId): ExerciseModule {
  const found = EXERCISE_MODULES.find((m) => m.id === id);
  if (!found) throw new Error(`unknown exercise '${id}'`);
  return found;
}

/** Every check of every exercise, in the order reports show them. */
export const ALL_CHECKS: readonly Check[] = EXERCISE_MODULES.flatMap((m) => m.checks);

/** An exercise's checks as declared; none for an exercise this grader does not have (a release of some exercises). */
export const checksOf = (exercise: ExerciseId): readonly Check[] => EXERCISE_MODULES.find((m) => m.id === exercise)?.checks ?? [];

/** The catalogue of known mistakes: diagnoses for students, mutants for the self-test. */
export const ALL_MISTAKES: readonly Mistake[] = EXERCISE_MODULES.flatMap((m) => m.mistakes);

/** Each exercise's discriminating probes, asked after a failure to confirm a mistake before naming it. */
export const PROBES: Readonly<Record<ExerciseId, readonly ProbeCall[]>> = Object.fromEntries(EXERCISE_MODULES.map((m) => [m.id, m.probes])) as Record<ExerciseId, readonly ProbeCall[]>;

/** What running each exercise's code needs beyond the defaults, for the sandbox and the in-process runner. */
export const RUNTIMES: ExerciseRuntimes = Object.fromEntries(EXERCISE_MODULES.flatMap((m) => (m.runtime ? [[m.id, m.runtime]] : [])));

/** Every exercise's picture operations, for report.html and the studio's sample pictures. */
export const PICTURE_OPERATIONS: readonly PictureOperation[] = EXERCISE_MODULES.flatMap((m) => m.pictures ?? []);
