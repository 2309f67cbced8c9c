import type { Matrix } from '../../core/contract.js';
import type { ProbeCall } from '../../mistakes/types.js';

const IMAGE: Matrix = [
  [3, 1, 4, 1, 5],
  [9, 2, 6, 5, 3],
  [5, 8, 9, 7, 9],
  [3, 2, 3, 8, 4],
];
/** Inputs on which every catalogued mistake of this exercise differs from every other one and from the reference. */
export const probes: ProbeCall[] = [
  { name: 'boxKernel', args: [3] },
  { name: 'boxKernel', args: [2] },
  { name: 'blur', args: [IMAGE, 3] },
  { name: 'blur', args: [IMAGE, 2] },
  { name: 'highPass', args: [IMAGE, 3] },
  { name: 'highPass', args: [IMAGE, 5] },
  { name: 'gradients', args: [IMAGE, 'prewitt'] },
  { name: 'gradients', args: [IMAGE, 'sobel'] },
  { name: 'SOBEL_X', args: undefined },
  { name: 'SOBEL_Y', args: undefined },
];
