import type * as tf from '@tensorflow/tfjs';
import { heapView, type KernelArgs } from './wasm-heap.js';

type Backend = KernelArgs<unknown>['backend'];

/**
 * The explicit padding [[0,0],[top,bottom],[left,right],[0,0]] that turns the gradient of a
 * convolution with respect to its input into a stride-1 convolution of dy (spread by the
 * stride) with the filter rotated by 180°. Throws when the forward padding was larger than the
 * filter, which no Keras layer produces.
 */
export function backpropInputPadding(info: tf.backend_util.Conv2DInfo, kernel: string): number[][] {
  const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw, padInfo } = info;
  const top = kh - 1 - padInfo.top;
  const left = kw - 1 - padInfo.left;
  const bottom = info.inHeight - 1 + padInfo.top - (info.outHeight - 1) * sh;
  const right = info.inWidth - 1 + padInfo.left - (info.outWidth - 1) * sw;
  if (Math.min(top, left, bottom, right) < 0) {
    throw new Error(`${kernel} on wasm: padding larger than the ${kh}×${kw} filter is not supported`);
  }
  return [[0, 0], [top, bottom], [left, right], [0, 0]];
}

/** [N,OH,OW,F] → [N,(OH−1)·sh+1,(OW−1)·sw+1,F] with dy at every sh-th row and sw-th column, zeros between. */
export function spreadByStride(backend: Backend, dy: tf.TensorInfo, sh: number, sw: number): tf.TensorInfo {
  const [n, oh, ow, f] = dy.shape;
  const h = (oh - 1) * sh + 1;
  const w = (ow - 1) * sw + 1;
  const out = backend.makeOutput([n, h, w, f], 'float32');
  const src = heapView(backend, dy);
  const dst = heapView(backend, out).fill(0);
  for (let b = 0; b < n; b++) {
    for (let i = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++) {
        const from = ((b * oh + i) * ow + j) * f;
        dst.set(src.subarray(from, from + f), ((b * h + i * sh) * w + j * sw) * f);
      }
    }
  }
  return out;
}

/**
 * The filter [KH,KW,A,B] upside down and mirrored, as [KH,KW,B,A] when `swapChannels` (a full
 * convolution's input and output channels trade places) or [KH,KW,A·B,1] otherwise (a depthwise
 * filter whose A·B channels each see one channel of dy).
 */
export function rotateFilter(backend: Backend, filter: tf.TensorInfo, swapChannels: boolean): tf.TensorInfo {
  const [kh, kw, a, b] = filter.shape;
  const out = backend.makeOutput(swapChannels ? [kh, kw, b, a] : [kh, kw, a * b, 1], 'float32');
  const w = heapView(backend, filter);
  const r = heapView(backend, out);
  for (let i = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++) {
      const from = ((kh - 1 - i) * kw + (kw - 1 - j)) * a * b;
      const to = (i * kw + j) * a * b;
      if (!swapChannels) {
        r.set(w.subarray(from, from + a * b), to);
        continue;
      }
      for (let ai = 0; ai < a; ai++) {
        for (let bi = 0; bi < b; bi++) r[to + bi * a + ai] = w[from + ai * b + bi];
      }
    }
  }
  return out;
}
