import type { ExerciseId } from '../core/reference.js';
import type { GraderConfig } from '../config/types.js';
import type { Check, Visibility } from './types.js';

export interface Selection {
  only?: readonly ExerciseId[];
  /** 'public' for a student's local run; 'all' for grading. */
  visibility: 'public' | 'all';
}

/** These checks as a run grades them: the config's points, visibility and enabled overrides applied, then the selection. */
export function applyConfig(config: GraderConfig, selection: Selection, checks: readonly Check[]): Check[] {
  return checks
    .filter((c) => !selection.only || selection.only.includes(c.exercise))
    .filter((c) => config.checks[c.id]?.enabled !== false)
    .map((c) => {
      const o = config.checks[c.id];
      return o ? { ...c, points: o.points ?? c.points, visibility: (o.visibility ?? c.visibility) as Visibility } : c;
    })
    .filter((c) => selection.visibility === 'all' || c.visibility === 'public');
}
