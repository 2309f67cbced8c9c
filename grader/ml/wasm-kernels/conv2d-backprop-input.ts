import * as tf from '@tensorflow/tfjs';
import { backpropInputPadding, rotateFilter, spreadByStride } from './transposed-convolution.js';
import { convolve } from './conv2d.js';
import { free, type KernelArgs } from './wasm-heap.js';

type Attrs = tf.Conv2DBackpropInputAttrs;

/**
 * dx = the "full" convolution of dy (zeros inserted between its rows and columns when the
 * stride is > 1) with the filter rotated by 180° and its channel axes swapped, by our Conv2D (taps
 * in the padding cost nothing). Replaces the wasm backend's own kernel, a plain C++ loop that
 * took ~60% of a training step.
 */
function conv2dBackpropInput({ inputs, backend, attrs }: KernelArgs<Attrs>): tf.TensorInfo {
  const { dy, filter } = inputs;
  const info = tf.backend_util.computeConv2DInfo(
    attrs.inputShape, filter.shape as [number, number, number, number], attrs.strides, 1, attrs.pad,
    attrs.dimRoundingMode, false, tf.backend_util.convertConv2DDataFormat(attrs.dataFormat));
  if (info.dataFormat !== 'channelsLast') throw new Error('Conv2DBackpropInput on wasm: only NHWC is supported');
  const pad = backpropInputPadding(info, 'Conv2DBackpropInput');
  const rotated = rotateFilter(backend, filter, true);
  const spread = info.strideHeight === 1 && info.strideWidth === 1 ? dy : spreadByStride(backend, dy, info.strideHeight, info.strideWidth);
  const forward = tf.backend_util.computeConv2DInfo(
    spread.shape as [number, number, number, number], rotated.shape as [number, number, number, number], 1, 1, pad as tf.backend_util.ExplicitPadding);
  const dx = convolve(backend, spread, rotated, forward);
  free(backend, rotated, ...(spread === dy ? [] : [spread]));
  return dx;
}

export const conv2dBackpropInputConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropInput,
  backendName: 'wasm',
  kernelFunc: conv2dBackpropInput as unknown as tf.KernelFunc,
};
