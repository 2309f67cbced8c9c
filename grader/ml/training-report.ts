import type { TrainingSettings } from '../core/contract.js';
import type { FirstLayer } from './first-layer.js';

export interface EpochLog {
  /** 1-based. */
  epoch: number;
  /** Means over the epoch's training batches, as Keras reports them. */
  loss: number;
  accuracy: number;
  /** Wall time of this epoch. */
  seconds: number;
  /** Set when the time limit cut this epoch short: the batches done of those planned. */
  partial?: { batches: number; of: number };
  /** Each training batch's loss and accuracy, in order (five significant digits). */
  batches?: { loss: number[]; accuracy: number[] };
}

export interface Misclassified {
  /** Index among the test digits. */
  index: number;
  label: number;
  predicted: number;
  /** 784 values in [0, 1], row-major 28×28. */
  pixels: number[];
}

export interface LayerSummary {
  name: string;
  className: string;
  /** e.g. "[null,26,26,16]". */
  outputShape: string;
  params: number;
}

/** What one training run of a submitted model produced; plain JSON, for results and reports. */
export interface TrainingReport {
  /** The tfjs backend that trained it, as initBackend names it. */
  backend: string;
  seed: number;
  /** The settings used (after clamping to the limits; see `notes`). */
  settings: TrainingSettings;
  /** Why the settings used differ from those submitted; empty when they do not. */
  notes: string[];
  epochs: EpochLog[];
  testAccuracy: number;
  /** 10×10 counts, confusion[true digit][predicted digit]. */
  confusion: number[][];
  /** The first 24 test digits the model got wrong, in test order. */
  misclassified: Misclassified[];
  parameterCount: number;
  layers: LayerSummary[];
  trainSamples: number;
  testSamples: number;
  trainSeconds: number;
  samplesPerSecond: number;
  /** Why training ended before the planned epochs, e.g. the time limit. */
  stoppedEarly?: string;
  /** The first convolution's learned filters and its feature maps of the handwritten 5. */
  firstLayer?: FirstLayer;
}
