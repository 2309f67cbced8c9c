import * as tf from '@tensorflow/tfjs';
import { heapView, type KernelArgs } from './wasm-heap.js';

type Attrs = tf.SumAttrs;

/**
 * A bias's gradient sums dy over every axis but the channels: [N,H,W,C] → [C]. The wasm
 * backend's Sum first transposes dy to put the channels outermost (a full copy); this sums rows
 * of C channels in place, in float64. Any other reduction goes to `original`, the wasm kernel
 * this one replaces.
 */
export function fastSumConfig(original: tf.KernelConfig): tf.KernelConfig {
  const reduce = original.kernelFunc as unknown as (args: KernelArgs<Attrs>) => tf.TensorInfo;
  const sum = (args: KernelArgs<Attrs>): tf.TensorInfo => {
    const { inputs: { x }, backend, attrs } = args;
    const rank = x.shape.length;
    const axes = tf.util.parseAxisParam(attrs.axis, x.shape).sort((a, b) => a - b);
    const allButLast = rank >= 2 && axes.length === rank - 1 && axes.every((axis, i) => axis === i);
    if (x.dtype !== 'float32' || !allButLast) return reduce(args);
    const channels = x.shape[rank - 1];
    const out = backend.makeOutput(attrs.keepDims ? [...x.shape.slice(0, -1).map(() => 1), channels] : [channels], 'float32');
    const values = heapView(backend, x);
    const totals = new Float64Array(channels);
    for (let row = 0; row < values.length; row += channels) {
      for (let c = 0; c < channels; c++) totals[c] += values[row + c];
    }
    heapView(backend, out).set(totals);
    return out;
  };
  return { kernelName: tf.Sum, backendName: 'wasm', kernelFunc: sum as unknown as tf.KernelFunc };
}
