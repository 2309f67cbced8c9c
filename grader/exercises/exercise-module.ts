import type { Check, CheckContext } from '../checks/types.js';
import type { ExerciseRuntime } from '../core/exercise-runtime.js';
import type { ExerciseId, Reference } from '../core/reference.js';
import type { Mistake, ProbeCall } from '../mistakes/types.js';
import type { PictureOperation } from '../outputs/html/pictures.js';
import type { Submission } from '../core/submission.js';
import type { GraderConfig } from '../config/types.js';
import type { StudioExtras } from '../core/studio-extras.js';

/**
 * Everything the grader knows about one exercise, declared in grader/exercises/<id>/index.ts and
 * listed once in grader/exercises/registry.ts. Generic code (the pipeline, sandbox, outputs,
 * release, batch, studio) reads these fields and never names an exercise.
 */
export interface ExerciseManifest<Id extends ExerciseId> {
  /** The file's name in exercises/ and solutions/ (`<id>.ts`), and the prefix of its checks' ids. */
  readonly id: Id;
  /** As the report and the studio title it. */
  readonly title: string;
  /** The lecture's slides it comes from. */
  readonly slides: string;
  /** What the file exports (docs/contract.md); the grader calls nothing else. */
  readonly exports: readonly ExportName<Id>[];
  /** In the order reports show them. */
  readonly checks: readonly Check[];
  /** The catalogue of known mistakes: diagnoses for students, mutants for the self-tests. */
  readonly mistakes: readonly Mistake[];
  /** The calls that tell its mistakes apart after a failure (plain data: they ship in a release). */
  readonly probes: readonly ProbeCall[];
  /** What running its code needs beyond the defaults (a tfjs model, longer limits). */
  readonly runtime?: ExerciseRuntime;
  /**
   * The grader trains a network for it in its own process: it is graded last (the grader's memory
   * peaks then), the training backend is started first, and a batch's time limit includes training.
   */
  readonly trains?: boolean;
  /** Its functions on sample pictures, beside the reference's (report.html, the studio). */
  readonly pictures?: readonly PictureOperation[];
  /** The studio's extra data, computed from the live submission after the checks (grader/studio/page/panels/). */
  readonly studio?: (submission: Submission, config: GraderConfig, context: StudioContext) => Promise<StudioExtras>;
}

/** What the studio's extras may ask beside the submission: the reference, and other exercises' checks, as a check may. */
export type StudioContext = Pick<CheckContext, 'reference' | 'checksOf'>;

/** Any one exercise's manifest (a union over the ids, so that `id` and `exports` stay paired). */
export type ExerciseModule = { [Id in ExerciseId]: ExerciseManifest<Id> }[ExerciseId];

/** An export of exercise `Id`'s file (of any exercise, for the union of ids). */
export type ExportName<Id extends ExerciseId> = Id extends ExerciseId ? keyof Reference[Id] & string : never;

/** Declares an exercise; refuses a manifest whose checks, mistakes or pictures belong to another. */
export function defineExercise<Id extends ExerciseId>(module: ExerciseManifest<Id>): ExerciseManifest<Id> {
  const foreign = [...module.checks, ...module.mistakes, ...(module.pictures ?? [])].find((x) => x.exercise !== module.id);
  if (foreign) throw new Error(`exercise ${module.id}: ${'id' in foreign ? foreign.id : foreign.name} belongs to ${foreign.exercise}`);
  return module;
}
