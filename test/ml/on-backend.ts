import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../grader/ml/backend.js';

/** Runs `f` on the named backend and returns the result's values; tensors are freed. */
export async function onBackend(name: 'cpu' | 'wasm', f: () => tf.Tensor | tf.Tensor[]): Promise<Float32Array[]> {
  await initBackend(name);
  return tf.tidy(() => {
    const out = f();
    return (Array.isArray(out) ? out : [out]).map((t) => t.dataSync() as Float32Array);
  });
}

/** The largest |a − b| / max(1, |b|): the tolerance policy for float32 kernels (1e-4). */
export function maxRelativeError(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
  return worst;
}

/** `n` values in [-1, 1) from a seeded `random`, so cpu and wasm get the same inputs. */
export function values(n: number, random: () => number): Float32Array {
  return Float32Array.from({ length: n }, () => random() * 2 - 1);
}
