import * as tf from '@tensorflow/tfjs';
import { simdThreads } from './simd-module.js';
import { batchParts } from './simd-threads.js';
import { heapOffset, type KernelArgs } from './wasm-heap.js';

type Attrs = tf.Conv2DAttrs;
type Backend = KernelArgs<Attrs>['backend'];

/**
 * y = x ⊛ filter (NHWC, any stride, padding and dilation) in our SIMD module, the batch split
 * between its threads. XNNPACK's is as fast on one thread, but its thread pool wakes for every
 * small op of a training step too, which cost more than it gained on a 2-core machine.
 */
export function convolve(backend: Backend, x: tf.TensorInfo, filter: tf.TensorInfo, info: tf.backend_util.Conv2DInfo): tf.TensorInfo {
  const y = backend.makeOutput(info.outShape, 'float32');
  const at = (t: tf.TensorInfo) => heapOffset(backend, t);
  const threads = simdThreads(backend);
  threads.run('conv2d', batchParts(info.batchSize, threads.threads).map(([from, to]) => [
    at(x), at(filter), at(y), from, to,
    info.inHeight, info.inWidth, info.inChannels, info.outHeight, info.outWidth, info.outChannels,
    info.filterHeight, info.filterWidth, info.strideHeight, info.strideWidth,
    info.dilationHeight, info.dilationWidth, info.padInfo.top, info.padInfo.left]));
  return y;
}

/** Conv2D on wasm: ours for float32 NHWC, else `original`, the backend's own. */
export function conv2dConfig(original: tf.KernelConfig): tf.KernelConfig {
  const fallback = original.kernelFunc as unknown as (args: KernelArgs<Attrs>) => tf.TensorInfo;
  const conv2d = (args: KernelArgs<Attrs>): tf.TensorInfo => {
    const { inputs: { x, filter }, backend, attrs } = args;
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number], filter.shape as [number, number, number, number], attrs.strides,
      attrs.dilations, attrs.pad, attrs.dimRoundingMode, false, tf.backend_util.convertConv2DDataFormat(attrs.dataFormat));
    if (info.dataFormat !== 'channelsLast' || x.dtype !== 'float32' || filter.dtype !== 'float32') return fallback(args);
    return convolve(backend, x, filter, info);
  };
  return { kernelName: tf.Conv2D, backendName: 'wasm', kernelFunc: conv2d as unknown as tf.KernelFunc };
}
