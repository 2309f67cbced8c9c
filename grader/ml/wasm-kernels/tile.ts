import * as tf from '@tensorflow/tfjs';
import { heapView, type KernelArgs } from './wasm-heap.js';

type Attrs = tf.TileAttrs;

/**
 * out = x repeated `reps[i]` times along each axis i. The wasm backend's own kernel computes a
 * multi-index per output element and took 57 ms of a 100 ms training step of a CNN with batch
 * normalisation (whose gradient tiles the scale to the activations' shape); this one copies
 * blocks: each axis' block is written once, then duplicated with copyWithin.
 */
function tile({ inputs, backend, attrs }: KernelArgs<Attrs>): tf.TensorInfo {
  const { x } = inputs;
  if (x.dtype === 'string') throw new Error('Tile on wasm: string tensors are not supported');
  const shape = x.shape;
  const reps = attrs.reps;
  const outShape = shape.map((d, i) => d * reps[i]);
  const out = backend.makeOutput(outShape, x.dtype);
  const src = backend.typedArrayFromHeap(x);
  const dst = backend.typedArrayFromHeap(out);
  const rank = shape.length;
  if (rank === 0 || dst.length === 0) {
    dst.set(src.subarray(0, dst.length));
    return out;
  }
  const srcStrides = tf.util.computeStrides(shape);
  const dstStrides = tf.util.computeStrides(outShape);
  // Writes the tile block of `axis` (one copy of x's slice, repeated reps[axis] times) at `to`.
  const fill = (axis: number, from: number, to: number): void => {
    const length = shape[axis];
    if (axis === rank - 1) {
      dst.set(src.subarray(from, from + length), to);
    } else {
      for (let i = 0; i < length; i++) fill(axis + 1, from + i * (srcStrides[axis] ?? 1), to + i * dstStrides[axis]);
    }
    const block = length * (dstStrides[axis] ?? 1);
    for (let r = 1; r < reps[axis]; r++) dst.copyWithin(to + r * block, to, to + block);
  };
  fill(0, 0, 0);
  return out;
}

export const tileConfig: tf.KernelConfig = {
  kernelName: tf.Tile,
  backendName: 'wasm',
  kernelFunc: tile as unknown as tf.KernelFunc,
};
