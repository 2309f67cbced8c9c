/**
 * The types of the Train button's run (./train-in-browser.ts), apart from it: the page names them
 * without importing tfjs, which only that script (served when an exercise trains) loads.
 */
import type { TrainingSettings } from '../../core/contract.js';
import type { FivesToRead } from '../../core/studio-extras.js';
import type { BatchProgress } from '../../ml/progress.js';
import type { TrainedFigures } from '../trained-figures.js';

export interface BrowserTrainingRequest {
  topology: unknown;
  /** Already resolved within the grader's limits. */
  settings: TrainingSettings;
  seed: number;
  /** Digits to train on and to test on (the first n of each MNIST split). */
  trainSamples: number;
  testSamples: number;
  /** Skip WebGL (for a machine whose GPU path misbehaves; the tests try both). */
  backend?: 'webgl' | 'wasm' | 'cpu';
  /** The handwritten 5 whose feature maps are drawn (784 values in [0, 1]). */
  five: number[];
  /** The many 5s to read, and the dense network to read them too, or why not. */
  fives: FivesToRead;
}

export interface BrowserBackend {
  name: 'webgl' | 'wasm' | 'cpu';
  /** What it runs on, e.g. the GPU's renderer string. */
  detail: string;
}

export interface BrowserTrainingResult {
  backend: BrowserBackend;
  testAccuracy: number;
  seconds: number;
  /** Per epoch: mean loss and accuracy over its batches, and its wall time. */
  epochs: { epoch: number; loss: number; accuracy: number; seconds: number }[];
  /** The first test digits it got wrong: 784 grey levels, the true and the guessed digit. */
  wrong: { pixels: Uint8Array; label: number; predicted: number }[];
  /** What report.html shows of a trained model, for the studio to draw with the report's templates. */
  figures: TrainedFigures;
}

export type OnBatch = (p: BatchProgress) => void | Promise<void>;

export type TrainInBrowser = (request: BrowserTrainingRequest, onBatch: OnBatch, onBackend?: (b: BrowserBackend) => void) => Promise<BrowserTrainingResult>;
