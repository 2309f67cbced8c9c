/**
 * Conv2DBackpropFilter for tfjs-backend-wasm in the browser, which has none (so no convolution
 * can train on it). The grader's own (grader/ml/wasm-kernels/) runs in a SIMD module compiled for
 * Node; this one is plain JavaScript over the backend's heap: dW[kh,kw,c,f] = Σ_{n,oh,ow}
 * x[n, oh·s + kh − top, ow·s + kw − left, c] · dy[n,oh,ow,f], NHWC.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

function conv2dBackpropFilter({ inputs, backend, attrs }: { inputs: { x: tf.TensorInfo; dy: tf.TensorInfo }; backend: BackendWasm; attrs: tf.Conv2DBackpropFilterAttrs }): tf.TensorInfo {
  const { x, dy } = inputs;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number], attrs.filterShape, attrs.strides, 1, attrs.pad,
    attrs.dimRoundingMode, false, tf.backend_util.convertConv2DDataFormat(attrs.dataFormat));
  if (info.dataFormat !== 'channelsLast') throw new Error('Conv2DBackpropFilter on wasm: only NHWC is supported');
  const { batchSize: N, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW, outChannels: F } = info;
  const { filterHeight: KH, filterWidth: KW, strideHeight: SH, strideWidth: SW } = info;
  const { top, left } = info.padInfo;
  const xs = backend.typedArrayFromHeap(x) as Float32Array;
  const dys = backend.typedArrayFromHeap(dy) as Float32Array;
  const out = backend.makeOutput([KH, KW, C, F], 'float32');
  const dw = backend.typedArrayFromHeap(out) as Float32Array;
  dw.fill(0);
  for (let n = 0; n < N; n++) {
    for (let oh = 0; oh < OH; oh++) {
      for (let ow = 0; ow < OW; ow++) {
        const d = ((n * OH + oh) * OW + ow) * F;
        for (let kh = 0; kh < KH; kh++) {
          const ih = oh * SH + kh - top;
          if (ih < 0 || ih >= H) continue;
          for (let kw = 0; kw < KW; kw++) {
            const iw = ow * SW + kw - left;
            if (iw < 0 || iw >= W) continue;
            const xi = ((n * H + ih) * W + iw) * C;
            const wi = (kh * KW + kw) * C * F;
            for (let c = 0; c < C; c++) {
              const v = xs[xi + c];
              if (v === 0) continue;
              const row = wi + c * F;
              for (let f = 0; f < F; f++) dw[row + f] += v * dys[d + f];
            }
          }
        }
      }
    }
  }
  return out;
}

/** Registers the kernel once the wasm backend is up (unless a newer tfjs brings its own). */
export function registerWasmFilterGradient(): void {
  if (tf.getKernel(tf.Conv2DBackpropFilter, 'wasm')) return;
  tf.registerKernel({ kernelName: tf.Conv2DBackpropFilter, backendName: 'wasm', kernelFunc: conv2dBackpropFilter as unknown as tf.KernelFunc });
}
