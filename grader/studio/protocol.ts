/**
 * Messages between the studio's server and the child process that runs the student's code (the
 * public checks, then the pictures). Sent with Node's advanced IPC serialization, so typed arrays,
 * NaN and -0 in counterexamples survive.
 */
import type { ExerciseId } from '../core/contract.js';
import type { ExerciseResult } from '../core/result.js';
import type { Pictures, PictureSample } from '../outputs/html/pictures.js';
import type { ModelSummary } from './model-summary.js';
import type { GradientErrors } from './gradient-errors.js';

/** Parent → child. */
export type ToChild =
  /** Grade these exercises, in this order, against the folder's files as they are now. */
  | { type: 'grade'; folder: string; order: ExerciseId[] }
  /** Run the filters and augmentations on these samples (the sliders, a dropped image). */
  | { type: 'pictures'; id: number; folder: string; samples: PictureSample[] };

/** Child → parent. */
export type FromChild =
  | { type: 'ready' }
  /** A check starts: if the child stops answering now, this check is the one that hangs. */
  | { type: 'check-start'; exercise: ExerciseId; checkId: string }
  | { type: 'exercise'; result: ExerciseResult; pictures?: Pictures; model?: ModelSummary; gradients?: GradientErrors }
  | { type: 'graded' }
  | { type: 'pictures'; id: number; pictures: Pictures };
