import * as tf from '@tensorflow/tfjs';
import { simdThreads } from './simd-module.js';
import { batchParts } from './simd-threads.js';
import { heapOffset, type KernelArgs } from './wasm-heap.js';

type Attrs = tf.MaxPoolGradAttrs;

/**
 * Routes each dy to the input pixel that won its window: the first one, in row-major order,
 * equal to the forward pass's maximum (so the first maximum, as on the cpu backend), in our wasm
 * module, the batch split between its threads. The wasm backend's own kernel took ~25% of a
 * training step.
 */
function maxPoolGrad({ inputs, backend, attrs }: KernelArgs<Attrs>): tf.TensorInfo {
  const { dy, input, output } = inputs;
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number], attrs.filterSize, attrs.strides, 1, attrs.pad,
    attrs.dimRoundingMode);
  const out = backend.makeOutput(input.shape, 'float32');
  const at = (t: tf.TensorInfo) => heapOffset(backend, t);
  const threads = simdThreads(backend);
  threads.run('maxPoolGrad', batchParts(info.batchSize, threads.threads).map(([from, to]) => [
    at(input), at(output), at(dy), at(out), from, to,
    info.inHeight, info.inWidth, info.inChannels, info.outHeight, info.outWidth,
    info.filterHeight, info.filterWidth, info.strideHeight, info.strideWidth, info.padInfo.top, info.padInfo.left]));
  return out;
}

export const maxPoolGradConfig: tf.KernelConfig = {
  kernelName: tf.MaxPoolGrad,
  backendName: 'wasm',
  kernelFunc: maxPoolGrad as unknown as tf.KernelFunc,
};
