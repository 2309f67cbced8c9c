import * as tf from '@tensorflow/tfjs';
import { free, runWasmKernel, type KernelArgs } from './wasm-heap.js';

type Attrs = tf.BatchMatMulAttrs;

/**
 * The wasm backend multiplies untransposed matrices with XNNPACK but falls back to a plain loop
 * when either is transposed, ~12× slower; and every dense layer's gradient asks for a transposed
 * product. Transposing explicitly first is cheap by comparison. `original` is the wasm kernel
 * this one replaces.
 */
export function fastBatchMatMulConfig(original: tf.KernelConfig): tf.KernelConfig {
  const multiply = original.kernelFunc as unknown as (args: KernelArgs<Attrs>) => tf.TensorInfo;
  const batchMatMul = ({ inputs, backend, attrs }: KernelArgs<Attrs>): tf.TensorInfo => {
    if (!attrs.transposeA && !attrs.transposeB) return multiply({ inputs, backend, attrs });
    const a = attrs.transposeA ? swapLastAxes(backend, inputs.a) : inputs.a;
    const b = attrs.transposeB ? swapLastAxes(backend, inputs.b) : inputs.b;
    const product = multiply({ inputs: { a, b }, backend, attrs: { transposeA: false, transposeB: false } });
    free(backend, ...[a, b].filter((t) => t !== inputs.a && t !== inputs.b));
    return product;
  };
  return { kernelName: tf.BatchMatMul, backendName: 'wasm', kernelFunc: batchMatMul as unknown as tf.KernelFunc };
}

function swapLastAxes(backend: KernelArgs<Attrs>['backend'], x: tf.TensorInfo): tf.TensorInfo {
  const perm = x.shape.map((_, i) => i);
  const rank = perm.length;
  [perm[rank - 2], perm[rank - 1]] = [perm[rank - 1], perm[rank - 2]];
  return runWasmKernel('Transpose', backend, { x }, { perm });
}
