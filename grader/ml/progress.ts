/**
 * Where a training run reports its batches as it goes (`npm run train`'s progress bar). One
 * listener per process: the training path is the grader's own, reached through its checks, so the
 * command that wants progress listens here instead of threading a callback through them.
 */

/** What the progress reports call the two networks that train: the student's, and the comparison's. */
export const YOUR_MODEL = 'your model';
export const DENSE_NETWORK = 'dense network, for the comparison';

export interface BatchProgress {
  /** Which network trains: the submitted one, or the comparison's dense network. */
  network: string;
  /** 1-based. */
  epoch: number;
  epochs: number;
  /** 1-based, of `batches` in this epoch. */
  batch: number;
  batches: number;
  /** This batch's loss and accuracy. */
  loss: number;
  accuracy: number;
  /** Their means over this epoch's batches so far (what Keras' progress bar shows). */
  epochLoss: number;
  epochAccuracy: number;
  /** Seconds since this epoch started. */
  seconds: number;
}

let listener: ((progress: BatchProgress) => void) | undefined;

/** Listens to every training batch of this process until the returned function is called. */
export function onTrainingProgress(listen: (progress: BatchProgress) => void): () => void {
  listener = listen;
  return () => {
    if (listener === listen) listener = undefined;
  };
}

export function reportProgress(progress: BatchProgress): void {
  listener?.(progress);
}
