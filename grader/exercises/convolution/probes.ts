import type { ProbeCall } from '../../mistakes/types.js';

/** Inputs on which every catalogued mistake of this exercise differs from every other one and from the reference. */
export const probes: ProbeCall[] = [
  { name: 'convolve', args: [[1, 2, 3, 4, 5], [1, 2, 0.5], 'full'] },
  { name: 'convolve', args: [[1, -2, 3, 4, 5, 6], [1, 2, 3, 4], 'same'] },
  { name: 'convolve', args: [[1, 2], [1, 2, 3, 4, 5], 'same'] },
  { name: 'convolve', args: [[1, -2, 3, 4, 5], [2, 1, 0.5], 'same'] },
  { name: 'convolve', args: [[1, 2], [3, 4, 5, 6], 'valid'] },
  { name: 'convolve', args: [[0.1, 0.2, 0.3], [0.7, 1.3], 'full'] },
  { name: 'smooth', args: [[3, 1, 4, 1, 5, 9], [1, 2, 3, 4]] },
  { name: 'smooth', args: [[3, 1, 4, 1, 5], [1, 2, 0.5]] },
  { name: 'smooth', args: [[1, 2], [1, 1, 2, 1, 1]] },
  { name: 'smooth', args: [[0.1, 0.2, 0.3, 0.4], [0.7, 1.3, 0.1]] },
  { name: 'movingAverageKernel', args: [4] },
  { name: 'movingAverageKernel', args: [5] },
  { name: 'binomialKernel', args: [3] },
  { name: 'binomialKernel', args: [5] },
];
