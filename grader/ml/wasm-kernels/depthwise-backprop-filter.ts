import * as tf from '@tensorflow/tfjs';
import { depthwiseInfo } from './depthwise-info.js';
import { heapView, type KernelArgs } from './wasm-heap.js';

type Attrs = tf.DepthwiseConv2dNativeBackpropFilterAttrs;

/**
 * dW[kh,kw,c,m] = Σ_{n,oh,ow} x[n, oh·s+kh−top, ow·s+kw−left, c] · dy[n,oh,ow,c·M+m]. Missing from
 * the wasm backend. A direct loop, one filter tap at a time over contiguous channels: twice as
 * fast as handing XNNPACK a depthwise convolution with dy as a 26×26 filter, which it has no
 * fast path for.
 */
function depthwiseBackpropFilter({ inputs, backend, attrs }: KernelArgs<Attrs>): tf.TensorInfo {
  const { x, dy } = inputs;
  const info = depthwiseInfo(x.shape, attrs.filterShape, attrs, 'DepthwiseConv2dNativeBackpropFilter');
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth, filterHeight, filterWidth } = info;
  const { strideHeight: sh, strideWidth: sw, padInfo } = info;
  const m = attrs.filterShape[3];
  const out = backend.makeOutput(attrs.filterShape, 'float32');
  const xs = heapView(backend, x);
  const g = heapView(backend, dy);
  const dw = heapView(backend, out);
  const sum = new Float64Array(channels * m);
  for (let kh = 0; kh < filterHeight; kh++) {
    for (let kw = 0; kw < filterWidth; kw++) {
      sum.fill(0);
      // Output columns whose tap lands inside the input.
      const owFrom = Math.max(0, Math.ceil((padInfo.left - kw) / sw));
      const owTo = Math.min(outWidth, Math.floor((inWidth - 1 + padInfo.left - kw) / sw) + 1);
      for (let n = 0; n < batchSize; n++) {
        for (let oh = 0; oh < outHeight; oh++) {
          const h = oh * sh + kh - padInfo.top;
          if (h < 0 || h >= inHeight) continue;
          let xAt = ((n * inHeight + h) * inWidth + owFrom * sw + kw - padInfo.left) * channels;
          let dyAt = ((n * outHeight + oh) * outWidth + owFrom) * channels * m;
          for (let ow = owFrom; ow < owTo; ow++, xAt += sw * channels, dyAt += channels * m) {
            if (m === 1) {
              for (let c = 0; c < channels; c++) sum[c] += xs[xAt + c] * g[dyAt + c];
            } else {
              for (let c = 0; c < channels; c++) {
                for (let k = 0; k < m; k++) sum[c * m + k] += xs[xAt + c] * g[dyAt + c * m + k];
              }
            }
          }
        }
      }
      dw.set(sum, (kh * filterWidth + kw) * channels * m);
    }
  }
  return out;
}

export const depthwiseBackpropFilterConfig: tf.KernelConfig = {
  kernelName: tf.DepthwiseConv2dNativeBackpropFilter,
  backendName: 'wasm',
  kernelFunc: depthwiseBackpropFilter as unknown as tf.KernelFunc,
};
