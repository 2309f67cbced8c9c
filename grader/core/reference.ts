/**
 * The reference modules (solutions/), by exercise id. Empty here on purpose: each exercise adds
 * its own entry by module augmentation in grader/exercises/<id>/index.ts, typed by its stub in
 * exercises/, so checks can call any exercise's reference with types and no generic file has to
 * list the exercises.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Reference {}

/** An exercise's id: the name of its file in exercises/ and solutions/ (grader/exercises/registry.ts lists them). */
export type ExerciseId = Extract<keyof Reference, string>;
