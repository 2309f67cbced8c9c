/**
 * The studio's extra data below an exercise's checks (grader/studio/page/panels/): each kind has its
 * panel. Computed by the exercise's manifest (`studio`), carried to the page as JSON.
 */
import type { TrainingSettings } from './contract.js';

export interface StudioExtras {
  model?: ModelSummary;
  gradients?: GradientErrors;
}

/**
 * The report's "many 5s", for the page to read with the model it trains: the handwritten 5 moved
 * the lecture's ways (by the student's augment.ts where it passes, as `npm run train` moves them)
 * and the dense network to compare with; or why not.
 */
export type FivesToRead = { moved: { move: string; pixels: number[] }[]; movedBy: string; denseTopology: unknown } | { missing: string };

/** What the studio's Train panel needs to train the model in the page, or why it cannot. */
export type BrowserTrainingModel =
  | {
      topology: unknown;
      settings: TrainingSettings;
      notes: string[];
      seed: number;
      /** The handwritten 5 (784 values in [0, 1]) whose feature maps the page draws. */
      five: number[];
      fives: FivesToRead;
    }
  | { unavailable: string };

export interface ModelSummary {
  layers: { name: string; className: string; outputShape: string; params: number }[];
  parameters?: number;
  /** Why there is no summary (no buildModel yet, a refused model). */
  unavailable?: string;
  /** What the page's Train button trains: the accepted topology, the settings as the grader clamps them, its seed. */
  training?: BrowserTrainingModel;
}

/** The `layers` exercise's gradient check, coordinate by coordinate (grader/exercises/layers/gradient-errors.ts). */
export interface GradientErrors {
  /** The layer the errors were measured on, in words. */
  layer: string;
  parameters: { name: 'dx' | 'dw' | 'db'; values: number; maxRelativeError: number; worstIndex: number; aboveTolerance: number; relativeErrors: number[] }[];
  /** The check's tolerance, in words. */
  tolerance: string;
  /** Why there are no errors to show (not implemented yet, a wrong shape, …). */
  unavailable?: string;
}
