import * as tf from '@tensorflow/tfjs';

/** The geometry of a depthwise convolution; the wasm gradients support dilation 1 only, as tfjs' own gradients do. */
export function depthwiseInfo(
  inputShape: number[], filterShape: number[],
  attrs: Pick<tf.DepthwiseConv2dNativeBackpropFilterAttrs, 'strides' | 'dilations' | 'pad' | 'dimRoundingMode'>,
  kernel: string,
): tf.backend_util.Conv2DInfo {
  const info = tf.backend_util.computeConv2DInfo(
    inputShape as [number, number, number, number], filterShape as [number, number, number, number],
    attrs.strides, attrs.dilations, attrs.pad, attrs.dimRoundingMode, true);
  if (info.dilationHeight !== 1 || info.dilationWidth !== 1) throw new Error(`${kernel} on wasm: dilations > 1 are not supported`);
  return info;
}
