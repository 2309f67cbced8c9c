/**
 * tfjs-backend-wasm 4.22 has no Conv2DBackpropFilter, so no convolution can train on it. The page
 * gives it one made of the backend's own kernels (XNNPACK does the arithmetic), not a hand-written
 * loop (that is the layers exercise's answer, which a release must not ship): a filter's gradient
 * is itself a convolution, of the input with the output's gradient as the filter, batch and
 * channels swapped, dilated by the forward stride and padded as the forward pass was padded:
 *
 *   dW[kh, kw, c, f] = Σ_{n, oh, ow} x[n, oh·s + kh − top, ow·s + kw − left, c] · dy[n, oh, ow, f]
 *                    = conv2d(xᵀ[c, h, w, n], dyᵀ[oh, ow, n, f], dilation s)[c, kh, kw, f].
 */
import * as tf from '@tensorflow/tfjs';

const conv2dBackpropFilter: tf.KernelFunc = ({ inputs, attrs, backend }) => {
  const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  const info = tf.backend_util.computeConv2DInfo(x.shape as [number, number, number, number], filterShape, strides, 1, pad, dimRoundingMode, false, tf.backend_util.convertConv2DDataFormat(dataFormat));
  if (info.dataFormat !== 'channelsLast') throw new Error("Conv2DBackpropFilter on wasm: only dataFormat 'NHWC' (wasm's Conv2D has no other)");
  const made: tf.TensorInfo[] = [];
  const run = (kernel: string, kernelInputs: tf.NamedTensorInfoMap, kernelAttrs: tf.NamedAttrMap): tf.TensorInfo => {
    const out = tf.getKernel(kernel, 'wasm').kernelFunc({ inputs: kernelInputs, attrs: kernelAttrs, backend }) as tf.TensorInfo;
    made.push(out);
    return out;
  };
  const { top, bottom, left, right } = info.padInfo;
  try {
    const images = run(tf.Transpose, { x }, { perm: [3, 1, 2, 0] }); // [C, H, W, N]
    const filters = run(tf.Transpose, { x: dy }, { perm: [1, 2, 0, 3] }); // [OH, OW, N, F]
    const explicit = [[0, 0], [top, bottom], [left, right], [0, 0]] as tf.backend_util.ExplicitPadding;
    const swapped = run(tf.Conv2D, { x: images, filter: filters }, { strides: [1, 1], pad: explicit, dataFormat: 'NHWC', dilations: [info.strideHeight, info.strideWidth] } as unknown as tf.NamedAttrMap);
    // [C, ≥KH, ≥KW, F]: a stride that does not divide the input leaves rows the forward pass never read.
    const cropped = run(tf.Slice, { x: swapped }, { begin: [0, 0, 0, 0], size: [info.inChannels, info.filterHeight, info.filterWidth, info.outChannels] });
    const gradient = run(tf.Transpose, { x: cropped }, { perm: [1, 2, 0, 3] }); // [KH, KW, C, F]
    made.pop(); // the result is not an intermediate
    return gradient;
  } finally {
    for (const t of made) (backend as tf.KernelBackend).disposeData(t.dataId);
  }
};

/** Registers the kernel on wasm unless it has one (a later tfjs may bring its own); whether the page's is in use. */
export function addWasmFilterGradient(): boolean {
  if (!tf.getKernel(tf.Conv2DBackpropFilter, 'wasm')) tf.registerKernel({ kernelName: tf.Conv2DBackpropFilter, backendName: 'wasm', kernelFunc: conv2dBackpropFilter });
  return tf.getKernel(tf.Conv2DBackpropFilter, 'wasm').kernelFunc === conv2dBackpropFilter;
}
