import * as tf from '@tensorflow/tfjs';
import { depthwiseGeometry, forEachTap } from './depthwise-window.js';
import { heapView, type KernelArgs } from './wasm-heap.js';

type Attrs = tf.DepthwiseConv2dNativeBackpropFilterAttrs;

/**
 * dW[kh,kw,c,m] = Σ_{n,oh,ow} x[n, oh·s+kh−top, ow·s+kw−left, c] · dy[n,oh,ow,c·M+m]. Missing from
 * the wasm backend; a direct loop, as a depthwise layer does C·M times less work than a full one.
 */
function depthwiseBackpropFilter({ inputs, backend, attrs }: KernelArgs<Attrs>): tf.TensorInfo {
  const { x, dy } = inputs;
  const geometry = depthwiseGeometry(x.shape, attrs.filterShape, attrs, 'DepthwiseConv2dNativeBackpropFilter');
  const channels = geometry.info.inChannels;
  const m = geometry.multiplier;
  const out = backend.makeOutput(attrs.filterShape, 'float32');
  const xs = heapView(backend, x);
  const g = heapView(backend, dy);
  const dw = heapView(backend, out).fill(0);
  forEachTap(geometry, (xOffset, dyOffset, filterOffset) => {
    for (let c = 0; c < channels; c++) {
      const xv = xs[xOffset + c];
      for (let k = 0; k < m; k++) dw[filterOffset + c * m + k] += xv * g[dyOffset + c * m + k];
    }
  });
  return out;
}

export const depthwiseBackpropFilterConfig: tf.KernelConfig = {
  kernelName: tf.DepthwiseConv2dNativeBackpropFilter,
  backendName: 'wasm',
  kernelFunc: depthwiseBackpropFilter as unknown as tf.KernelFunc,
};
