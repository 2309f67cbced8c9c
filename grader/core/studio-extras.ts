/**
 * What the studio shows below an exercise's checks besides pictures, by kind of data: each kind
 * has its panel (grader/studio/page/panels/), and an exercise's manifest (`studio`) computes the
 * kinds it has. The types live here, not in the exercises' folders, so the studio compiles in a
 * release that ships only some exercises.
 */
import type { TrainingSettings } from './contract.js';

/** What the studio's Train panel needs to train the model in the page, or why it cannot. */
export type BrowserTrainingModel = { topology: unknown; settings: TrainingSettings; notes: string[]; seed: number } | { unavailable: string };

/** A model's layers and parameter count, as the grader would rebuild it. */
export interface ModelSummary {
  layers: { name: string; className: string; outputShape: string; params: number }[];
  parameters?: number;
  /** Why there is no summary (no model yet, a refused model). */
  unavailable?: string;
  /** What the page's Train button trains: the accepted topology, the settings as the grader clamps them, its seed. */
  training?: BrowserTrainingModel;
}

/** A layer's gradients against numerical ones, value by value. */
export interface GradientErrors {
  /** The layer the errors were measured on, in words. */
  layer: string;
  parameters: { name: 'dx' | 'dw' | 'db'; values: number; maxRelativeError: number; worstIndex: number; aboveTolerance: number; relativeErrors: number[] }[];
  /** The check's tolerance, in words. */
  tolerance: string;
  /** Why there are no errors to show (not implemented yet, a wrong shape, …). */
  unavailable?: string;
}

export interface StudioExtras {
  model?: ModelSummary;
  gradients?: GradientErrors;
}
