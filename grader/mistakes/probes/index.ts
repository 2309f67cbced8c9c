import type { ExerciseId } from '../../core/contract.js';
import type { ProbeCall } from '../types.js';
import { convolutionProbes } from './convolution.js';
import { convolution2dProbes } from './convolution2d.js';
import { filtersProbes } from './filters.js';
import { augmentProbes } from './augment.js';
import { layersProbes } from './layers.js';
import { parametersProbes } from './parameters.js';

/**
 * Each exercise's discriminating probes: the calls the grader makes to a submission after a
 * failure, to confirm a mistake before naming it. Plain data, so they ship with a student release.
 */
export const PROBES: Record<ExerciseId, readonly ProbeCall[]> = {
  convolution: convolutionProbes,
  convolution2d: convolution2dProbes,
  filters: filtersProbes,
  augment: augmentProbes,
  layers: layersProbes,
  cnn: [],
  parameters: parametersProbes,
};
