import path from 'node:path';
import { writeAtomic } from '../core/write-atomic.js';
import { renderSummary, type SummaryInput as RenderedSummary } from '../outputs/html/render-summary.js';
import { EXERCISE_MODULES } from '../exercises/registry.js';
import { isLate, isStudent, type BatchRecord } from './record.js';
import { classSelection, gradedMaximum, type GradebookScaling } from './gradebooks/scaling.js';
import type { SimilarPair } from './similarity/compare.js';

/** The class summary page's input (grader/outputs/html/render-summary.ts renders it), with richer similar pairs. */
export interface SummaryInput extends RenderedSummary {
  title: string;
  /** What was graded and its maximum (absent for records written before homeworks existed). */
  graded?: { exercises: string[]; homework?: string; adHoc: boolean; maxScore: number };
  /** With a roster: what the LMS gradebook's scores were scaled from. */
  gradebook?: GradebookScaling;
  /** Share of the graded submissions that passed each check, in the checks' order. */
  checkPassRates: { id: string; title: string; exercise: string; passRate: number }[];
  /** Known mistakes by the number of submissions diagnosed with them, most common first. */
  mistakes: { id: string; title: string; count: number }[];
  similarPairs: SimilarPair[];
}

export function buildSummary(title: string, records: readonly BatchRecord[], similarPairs: SimilarPair[], gradebook?: GradebookScaling): SummaryInput {
  const graded = records.filter((r) => r.status === 'graded');
  const max = gradedMaximum(records);
  const { selection } = classSelection(records);
  const checks = new Map<string, { id: string; title: string; exercise: string; passed: number; seen: number }>();
  const mistakes = new Map<string, { id: string; title: string; count: number }>();
  for (const r of graded) {
    const diagnosed = new Map<string, string>();
    for (const c of r.checks) {
      const entry = checks.get(c.id) ?? checks.set(c.id, { id: c.id, title: c.title, exercise: c.exercise, passed: 0, seen: 0 }).get(c.id)!;
      entry.seen++;
      if (c.status === 'passed') entry.passed++;
      for (const d of c.diagnosis ?? []) diagnosed.set(d.id, d.title);
    }
    for (const [id, t] of diagnosed) (mistakes.get(id) ?? mistakes.set(id, { id, title: t, count: 0 }).get(id)!).count++;
  }
  return {
    title,
    ...(selection ? { graded: { ...selection, maxScore: max } } : {}),
    ...(gradebook ? { gradebook } : {}),
    // The graded exercises' columns only: a homework's summary has no empty column of another's.
    exercises: EXERCISE_MODULES.filter((m) => !selection || selection.exercises.includes(m.id)).map((m) => ({ id: m.id, title: m.title })),
    rows: [...records]
      .sort((a, b) => (a.student < b.student ? -1 : a.student > b.student ? 1 : 0))
      .map((r) => ({
        student: r.student,
        score: r.score,
        maxScore: r.status === 'graded' ? r.maxScore : max,
        perExercise: Object.fromEntries(Object.entries(r.perExercise).map(([x, e]) => [x, e.score])),
        ...(r.error ? { error: r.error } : {}),
        ...(isLate(r) ? { late: true } : {}),
        ...(isStudent(r) ? {} : { unassigned: true }),
      })),
    checkPassRates: [...checks.values()].map((c) => ({ id: c.id, title: c.title, exercise: c.exercise, passRate: Math.round((c.passed / c.seen) * 1000) / 1000 })),
    mistakes: [...mistakes.values()].sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1)),
    similarPairs,
  };
}

/** Writes `summary.json` (the data, for other tools) and `summary.html` (the page). Returns the files written. */
export async function writeSummary(outDir: string, input: SummaryInput): Promise<string[]> {
  const json = path.join(outDir, 'summary.json');
  const html = path.join(outDir, 'summary.html');
  writeAtomic(json, JSON.stringify(input, null, 2) + '\n');
  writeAtomic(html, renderSummary(input));
  return [html, json];
}
