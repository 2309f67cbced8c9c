import * as tf from '@tensorflow/tfjs';
import { heapView, type KernelArgs } from './wasm-heap.js';

type Attrs = tf.MaxPoolGradAttrs;

/**
 * Routes each dy to the input pixel that won its window: the first one, in row-major order,
 * equal to the forward pass's maximum (so the first maximum, as on the cpu backend). Looking for
 * the known maximum stops early and is ~30% faster than recomputing it; the wasm backend's own
 * kernel was 10× slower still, ~25% of a training step.
 */
function maxPoolGrad({ inputs, backend, attrs }: KernelArgs<Attrs>): tf.TensorInfo {
  const { dy, input, output } = inputs;
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number], attrs.filterSize, attrs.strides, 1, attrs.pad,
    attrs.dimRoundingMode);
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth } = info;
  const { strideHeight, strideWidth, filterHeight, filterWidth } = info;
  const { top, left } = info.padInfo;

  const out = backend.makeOutput(input.shape, 'float32');
  const x = heapView(backend, input);
  const y = heapView(backend, output);
  const g = heapView(backend, dy);
  const dx = heapView(backend, out).fill(0);
  for (let b = 0; b < batchSize; b++) {
    for (let oh = 0; oh < outHeight; oh++) {
      const h0 = Math.max(0, oh * strideHeight - top);
      const h1 = Math.min(inHeight, oh * strideHeight - top + filterHeight);
      for (let ow = 0; ow < outWidth; ow++) {
        const w0 = Math.max(0, ow * strideWidth - left);
        const w1 = Math.min(inWidth, ow * strideWidth - left + filterWidth);
        const window = ((b * outHeight + oh) * outWidth + ow) * channels;
        for (let c = 0; c < channels; c++) {
          const max = y[window + c];
          let at = -1;
          for (let h = h0; h < h1 && at < 0; h++) {
            for (let w = w0, i = ((b * inHeight + h) * inWidth + w0) * channels + c; w < w1; w++, i += channels) {
              if (x[i] === max) {
                at = i;
                break;
              }
            }
          }
          if (at >= 0) dx[at] += g[window + c];
        }
      }
    }
  }
  return out;
}

export const maxPoolGradConfig: tf.KernelConfig = {
  kernelName: tf.MaxPoolGrad,
  backendName: 'wasm',
  kernelFunc: maxPoolGrad as unknown as tf.KernelFunc,
};
