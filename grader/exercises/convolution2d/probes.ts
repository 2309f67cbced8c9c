import type { Matrix } from '../../core/contract.js';
import type { ProbeCall } from '../../mistakes/types.js';

/** A 4×5 image and kernels with no symmetry, so that flips, centres and boundaries all show. */
const IMAGE: Matrix = [
  [3, 1, 4, 1, 5],
  [9, 2, 6, 5, 3],
  [5, 8, 9, 7, 9],
  [3, 2, 3, 8, 4],
];
const ODD: Matrix = [[1, 2, 0], [0, -1, 3], [2, 0, 1]];
const EVEN: Matrix = [[1, 2], [3, -1]];
const probesOf = (name: 'convolve2d' | 'correlate2d'): ProbeCall[] => [
  { name, args: [IMAGE, ODD, { mode: 'full' }] },
  { name, args: [IMAGE, EVEN, { mode: 'same' }] },
  { name, args: [IMAGE, ODD, { mode: 'same', boundary: 'symm' }] },
  { name, args: [IMAGE, ODD, { mode: 'same', boundary: 'wrap' }] },
  { name, args: [IMAGE, ODD, { mode: 'same', boundary: 'fill', fillValue: 2 }] },
  { name, args: [[[1, 2], [3, 5]], ODD, { mode: 'valid' }] },
];
/** Inputs on which every catalogued mistake of this exercise differs from every other one and from the reference. */
export const probes: ProbeCall[] = [...probesOf('convolve2d'), ...probesOf('correlate2d')];
