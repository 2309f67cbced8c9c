import * as tf from '@tensorflow/tfjs';
import { free, runWasmKernel, type KernelArgs } from './wasm-heap.js';

type Attrs = tf.Conv2DBackpropFilterAttrs;

/**
 * dW[kh,kw,c,f] = Σ_{n,oh,ow} x[n, oh·s + kh − top, ow·s + kw − left, c] · dy[n,oh,ow,f]: a
 * convolution of x (batch and channels swapped) with dy as its filter, dilated by the stride;
 * so it runs on the wasm backend's own XNNPACK Conv2D.
 */
function conv2dBackpropFilter({ inputs, backend, attrs }: KernelArgs<Attrs>): tf.TensorInfo {
  const { x, dy } = inputs;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number], attrs.filterShape, attrs.strides, 1, attrs.pad,
    attrs.dimRoundingMode, false, tf.backend_util.convertConv2DDataFormat(attrs.dataFormat));
  if (info.dataFormat !== 'channelsLast') throw new Error('Conv2DBackpropFilter on wasm: only NHWC is supported');
  const { top, bottom, left, right } = info.padInfo;

  const xT = runWasmKernel('Transpose', backend, { x }, { perm: [3, 1, 2, 0] }); // [C,H,W,N]
  const dyT = runWasmKernel('Transpose', backend, { x: dy }, { perm: [1, 2, 0, 3] }); // [OH,OW,N,F]
  const grad = runWasmKernel('Conv2D', backend, { x: xT, filter: dyT }, {
    strides: 1,
    pad: [[0, 0], [top, bottom], [left, right], [0, 0]],
    dilations: [info.strideHeight, info.strideWidth],
    dataFormat: 'NHWC',
  }); // [C, ≥KH, ≥KW, F]: rows past KH come from input rows the forward pass never read
  free(backend, xT, dyT);
  const [channels, , , filters] = grad.shape;
  const cropped = grad.shape[1] === info.filterHeight && grad.shape[2] === info.filterWidth ? grad
    : runWasmKernel('Slice', backend, { x: grad }, {
      begin: [0, 0, 0, 0], size: [channels, info.filterHeight, info.filterWidth, filters],
    });
  const dw = runWasmKernel('Transpose', backend, { x: cropped }, { perm: [1, 2, 0, 3] });
  free(backend, ...(cropped === grad ? [grad] : [grad, cropped]));
  return dw;
}

export const conv2dBackpropFilterConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: conv2dBackpropFilter as unknown as tf.KernelFunc,
};
