import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ExerciseId } from '../../grader/core/contract.js';
import { DEFAULT_CONFIG } from '../../grader/config/defaults.js';
import { gradeSubmission } from '../../grader/run/grade-submission.js';

export const CORPUS = path.resolve(import.meta.dirname, '../fixtures/corpus');

/** One submission of the corpus and what it should get. */
export interface CorpusCase {
  dir: string;
  exercise: ExerciseId;
  correct: boolean;
  /** The catalogue id the grader should name, or null for a bug the catalogue lacks. */
  mistake: string | null;
  bug?: string;
  /** Checks that must fail: each once let this bug through. */
  fails?: string[];
}

export function loadManifest(): CorpusCase[] {
  return (JSON.parse(readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8')) as { cases: CorpusCase[] }).cases;
}

export interface Graded {
  score: number;
  maxScore: number;
  sandbox: string;
  /** Every mistake id some failing check named. */
  named: string[];
  /** The checks that did not pass. */
  failed: string[];
  /** Every failure message, for a report when an assertion fails. */
  messages: string[];
}

/** Grades one case as `grade` does (the config's sandbox, 'auto': the strongest mode), every check of its exercise. */
export async function gradeCase(c: CorpusCase): Promise<Graded> {
  const result = await gradeSubmission(path.join(CORPUS, c.dir), DEFAULT_CONFIG, { only: [c.exercise], pictures: false });
  const verdicts = result.exercises.flatMap((e) => e.checks).map((r) => ({ id: r.check.id, v: r.verdict }));
  return {
    score: result.score,
    maxScore: result.maxScore,
    sandbox: result.environment.sandbox?.split(' (')[0] ?? 'unknown',
    named: [...new Set(verdicts.flatMap(({ v }) => (v.status === 'failed' ? v.diagnosis ?? [] : []).map((d) => d.mistakeId)))],
    failed: verdicts.filter(({ v }) => v.status !== 'passed').map(({ id }) => id),
    messages: verdicts.filter(({ v }) => v.status !== 'passed').map(({ id, v }) => `${id}: ${'message' in v ? v.message : ''}`),
  };
}
