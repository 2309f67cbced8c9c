import * as tf from '@tensorflow/tfjs';

/** The geometry both depthwise gradients walk: every (output pixel, filter tap) pair inside the input. */
export interface DepthwiseGeometry {
  info: tf.backend_util.Conv2DInfo;
  /** Channel multiplier: the filter is [KH, KW, C, M] and dy has C·M channels. */
  multiplier: number;
}

export function depthwiseGeometry(
  inputShape: number[], filterShape: number[],
  attrs: Pick<tf.DepthwiseConv2dNativeBackpropFilterAttrs, 'strides' | 'dilations' | 'pad' | 'dimRoundingMode'>,
  kernel: string,
): DepthwiseGeometry {
  const info = tf.backend_util.computeConv2DInfo(
    inputShape as [number, number, number, number], filterShape as [number, number, number, number],
    attrs.strides, attrs.dilations, attrs.pad, attrs.dimRoundingMode, true);
  if (info.dilationHeight !== 1 || info.dilationWidth !== 1) throw new Error(`${kernel} on wasm: dilations > 1 are not supported`);
  return { info, multiplier: filterShape[3] };
}

/**
 * Calls `visit(xOffset, dyOffset, filterOffset)` for every output pixel and filter tap that lands
 * inside the input; the offsets point at channel 0 (x), channel 0·M (dy) and [kh, kw, 0, 0].
 */
export function forEachTap(
  { info, multiplier }: DepthwiseGeometry,
  visit: (xOffset: number, dyOffset: number, filterOffset: number) => void,
): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, filterHeight, filterWidth } = info;
  const { strideHeight, strideWidth, padInfo } = info;
  const outChannels = inChannels * multiplier;
  for (let b = 0; b < batchSize; b++) {
    for (let oh = 0; oh < outHeight; oh++) {
      for (let ow = 0; ow < outWidth; ow++) {
        const dyOffset = ((b * outHeight + oh) * outWidth + ow) * outChannels;
        for (let kh = 0; kh < filterHeight; kh++) {
          const h = oh * strideHeight - padInfo.top + kh;
          if (h < 0 || h >= inHeight) continue;
          for (let kw = 0; kw < filterWidth; kw++) {
            const w = ow * strideWidth - padInfo.left + kw;
            if (w < 0 || w >= inWidth) continue;
            visit(((b * inHeight + h) * inWidth + w) * inChannels, dyOffset, (kh * filterWidth + kw) * outChannels);
          }
        }
      }
    }
  }
}
