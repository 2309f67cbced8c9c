import { defineExercise } from '../exercise-module.js';
import { checks } from './checks.js';
import { mistakes } from './mistakes.js';
import { probes } from './probes.js';

declare module '../../core/reference.js' {
  interface Reference {
    parameters: typeof import('../../../exercises/parameters.js');
  }
}

export const parameters = defineExercise({
  id: 'parameters',
  title: 'Counting parameters',
  slides: 'Can you design a model exceeding…?',
  exports: ['countParameters', 'giantModel'],
  checks,
  mistakes,
  probes,
});
