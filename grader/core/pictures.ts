/**
 * What the report and the studio show of a submission's image code at work, as plain data
 * (JSON-safe): collected by grader/outputs/html/pictures.ts, carried in GradeResult.pictures.
 */
import type { ExerciseId } from './reference.js';

/** One image in the report, or why there is none. */
export interface Picture {
  /** A PNG data URI; absent when the picture could not be made. */
  dataUri?: string;
  /** The image's own size (before it was scaled up for display). */
  width?: number;
  height?: number;
  /** "not available: <reason>" when there is no image. */
  unavailable?: string;
  /** Remarks on what is shown: clipped values, NaN drawn magenta. */
  notes: string[];
}

/** A picture every submission's filters and augmentations are run on. */
export interface SampleImage {
  id: string;
  title: string;
  description: string;
  picture: Picture;
}

/** The submission's and the reference's output of one operation on one sample, and their difference. */
export interface PictureComparison {
  exercise: ExerciseId;
  /** The `SampleImage.id` this was computed from. */
  sample: string;
  title: string;
  /** The call as the student would write it, e.g. `blur(image, 3)`. */
  call: string;
  /** The sample settings the call reads (PictureOperation.settings: keys of SampleSettings). */
  settings: readonly string[];
  /** How values were mapped to grey levels (the same for the submission and the reference). */
  mapping: string;
  submission: Picture;
  reference: Picture;
  /** |submission − reference|, 0 → black, the largest difference → white. */
  difference: Picture;
  /** max |submission − reference| over the pixels, when both images exist and have one size. */
  maxAbsDifference?: number;
  /** Whether the two agree within the tolerance the checks of this function use (set when both images exist). */
  matches?: boolean;
}

/** What the report shows of a submission's image code at work. Plain data (JSON-safe). */
export interface Pictures {
  samples: SampleImage[];
  comparisons: PictureComparison[];
  /** How long collecting took, in seconds. */
  seconds: number;
}

/** A row-major grid of values (a filter, a feature map). */
export interface Grid {
  height: number;
  width: number;
  values: number[];
}
