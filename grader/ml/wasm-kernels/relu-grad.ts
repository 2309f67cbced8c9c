import * as tf from '@tensorflow/tfjs';
import { simdThreads } from './simd-module.js';
import { heapOffset, type KernelArgs } from './wasm-heap.js';

/** Our kernel for ReLU's gradient on wasm; no other backend has one. */
const RELU_GRAD = 'GraderReluGrad';

function reluGrad({ inputs: { dy, x }, backend }: KernelArgs<object>): tf.TensorInfo {
  const dx = backend.makeOutput(dy.shape, 'float32');
  simdThreads(backend).kernels.reluGrad(heapOffset(backend, dy), heapOffset(backend, x), heapOffset(backend, dx), tf.util.sizeFromShape(dy.shape));
  return dx;
}

export const reluGradKernelConfig: tf.KernelConfig = {
  kernelName: RELU_GRAD,
  backendName: 'wasm',
  kernelFunc: reluGrad as unknown as tf.KernelFunc,
};

/**
 * ReLU's gradient, dy · step(x): tfjs computes it as three kernels (Step, Cast, Multiply), each a
 * pass over the layer's output; on wasm it is one pass of ours. Other backends keep tfjs's.
 */
export const reluGradientConfig: tf.GradConfig = {
  kernelName: tf.Relu,
  inputsToSave: ['x'],
  gradFunc: (dy, saved) => {
    const [x] = saved;
    const fused = tf.getBackend() === 'wasm' && !Array.isArray(dy) && dy.dtype === 'float32' && x.dtype === 'float32';
    return {
      x: () => (fused ? tf.engine().runKernel(RELU_GRAD, { dy: dy as tf.Tensor, x }) as tf.Tensor : tf.mul(dy as tf.Tensor, tf.cast(tf.step(x), 'float32'))),
    };
  },
};
