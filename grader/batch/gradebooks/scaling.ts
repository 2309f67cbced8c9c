import { describeSelection, type Selection } from '../../run/homework.js';
import type { BatchRecord } from '../record.js';

/** What an LMS gradebook was scaled from, for summary.json and the log. */
export interface GradebookScaling {
  lms: string;
  /** The gradebook column filled (Canvas's `<name> (<id>)`, Moodle's `Grade`). */
  column: string;
  /** What the column is worth in the LMS (absent: the roster does not say). */
  pointsPossible?: number;
  /** The graded exercises' maximum, which scores are scaled from. */
  scaledFrom: number;
  exercises: string[];
  homework?: string;
  adHoc: boolean;
}

/**
 * What the class graded, as its records say (a merge of batches that graded different exercises
 * names the first and says so). Records written before homeworks existed say nothing.
 */
export function classSelection(records: readonly BatchRecord[]): { selection?: Selection; mixed: boolean } {
  const seen = records.map((r) => r.selection).filter((s): s is Selection => s !== undefined);
  const key = (s: Selection) => `${s.homework ?? ''}:${s.exercises.join(',')}`;
  return { selection: seen[0], mixed: seen.some((s) => key(s) !== key(seen[0])) };
}

/**
 * One line when a gradebook could be read wrongly: the LMS column's points differ from the graded
 * exercises' maximum (scores are scaled), or what was graded is no homework of the config (an
 * ad-hoc --only); both numbers and the exercises are named. Nothing when it is a homework worth
 * the column's points.
 */
export function scalingNote(s: GradebookScaling): string | undefined {
  const what = describeSelection(s);
  const lms = s.lms[0]!.toUpperCase() + s.lms.slice(1);
  if (s.pointsPossible !== undefined && s.scaledFrom > 0 && s.pointsPossible !== s.scaledFrom) {
    return `${lms}'s '${s.column}' is worth ${s.pointsPossible} points, ${what} is worth ${s.scaledFrom}: scores are scaled from ${s.scaledFrom} to ${s.pointsPossible}`;
  }
  if (!s.adHoc) return undefined;
  const worth = s.pointsPossible === undefined ? 'has no points possible in the roster' : `is worth ${s.pointsPossible} points`;
  return `${lms}'s '${s.column}' ${worth}, ${what} is worth ${s.scaledFrom}: scores are written out of ${s.scaledFrom}`;
}

/** The graded exercises' maximum: every graded record's (they share it). */
export function gradedMaximum(records: readonly BatchRecord[]): number {
  return Math.max(0, ...records.filter((r) => r.status === 'graded').map((r) => r.maxScore));
}
