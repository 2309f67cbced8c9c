import { defineExercise } from '../exercise-module.js';
import { checks } from './checks.js';
import { mistakes } from './mistakes.js';
import { probes } from './probes.js';

declare module '../../core/reference.js' {
  interface Reference {
    convolution2d: typeof import('../../../exercises/convolution2d.js');
  }
}

export const convolution2d = defineExercise({
  id: 'convolution2d',
  title: '2D convolution',
  slides: 'Moving average in 2D',
  exports: ['convolve2d', 'correlate2d'],
  checks,
  mistakes,
  probes,
});
