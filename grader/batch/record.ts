import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { CheckStatus, GradeResult } from '../core/result.js';
import { writeAtomic } from '../core/write-atomic.js';
import type { SubmissionSource } from './find-submissions.js';
import type { StudentIdentity } from './identity.js';
import type { Selection } from '../run/homework.js';

/** One check's outcome, as the gradebook and the class summary need it. */
export interface CheckRow {
  id: string;
  title: string;
  exercise: string;
  status: CheckStatus;
  score: number;
  points: number;
  /** Known mistakes diagnosed on a failure. */
  diagnosis?: { id: string; title: string }[];
}

/**
 * What the batch keeps of one submission: `<out>/<student>/graded.json`, written last and
 * atomically, after results.json, junit.xml and report.html. Its presence means "done"; a
 * result folder without it (a killed batch) is graded again.
 */
export interface BatchRecord {
  student: string;
  source: { kind: SubmissionSource['kind']; name: string; sha256: string };
  /** Who handed it in, as the LMS's export names them (absent for a plain folder). */
  identities?: StudentIdentity[];
  /** Hash of the grading settings (exercises, seed, visibility, config): other settings regrade. */
  settings: string;
  /** What the batch graded: the exercises, and the config's homework they make up (if any). */
  selection?: Selection;
  status: 'graded' | 'error';
  error?: string;
  score: number;
  maxScore: number;
  perExercise: Record<string, { score: number; maxScore: number }>;
  checks: CheckRow[];
  seed: number;
  seconds: number;
  finishedAt: string;
  environment?: Record<string, string>;
}

export const MARKER = 'graded.json';
export const FINGERPRINTS = 'fingerprints.json';

export function recordFromResult(result: GradeResult, base: Pick<BatchRecord, 'student' | 'source' | 'settings' | 'identities'>): BatchRecord {
  return {
    ...base,
    status: 'graded',
    score: result.score,
    maxScore: result.maxScore,
    perExercise: Object.fromEntries(result.exercises.map((e) => [e.exercise, { score: e.score, maxScore: e.maxScore }])),
    checks: result.exercises.flatMap((e) =>
      e.checks.map((r) => ({
        id: r.check.id,
        title: r.check.title,
        exercise: e.exercise,
        status: r.status,
        score: r.score,
        points: r.check.points,
        diagnosis: r.verdict.status === 'failed' && r.verdict.diagnosis?.length ? r.verdict.diagnosis.map((d) => ({ id: d.mistakeId, title: d.title })) : undefined,
      })),
    ),
    seed: result.seed,
    seconds: Math.round(result.seconds * 1000) / 1000,
    finishedAt: new Date().toISOString(),
    environment: result.environment,
  };
}

export function errorRecord(base: Pick<BatchRecord, 'student' | 'source' | 'settings' | 'identities' | 'selection'>, error: string, seed: number, seconds: number): BatchRecord {
  return { ...base, status: 'error', error, score: 0, maxScore: 0, perExercise: {}, checks: [], seed, seconds: Math.round(seconds * 1000) / 1000, finishedAt: new Date().toISOString() };
}

/** Canvas marks a late submission in its file names; a group is late when any member's upload is. */
export function isLate(record: BatchRecord): boolean {
  return record.identities?.some((i) => i.late) ?? false;
}

/** A file of the export that belongs to no student: a row of its own, never a student's score. */
export function isStudent(record: BatchRecord): boolean {
  return record.source.kind !== 'orphan';
}

export function readRecord(studentDir: string): BatchRecord | undefined {
  try {
    const r = JSON.parse(readFileSync(path.join(studentDir, MARKER), 'utf8')) as BatchRecord;
    return r && typeof r.student === 'string' && (r.status === 'graded' || r.status === 'error') ? r : undefined;
  } catch {
    return undefined;
  }
}

export function writeRecord(studentDir: string, record: BatchRecord): void {
  writeAtomic(path.join(studentDir, MARKER), JSON.stringify(record, null, 2) + '\n');
}

export function removeRecord(studentDir: string): void {
  rmSync(path.join(studentDir, MARKER), { force: true });
}
