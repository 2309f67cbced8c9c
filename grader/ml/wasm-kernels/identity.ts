import * as tf from '@tensorflow/tfjs';
import type { KernelArgs } from './wasm-heap.js';

/**
 * Identity (tf.clone, a cast to the same dtype) shares the data and counts one more reference, as
 * the cpu backend and the wasm backend's own Reshape do: tensors are immutable. The wasm backend
 * copied, which a training step asked for ~10 times, 2–3 MB each.
 */
function identity({ inputs: { x }, backend }: KernelArgs<object>): tf.TensorInfo {
  backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

export const identityConfig: tf.KernelConfig = {
  kernelName: tf.Identity,
  backendName: 'wasm',
  kernelFunc: identity as unknown as tf.KernelFunc,
};
