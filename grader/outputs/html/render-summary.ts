import Handlebars from 'handlebars';
import { formatNumber } from '../../feedback/format-value.js';
import { histogram } from './svg/histogram.js';
import { template } from './templates.js';

export interface SummaryInput {
  title: string;
  /** The course's exercises in the lecture's order, with their titles (columns follow it). */
  exercises: { id: string; title: string }[];
  /** `unassigned`: a file of the export that belongs to no student, listed but not counted. */
  rows: { student: string; score: number; maxScore: number; perExercise: Record<string, number>; error?: string; late?: boolean; unassigned?: boolean }[];
  checkPassRates: { id: string; title: string; exercise: string; passRate: number }[];
  mistakes: { id: string; title: string; count: number }[];
  similarPairs: { a: string; b: string; similarity: number; regions: { aText: string; bText: string }[] }[];
}

const points = (x: number) => formatNumber(Math.round(x * 100) / 100);
const pct = (x: number) => (Number.isFinite(x) ? Math.round(x * 1000) / 10 : 0);
const share = (score: number, max: number) => (max > 0 ? score / max : 0);

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Ten bins of 10 percentage points; a perfect score falls in the last. */
export function scoreBins(fractions: readonly number[]): { label: string; count: number }[] {
  const counts = Array<number>(10).fill(0);
  for (const f of fractions) counts[Math.min(9, Math.max(0, Math.floor(f * 10 + 1e-9)))]++;
  return counts.map((count, i) => ({ label: `${i * 10}–${i === 9 ? 100 : i * 10 + 9}%`, count }));
}

function exerciseOrder(keys: Iterable<string>, known: readonly string[]): string[] {
  return [...new Set(keys)].sort((a, b) => {
    const ia = known.indexOf(a);
    const ib = known.indexOf(b);
    return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib) || a.localeCompare(b);
  });
}

/**
 * The class summary page of a batch: the score histogram, every check's pass rate worst first
 * (what the class got wrong most), the most common diagnosed mistakes, the roster, and pairs of
 * submissions flagged as similar with their matching regions side by side. Everything from a
 * submission (names, errors, code) is escaped by the template.
 */
export function renderSummary(input: SummaryInput): string {
  const students = input.rows.filter((r) => !r.unassigned);
  const fractions = students.map((r) => share(r.score, r.maxScore));
  const titles = new Map(input.exercises.map((e) => [e.id, e.title]));
  const exercises = exerciseOrder(input.rows.flatMap((r) => Object.keys(r.perExercise)), input.exercises.map((e) => e.id));
  const n = students.length;
  const view = {
    title: input.title,
    count: n,
    errors: students.filter((r) => r.error).length,
    late: students.filter((r) => r.late).length,
    unassigned: input.rows.length - n,
    mean: pct(n ? fractions.reduce((s, f) => s + f, 0) / n : 0),
    median: pct(median(fractions)),
    best: pct(n ? Math.max(...fractions) : 0),
    histogram: new Handlebars.SafeString(
      histogram({ title: 'Score distribution', xLabel: 'share of the points', yLabel: 'students', bins: scoreBins(fractions) }),
    ),
    exercises: exercises.map((id) => ({ id, title: titles.get(id) ?? id })),
    rows: [...input.rows]
      .sort((a, b) => a.student.localeCompare(b.student))
      .map((r) => ({
        student: r.student,
        score: points(r.score),
        maxScore: points(r.maxScore),
        percent: pct(share(r.score, r.maxScore)),
        cells: exercises.map((e) => (e in r.perExercise ? points(r.perExercise[e]) : '–')),
        error: r.error,
        late: r.late,
        unassigned: r.unassigned,
      })),
    checks: [...input.checkPassRates]
      .sort((a, b) => a.passRate - b.passRate || a.title.localeCompare(b.title))
      .map((c) => ({ ...c, percent: pct(c.passRate), exerciseTitle: titles.get(c.exercise) ?? c.exercise })),
    mistakes: [...input.mistakes]
      .sort((a, b) => b.count - a.count || a.title.localeCompare(b.title))
      .map((m) => ({ ...m, percent: pct(n ? m.count / n : 0) })),
    pairs: [...input.similarPairs]
      .sort((a, b) => b.similarity - a.similarity)
      .map((p) => ({ ...p, percent: pct(p.similarity) })),
    generatedAt: new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC'),
  };
  return template('summary')(view);
}
