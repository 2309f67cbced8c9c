import * as tf from '@tensorflow/tfjs';
import { simdThreads } from './simd-module.js';
import { heapOffset, type KernelArgs } from './wasm-heap.js';

/**
 * Add on wasm: a layer's bias ([C], or [1,…,1,C]) added to its output [N,…,C] in one SIMD pass of
 * ours; any other sum goes to `original`, the backend's own kernel (XNNPACK, 5× slower at this).
 */
export function addBiasConfig(original: tf.KernelConfig): tf.KernelConfig {
  const fallback = original.kernelFunc as unknown as (args: KernelArgs<object>) => tf.TensorInfo;
  const add = (args: KernelArgs<object>): tf.TensorInfo => {
    const { inputs: { a, b }, backend } = args;
    if (!isBiasOf(b, a)) return fallback(args);
    const out = backend.makeOutput(a.shape, 'float32');
    const channels = a.shape[a.shape.length - 1];
    simdThreads(backend).kernels.addBias(heapOffset(backend, a), heapOffset(backend, b), heapOffset(backend, out), tf.util.sizeFromShape(a.shape) / channels, channels);
    return out;
  };
  return { kernelName: tf.Add, backendName: 'wasm', kernelFunc: add as unknown as tf.KernelFunc };
}

function isBiasOf(bias: tf.TensorInfo, x: tf.TensorInfo): boolean {
  const channels = x.shape[x.shape.length - 1];
  return x.dtype === 'float32' && bias.dtype === 'float32' && x.shape.length >= 2 && channels > 0 &&
    bias.shape.length <= x.shape.length && bias.shape[bias.shape.length - 1] === channels &&
    bias.shape.slice(0, -1).every((d) => d === 1) && tf.util.sizeFromShape(x.shape) > channels;
}
