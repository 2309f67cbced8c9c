import type { Tensor } from '../../core/contract.js';
import type { ProbeCall } from '../../mistakes/types.js';

const t = (shape: number[], data: number[]): Tensor => ({ shape, data: Float32Array.from(data) });
/** Values with both signs and no symmetry: i-th value of a simple non-repeating pattern. */
const pattern = (shape: number[], seed: number) => t(shape, Array.from({ length: shape.reduce((a, d) => a * d, 1) }, (_, i) => (((i * 7 + seed) % 11) - 5) / 2));
/** 2×2 windows tied three ways ([[0, 5], [5, 5]]): first row-major, last row-major and first column-major all differ. */
const TIES = t([1, 4, 4, 1], [0, 5, 1, 2, 5, 5, 2, 2, 3, 0, 3, 3, 0, 0, 3, 1]);

/** Inputs on which every catalogued mistake of this exercise differs from every other one and from the reference. */
export const probes: ProbeCall[] = [
  { name: 'conv2dForward', args: [pattern([1, 4, 5, 2], 1), pattern([2, 3, 2, 2], 3), t([2], [0.5, -1]), { stride: 1, padding: 'same' }] },
  { name: 'conv2dForward', args: [pattern([2, 5, 5, 1], 2), pattern([3, 3, 1, 2], 5), t([2], [1, -0.5]), { stride: 2, padding: 'same' }] },
  { name: 'conv2dForward', args: [pattern([1, 6, 5, 1], 4), pattern([3, 2, 1, 1], 1), t([1], [-2]), { stride: 2, padding: 'valid' }] },
  { name: 'conv2dBackward', args: [pattern([2, 2, 3, 2], 6), pattern([2, 5, 6, 1], 2), pattern([3, 2, 1, 2], 4), { stride: 2, padding: 'valid' }] },
  { name: 'conv2dBackward', args: [pattern([2, 4, 5, 1], 3), pattern([2, 4, 5, 2], 1), pattern([2, 3, 2, 1], 7), { stride: 1, padding: 'same' }] },
  { name: 'maxPool2dForward', args: [pattern([1, 4, 4, 1], 0), { size: 2, stride: 1 }] },
  { name: 'maxPool2dForward', args: [pattern([1, 5, 5, 2], 3), { size: 2, stride: 2 }] },
  { name: 'maxPool2dForward', args: [t([1, 2, 4, 1], [-3, -2, -1.5, -4, -2.5, -3.5, -1, -1.25]), { size: 2, stride: 2 }] },
  // Every value below −99999: a search that starts at 0 or at −99999 gives itself away.
  { name: 'maxPool2dForward', args: [t([1, 2, 4, 1], [-3e5, -2e5, -1.5e6, -4e5, -2.5e5, -3.5e5, -1e6, -1.25e5]), { size: 2, stride: 2 }] },
  { name: 'maxPool2dBackward', args: [t([1, 2, 2, 1], [1, 2, 3, 4]), TIES, { size: 2, stride: 2 }] },
  { name: 'maxPool2dBackward', args: [t([1, 3, 3, 1], [1, 2, 3, 4, 5, 6, 7, 8, 9]), TIES, { size: 2, stride: 1 }] },
];
