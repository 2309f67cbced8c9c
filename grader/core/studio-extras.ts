/**
 * The studio's extra data below an exercise's checks (grader/studio/page/panels/): each kind has its
 * panel. Computed by the exercise's manifest (`studio`), carried to the page as JSON.
 */
import type { TrainingSettings } from './contract.js';

export interface StudioExtras {
  model?: ModelSummary;
  gradients?: GradientErrors;
}

/** What the studio's Train panel needs to train the model in the page, or why it cannot. */
export type BrowserTrainingModel = { topology: unknown; settings: TrainingSettings; notes: string[]; seed: number } | { unavailable: string };

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
