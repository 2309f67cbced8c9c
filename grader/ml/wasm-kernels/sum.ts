import * as tf from '@tensorflow/tfjs';
import { simdThreads } from './simd-module.js';
import { free, heapOffset, type KernelArgs } from './wasm-heap.js';

type Attrs = tf.SumAttrs;

/**
 * A bias's gradient sums dy over every axis but the channels: [N,H,W,C] → [C]. The wasm
 * backend's Sum first transposes dy to put the channels outermost (a full copy); this sums rows
 * of C channels in place with SIMD. Any other reduction goes to `original`, the wasm kernel this
 * one replaces.
 */
export function fastSumConfig(original: tf.KernelConfig): tf.KernelConfig {
  const reduce = original.kernelFunc as unknown as (args: KernelArgs<Attrs>) => tf.TensorInfo;
  const sum = (args: KernelArgs<Attrs>): tf.TensorInfo => {
    const { inputs: { x }, backend, attrs } = args;
    const rank = x.shape.length;
    const axes = tf.util.parseAxisParam(attrs.axis, x.shape).sort((a, b) => a - b);
    const allButLast = rank >= 2 && axes.length === rank - 1 && axes.every((axis, i) => axis === i);
    const channels = x.shape[rank - 1];
    if (x.dtype !== 'float32' || !allButLast || channels === 0) return reduce(args);
    const out = backend.makeOutput(attrs.keepDims ? [...x.shape.slice(0, -1).map(() => 1), channels] : [channels], 'float32');
    const totals = backend.makeOutput([2 * channels], 'float32'); // float64 scratch
    simdThreads(backend).kernels.sumRows(heapOffset(backend, x), tf.util.sizeFromShape(x.shape) / Math.max(1, channels), channels, heapOffset(backend, out), heapOffset(backend, totals));
    free(backend, totals);
    return out;
  };
  return { kernelName: tf.Sum, backendName: 'wasm', kernelFunc: sum as unknown as tf.KernelFunc };
}
