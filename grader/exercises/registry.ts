import type { ExerciseId } from '../core/contract.js';
import type { GraderConfig } from '../config/types.js';
import type { Check, Visibility } from './types.js';
import { convolutionChecks } from './convolution.js';
import { convolution2dChecks } from './convolution2d.js';
import { filtersChecks } from './filters.js';
import { augmentChecks } from './augment.js';
import { layersChecks } from './layers.js';
import { cnnChecks } from './cnn.js';
import { parametersChecks } from './parameters.js';

/** Every check of every exercise, in the order reports show them. */
export const ALL_CHECKS: readonly Check[] = [
  ...convolutionChecks,
  ...convolution2dChecks,
  ...filtersChecks,
  ...augmentChecks,
  ...layersChecks,
  ...cnnChecks,
  ...parametersChecks,
];

export interface Selection {
  only?: readonly ExerciseId[];
  /** 'public' for a student's local run; 'all' for grading. */
  visibility: 'public' | 'all';
}

/** The checks a run grades, with the config's points, visibility and enabled overrides applied. */
export function selectChecks(config: GraderConfig, selection: Selection, checks: readonly Check[] = ALL_CHECKS): Check[] {
  return checks
    .filter((c) => !selection.only || selection.only.includes(c.exercise))
    .filter((c) => config.checks[c.id]?.enabled !== false)
    .map((c) => {
      const o = config.checks[c.id];
      return o ? { ...c, points: o.points ?? c.points, visibility: (o.visibility ?? c.visibility) as Visibility } : c;
    })
    .filter((c) => selection.visibility === 'all' || c.visibility === 'public');
}
