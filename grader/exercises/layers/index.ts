import { defineExercise } from '../exercise-module.js';
import { checks } from './checks.js';
import { mistakes } from './mistakes.js';
import { probes } from './probes.js';

declare module '../../core/reference.js' {
  interface Reference {
    layers: typeof import('../../../exercises/layers.js');
  }
}

export const layers = defineExercise({
  id: 'layers',
  title: 'A convolutional layer from scratch',
  slides: 'The convolutional layer',
  exports: ['conv2dForward', 'conv2dBackward', 'maxPool2dForward', 'maxPool2dBackward'],
  checks,
  mistakes,
  probes,
  studio: async (submission) => ({ gradients: await (await import('./gradient-errors.js')).gradientErrors(submission) }),
});
