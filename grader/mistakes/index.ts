import type { Mistake } from './types.js';
import { convolutionMistakes } from './convolution.js';
import { convolution2dMistakes } from './convolution2d.js';
import { filtersMistakes } from './filters.js';
import { augmentMistakes } from './augment.js';
import { layersMistakes } from './layers.js';
import { parametersMistakes } from './parameters.js';

/** The catalogue of known mistakes: diagnoses for students, mutants for the self-test. */
export const ALL_MISTAKES: readonly Mistake[] = [...convolutionMistakes, ...convolution2dMistakes, ...filtersMistakes, ...augmentMistakes, ...layersMistakes, ...parametersMistakes];
