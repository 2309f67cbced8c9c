import * as tf from '@tensorflow/tfjs';
import { PIXELS, unitFloats, type MnistSplit } from '../../datasets/mnist.js';
import type { Misclassified } from './training-report.js';

const BATCH = 1000;
const MISCLASSIFIED_KEPT = 24;

/**
 * The predicted digit for each of n images (n × 784 values): floats in [0, 1], or grey levels
 * 0..255, which are scaled a batch at a time so that a whole set is never held as floats.
 */
export function predictDigits(model: tf.LayersModel, images: Float32Array | Uint8Array): Int32Array {
  const n = images.length / PIXELS;
  const predicted = new Int32Array(n);
  for (let start = 0; start < n; start += BATCH) {
    const count = Math.min(BATCH, n - start);
    const batch = images.subarray(start * PIXELS, (start + count) * PIXELS);
    const digits = tf.tidy(() => {
      const x = tf.tensor4d(batch instanceof Uint8Array ? unitFloats(batch) : batch, [count, 28, 28, 1]);
      return (model.predict(x) as tf.Tensor).argMax(-1);
    });
    predicted.set(digits.dataSync() as Int32Array, start);
    digits.dispose();
  }
  return predicted;
}

export interface Evaluation {
  accuracy: number;
  /** confusion[true][predicted] counts. */
  confusion: number[][];
  misclassified: Misclassified[];
}

/** Accuracy, confusion matrix and the first misclassified digits of `model` on `test`. */
export function evaluate(model: tf.LayersModel, test: MnistSplit): Evaluation {
  const predicted = predictDigits(model, test.pixels);
  const confusion = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
  const misclassified: Misclassified[] = [];
  let correct = 0;
  for (let i = 0; i < test.count; i++) {
    const label = test.labels[i];
    confusion[label][predicted[i]]++;
    if (predicted[i] === label) {
      correct++;
    } else if (misclassified.length < MISCLASSIFIED_KEPT) {
      const pixels = Array.from(test.pixels.subarray(i * PIXELS, (i + 1) * PIXELS), (level) => level / 255);
      misclassified.push({ index: i, label, predicted: predicted[i], pixels });
    }
  }
  return { accuracy: correct / test.count, confusion, misclassified };
}
