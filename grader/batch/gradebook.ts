import { EXERCISES } from '../exercises/registry.js';
import { isLate, type BatchRecord } from './record.js';
import { toCsv, type Cell } from './csv.js';

/**
 * The gradebook: one row per student (sorted), a column of points per exercise graded, the
 * total, the maximum, whether the LMS marked it late, the status and the error. An error row
 * scores 0 of the class's maximum.
 */
export function gradebookCsv(records: readonly BatchRecord[]): string {
  const graded = records.filter((r) => r.status === 'graded');
  const exercises = EXERCISES.filter((x) => graded.some((r) => r.perExercise[x]));
  const maxOf = (x: string) => Math.max(0, ...graded.map((r) => r.perExercise[x]?.maxScore ?? 0));
  const max = Math.max(0, ...graded.map((r) => r.maxScore));
  const header: Cell[] = ['student', ...exercises.map((x) => `${x} (/${maxOf(x)})`), 'total', 'max', 'late', 'status', 'error'];
  const rows = [...records]
    .sort((a, b) => (a.student < b.student ? -1 : a.student > b.student ? 1 : 0))
    .map((r): Cell[] => [
      r.student,
      ...exercises.map((x) => (r.status === 'graded' ? r.perExercise[x]?.score ?? 0 : 0)),
      r.score,
      r.status === 'graded' ? r.maxScore : max,
      isLate(r) ? 'late' : '',
      r.status,
      r.error ? r.error.split('\n')[0].slice(0, 500) : '',
    ]);
  return toCsv([header, ...rows]);
}
