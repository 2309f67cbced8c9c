import type { ExerciseId } from '../core/reference.js';
import type { GraderConfig } from '../config/types.js';
import type { Check, Visibility } from '../checks/types.js';
import { ALL_CHECKS } from './registry.js';

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
