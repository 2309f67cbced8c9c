import { defineExercise } from '../exercise-module.js';
import { checks } from './checks.js';
import { mistakes } from './mistakes.js';
import { probes } from './probes.js';
import { pictures } from './pictures.js';

declare module '../../core/reference.js' {
  interface Reference {
    filters: typeof import('../../../exercises/filters.js');
  }
}

export const filters = defineExercise({
  id: 'filters',
  title: 'Image filters',
  slides: 'Image filters · High pass · Other filters',
  exports: ['boxKernel', 'HIGH_PASS', 'PREWITT_X', 'PREWITT_Y', 'SOBEL_X', 'SOBEL_Y', 'blur', 'highPass', 'gradients'],
  checks,
  mistakes,
  probes,
  pictures,
});
