import * as tf from '@tensorflow/tfjs';
import { depthwiseGeometry, forEachTap } from './depthwise-window.js';
import { heapView, type KernelArgs } from './wasm-heap.js';

type Attrs = tf.DepthwiseConv2dNativeBackpropInputAttrs;

/** dx[n,h,w,c] = Σ over the taps that read x[n,h,w,c] of W[kh,kw,c,m] · dy[n,oh,ow,c·M+m]. Missing from the wasm backend. */
function depthwiseBackpropInput({ inputs, backend, attrs }: KernelArgs<Attrs>): tf.TensorInfo {
  const { dy, filter } = inputs;
  const geometry = depthwiseGeometry(attrs.inputShape, filter.shape, attrs, 'DepthwiseConv2dNativeBackpropInput');
  const channels = geometry.info.inChannels;
  const m = geometry.multiplier;
  const out = backend.makeOutput(attrs.inputShape, 'float32');
  const w = heapView(backend, filter);
  const g = heapView(backend, dy);
  const dx = heapView(backend, out).fill(0);
  forEachTap(geometry, (xOffset, dyOffset, filterOffset) => {
    for (let c = 0; c < channels; c++) {
      let sum = 0;
      for (let k = 0; k < m; k++) sum += w[filterOffset + c * m + k] * g[dyOffset + c * m + k];
      dx[xOffset + c] += sum;
    }
  });
  return out;
}

export const depthwiseBackpropInputConfig: tf.KernelConfig = {
  kernelName: tf.DepthwiseConv2dNativeBackpropInput,
  backendName: 'wasm',
  kernelFunc: depthwiseBackpropInput as unknown as tf.KernelFunc,
};
