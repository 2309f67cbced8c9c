import type { ExerciseId } from '../core/contract.js';
import type { GraderConfig } from '../config/types.js';
import type { OutputName } from '../outputs/index.js';
import type { SubmissionSource } from './find-submissions.js';
import type { BatchRecord } from './record.js';

/** What the batch asks a worker to grade. */
export interface GradeJob {
  id: string;
  source: SubmissionSource;
  sha256: string;
  settings: string;
  /** `<out>/<student>`: the worker writes results.json, junit.xml, report.html, fingerprints.json there. */
  outDir: string;
  only?: ExerciseId[];
  format: OutputName;
  config: GraderConfig;
  visibility: 'public' | 'all';
}

export type ToWorker = { type: 'job'; job: GradeJob };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; id: string; record: BatchRecord }
  /** The submission cannot be graded (a bad zip, a missing folder): an error row, not a crash. */
  | { type: 'failed'; id: string; error: string };
