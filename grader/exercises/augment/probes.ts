import type { Matrix } from '../../core/contract.js';
import type { ProbeCall } from '../../mistakes/types.js';

/** 4×5 and 5×5 images with no symmetry, so that turns, centres, edges and rounding all show. */
const WIDE: Matrix = [
  [3, 1, 4, 1, 5],
  [9, 2, 6, 5, 3],
  [5, 8, 9, 7, 9],
  [3, 2, 3, 8, 4],
];
const SQUARE: Matrix = [...WIDE, [6, 2, 6, 4, 3]];
/** Inputs on which every catalogued mistake of this exercise differs from every other one and from the reference. */
export const probes: ProbeCall[] = [
  { name: 'translate', args: [WIDE, 1, 2, 9] },
  { name: 'translate', args: [WIDE, -2, 1, 0] },
  { name: 'rotate', args: [SQUARE, 90, 0] },
  { name: 'rotate', args: [SQUARE, 30, 0] },
  { name: 'rotate', args: [WIDE, -45, 7] },
  { name: 'rotate', args: [WIDE, 200, 0] },
  { name: 'scale', args: [SQUARE, 2, 0] },
  { name: 'scale', args: [WIDE, 0.5, 3] },
  { name: 'scale', args: [WIDE, 1.5, 0] },
];
