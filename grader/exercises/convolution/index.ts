import { defineExercise } from '../exercise-module.js';
import { checks } from './checks.js';
import { mistakes } from './mistakes.js';
import { probes } from './probes.js';

declare module '../../core/reference.js' {
  interface Reference {
    convolution: typeof import('../../../exercises/convolution.js');
  }
}

export const convolution = defineExercise({
  id: 'convolution',
  title: '1D convolution and smoothing',
  slides: 'Convolution · Moving average',
  exports: ['convolve', 'movingAverageKernel', 'binomialKernel', 'smooth'],
  checks,
  mistakes,
  probes,
});
