import * as tf from '@tensorflow/tfjs';
import { simdThreads } from './simd-module.js';
import { batchChunks } from './simd-threads.js';
import { free, heapOffset, type KernelArgs } from './wasm-heap.js';

type Attrs = tf.Conv2DBackpropFilterAttrs;

/** Images per partial gradient: 4 for the reference's batch of 128, shared by 1, 2 or 4 threads. */
const CHUNK = 32;

/**
 * dW[kh,kw,c,f] = Σ_{n,oh,ow} x[n, oh·s + kh − top, ow·s + kw − left, c] · dy[n,oh,ow,f], in our
 * SIMD module, straight from x and dy where they lie, the batch split between its threads. The wasm backend has no kernel of its own;
 * the two we had on XNNPACK (a product of im2col patches, and a convolution of x with dy as its
 * filter) took twice as long, one of them a quarter of a training step.
 */
function conv2dBackpropFilter({ inputs, backend, attrs }: KernelArgs<Attrs>): tf.TensorInfo {
  const { x, dy } = inputs;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number], attrs.filterShape, attrs.strides, 1, attrs.pad,
    attrs.dimRoundingMode, false, tf.backend_util.convertConv2DDataFormat(attrs.dataFormat));
  if (info.dataFormat !== 'channelsLast') throw new Error('Conv2DBackpropFilter on wasm: only NHWC is supported');
  const shape = [info.filterHeight, info.filterWidth, info.inChannels, info.outChannels];
  const threads = simdThreads(backend);
  const parts = batchChunks(info.batchSize, CHUNK);
  // Each chunk of images is summed into a gradient of its own, then they are added in order.
  const grads = parts.map(() => backend.makeOutput(shape, 'float32'));
  const at = (t: tf.TensorInfo) => heapOffset(backend, t);
  threads.run('conv2dBackpropFilter', parts.map(([from, to], i) => [
    at(x), at(dy), at(grads[i]), from, to,
    info.inHeight, info.inWidth, info.inChannels, info.outHeight, info.outWidth, info.outChannels,
    info.filterHeight, info.filterWidth, info.strideHeight, info.strideWidth, info.padInfo.top, info.padInfo.left]));
  const [dw, ...others] = grads;
  for (const other of others) threads.kernels.addInto(at(dw), at(other), tf.util.sizeFromShape(shape));
  free(backend, ...others);
  return dw;
}

export const conv2dBackpropFilterConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: conv2dBackpropFilter as unknown as tf.KernelFunc,
};
