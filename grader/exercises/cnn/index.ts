import { defineExercise } from '../exercise-module.js';
import { checks } from './checks.js';

declare module '../../core/reference.js' {
  interface Reference {
    cnn: typeof import('../../../exercises/cnn.js');
  }
}

export const cnn = defineExercise({
  id: 'cnn',
  title: 'A CNN for MNIST',
  slides: 'Coding! Image classification',
  exports: ['buildModel', 'training'],
  checks,
  mistakes: [],
  probes: [],
  // The child imports tfjs (seconds) and builds the model: more time and memory than a function of numbers.
  runtime: { modelExport: 'buildModel', limits: { minCallTimeoutMs: 30_000, callTimeoutFactor: 6, minMemoryMb: 2_048 } },
  trains: true,
  // Loaded when the studio asks: the model summary brings the report's views along.
  studio: async (submission, config, context) => ({ model: await (await import('./model-summary.js')).modelSummary(submission, config, context) }),
});
