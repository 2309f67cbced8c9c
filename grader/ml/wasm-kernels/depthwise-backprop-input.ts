import * as tf from '@tensorflow/tfjs';
import { depthwiseInfo } from './depthwise-info.js';
import { backpropInputPadding, rotateFilter, spreadByStride } from './transposed-convolution.js';
import { free, runWasmKernel, type KernelArgs } from './wasm-heap.js';

type Attrs = tf.DepthwiseConv2dNativeBackpropInputAttrs;

/**
 * dx[n,h,w,c] = Σ_m of a "full" depthwise convolution of dy's channel c·M+m (spread by the
 * stride) with the rotated filter W[:,:,c,m]: XNNPACK's depthwise kernel on C·M channels, then
 * a sum over the M channels of each input channel. Missing from the wasm backend.
 */
function depthwiseBackpropInput({ inputs, backend, attrs }: KernelArgs<Attrs>): tf.TensorInfo {
  const { dy, filter } = inputs;
  const info = depthwiseInfo(attrs.inputShape, filter.shape, attrs, 'DepthwiseConv2dNativeBackpropInput');
  const pad = backpropInputPadding(info, 'DepthwiseConv2dNativeBackpropInput');
  const multiplier = filter.shape[3];
  const rotated = rotateFilter(backend, filter, false);
  const spread = info.strideHeight === 1 && info.strideWidth === 1 ? dy : spreadByStride(backend, dy, info.strideHeight, info.strideWidth);
  const perChannel = runWasmKernel('DepthwiseConv2dNative', backend, { x: spread, filter: rotated }, { strides: 1, pad, dilations: 1 });
  free(backend, rotated, ...(spread === dy ? [] : [spread]));
  if (multiplier === 1) return perChannel;
  const grouped = runWasmKernel('Reshape', backend, { x: perChannel }, { shape: [...attrs.inputShape, multiplier] });
  const dx = runWasmKernel('Sum', backend, { x: grouped }, { axis: [4], keepDims: false });
  free(backend, perChannel, grouped);
  return dx;
}

export const depthwiseBackpropInputConfig: tf.KernelConfig = {
  kernelName: tf.DepthwiseConv2dNativeBackpropInput,
  backendName: 'wasm',
  kernelFunc: depthwiseBackpropInput as unknown as tf.KernelFunc,
};
