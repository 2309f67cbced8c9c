import type { Mistake } from './types.js';
import { convolutionMistakes } from './convolution.js';

/** The catalogue of known mistakes: diagnoses for students, mutants for the self-test. */
export const ALL_MISTAKES: readonly Mistake[] = [...convolutionMistakes];
