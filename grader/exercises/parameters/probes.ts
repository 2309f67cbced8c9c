import type { ProbeCall } from '../../mistakes/types.js';

/** Inputs on which every catalogued mistake of this exercise differs from every other one and from the reference. */
export const probes: ProbeCall[] = [
  { name: 'countParameters', args: [{ inputShape: [10, 10, 3], layers: [{ type: 'conv2d', filters: 4, kernelSize: 3, strides: 2 }, { type: 'flatten' }, { type: 'dense', units: 5 }] }] },
  { name: 'countParameters', args: [{ inputShape: [11, 11, 2], layers: [{ type: 'conv2d', filters: 3, kernelSize: 2, padding: 'same' }, { type: 'maxPooling2d', poolSize: 3 }, { type: 'flatten' }, { type: 'dense', units: 7 }] }] },
  { name: 'countParameters', args: [{ inputShape: [9, 9, 1], layers: [{ type: 'conv2d', filters: 2, kernelSize: 3 }, { type: 'maxPooling2d', poolSize: 2, strides: 2 }, { type: 'flatten' }, { type: 'dense', units: 3, useBias: false }, { type: 'dense', units: 2 }] }] },
];
