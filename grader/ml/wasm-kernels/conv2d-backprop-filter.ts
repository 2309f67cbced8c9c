import * as tf from '@tensorflow/tfjs';
import { free, heapView, runWasmKernel, type KernelArgs } from './wasm-heap.js';

type Attrs = tf.Conv2DBackpropFilterAttrs;
type Info = tf.backend_util.Conv2DInfo;

/** Above this many input channels, or patches of this many floats, the im2col copy costs more than it saves. */
const PATCH_CHANNELS = 4;
const PATCH_FLOATS = 8 << 20;

/**
 * dW[kh,kw,c,f] = Σ_{n,oh,ow} x[n, oh·s + kh − top, ow·s + kw − left, c] · dy[n,oh,ow,f], on the
 * wasm backend's XNNPACK kernels, in one of two ways:
 * - few input channels (the first layer of an image model): as a matrix product of the patches
 *   of x, laid out [KH·KW·C, N·OH·OW] by plain copies, with dy as [N·OH·OW, F];
 * - otherwise: as a convolution of x (batch and channels swapped) with dy as its filter, dilated
 *   by the stride. For C = 1 this is 3–4× slower than the product: XNNPACK repacks dy as a
 *   26×26×N×F filter on every call.
 */
function conv2dBackpropFilter({ inputs, backend, attrs }: KernelArgs<Attrs>): tf.TensorInfo {
  const { x, dy } = inputs;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number], attrs.filterShape, attrs.strides, 1, attrs.pad,
    attrs.dimRoundingMode, false, tf.backend_util.convertConv2DDataFormat(attrs.dataFormat));
  if (info.dataFormat !== 'channelsLast') throw new Error('Conv2DBackpropFilter on wasm: only NHWC is supported');
  const patchFloats = info.filterHeight * info.filterWidth * info.inChannels * info.batchSize * info.outHeight * info.outWidth;
  return info.inChannels <= PATCH_CHANNELS && patchFloats <= PATCH_FLOATS
    ? byPatchProduct(backend, x, dy, info)
    : byConvolution(backend, x, dy, info);
}

function byPatchProduct(backend: KernelArgs<Attrs>['backend'], x: tf.TensorInfo, dy: tf.TensorInfo, info: Info): tf.TensorInfo {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, filterHeight, filterWidth, outChannels } = info;
  const pixels = batchSize * outHeight * outWidth;
  const rows = filterHeight * filterWidth * inChannels;
  const patches = backend.makeOutput([1, rows, pixels], 'float32');
  const xs = heapView(backend, x);
  const p = heapView(backend, patches).fill(0);
  const { strideHeight: sh, strideWidth: sw, padInfo } = info;
  // Output columns whose tap lands inside the input: ow in [owFrom, owTo).
  const inside = (k: number, pad: number, stride: number, size: number, out: number) =>
    [Math.max(0, Math.ceil((pad - k) / stride)), Math.min(out, Math.floor((size - 1 + pad - k) / stride) + 1)];
  for (let kh = 0; kh < filterHeight; kh++) {
    for (let kw = 0; kw < filterWidth; kw++) {
      const [owFrom, owTo] = inside(kw, padInfo.left, sw, inWidth, outWidth);
      for (let c = 0; c < inChannels; c++) {
        const row = ((kh * filterWidth + kw) * inChannels + c) * pixels;
        for (let n = 0; n < batchSize; n++) {
          for (let oh = 0; oh < outHeight; oh++) {
            const h = oh * sh + kh - padInfo.top;
            if (h < 0 || h >= inHeight) continue;
            const to = row + (n * outHeight + oh) * outWidth;
            let from = ((n * inHeight + h) * inWidth + owFrom * sw + kw - padInfo.left) * inChannels + c;
            for (let ow = owFrom; ow < owTo; ow++, from += sw * inChannels) p[to + ow] = xs[from];
          }
        }
      }
    }
  }
  const dyMatrix = runWasmKernel('Reshape', backend, { x: dy }, { shape: [1, pixels, outChannels] });
  const product = runWasmKernel('BatchMatMul', backend, { a: patches, b: dyMatrix }, { transposeA: false, transposeB: false });
  const dw = runWasmKernel('Reshape', backend, { x: product }, { shape: [filterHeight, filterWidth, inChannels, outChannels] });
  free(backend, patches, dyMatrix, product);
  return dw;
}

function byConvolution(backend: KernelArgs<Attrs>['backend'], x: tf.TensorInfo, dy: tf.TensorInfo, info: Info): tf.TensorInfo {
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
