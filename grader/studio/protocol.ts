/**
 * Messages between the studio's server and the child process that runs the student's code (the
 * public checks, then the pictures). Sent with Node's advanced IPC serialization, so typed arrays,
 * NaN and -0 in counterexamples survive. A child serves many saves: each `grade` imports the files
 * afresh and abandons the run going on at its next check; every answer names its run.
 */
import type { ExerciseId } from '../core/contract.js';
import type { GraderConfig } from '../config/types.js';
import type { ExerciseResult } from '../core/result.js';
import type { Pictures, PictureSample } from '../outputs/html/pictures.js';
import type { GradientErrors, ModelSummary } from '../core/studio-extras.js';

/** Parent → child; `config` is the studio's resolved config (studio-config.ts), the same for every run. */
export type ToChild =
  /** Grade these exercises, in this order, against the folder's files as they are now (run `run`). */
  | { type: 'grade'; run: number; folder: string; order: ExerciseId[]; config: GraderConfig }
  /** Run the filters and augmentations on these samples (the sliders, a dropped image), with the files of save `version`. */
  | { type: 'pictures'; id: number; version: number; folder: string; samples: PictureSample[] };

/** Child → parent. */
export type FromChild =
  | { type: 'ready' }
  /** The child let go of the run before (if any) and starts importing this run's files. */
  | { type: 'started'; run: number }
  /** A check starts: if the child stops answering now, this check is the one that hangs. */
  | { type: 'check-start'; run: number; exercise: ExerciseId; checkId: string }
  | { type: 'exercise'; run: number; result: ExerciseResult; pictures?: Pictures; model?: ModelSummary; gradients?: GradientErrors }
  | { type: 'graded'; run: number }
  | { type: 'pictures'; id: number; pictures: Pictures };
