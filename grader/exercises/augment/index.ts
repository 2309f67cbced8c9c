import { defineExercise } from '../exercise-module.js';
import { checks } from './checks.js';
import { mistakes } from './mistakes.js';
import { probes } from './probes.js';
import { pictures } from './pictures.js';

declare module '../../core/reference.js' {
  interface Reference {
    augment: typeof import('../../../exercises/augment.js');
  }
}

export const augment = defineExercise({
  id: 'augment',
  title: 'The many “5”s: translate, rotate, scale',
  slides: 'Why FF networks don’t work well for image data',
  exports: ['translate', 'rotate', 'scale'],
  checks,
  mistakes,
  probes,
  pictures,
});
