import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeAtomic } from '../core/write-atomic.js';
import { gradebookCsv } from './gradebook.js';
import { writeLmsGradebooks, type LmsGradebooks, type RosterOptions } from './gradebooks/write-lms-gradebooks.js';
import { FINGERPRINTS, type BatchRecord } from './record.js';
import { buildSummary, writeSummary } from './summary.js';
import { fingerprintFolder, type SubmissionPrint } from './similarity/fingerprint.js';
import { DEFAULT_SIMILARITY, findSimilarPairs, type SimilarityOptions } from './similarity/compare.js';

/** The starter code handed to students: its fingerprints never count as similarity. */
export const STARTER_DIR = path.resolve(import.meta.dirname, '../../exercises');

export interface ClassOutputs {
  gradebook: string;
  /** With a roster: its LMS's gradebook and unmatched.csv, and what the matching found. */
  lms?: LmsGradebooks;
  summary: string[];
  flaggedPairs: number;
}

/**
 * Writes the class's files from its records: `gradebook.csv`, `summary.json` (+ `summary.html`),
 * and with a roster the LMS's gradebook and `unmatched.csv`. `studentDirs` maps each student to
 * the folder holding its fingerprints.json.
 */
export async function writeClassOutputs(
  outDir: string,
  title: string,
  records: readonly BatchRecord[],
  studentDirs: ReadonlyMap<string, string>,
  o: { similarity?: SimilarityOptions; roster?: RosterOptions } = {},
): Promise<ClassOutputs> {
  const gradebook = path.join(outDir, 'gradebook.csv');
  writeAtomic(gradebook, gradebookCsv(records));
  const lms = o.roster ? writeLmsGradebooks(outDir, records, o.roster) : undefined;
  const prints = new Map<string, SubmissionPrint>();
  for (const r of records) {
    const dir = studentDirs.get(r.student);
    if (r.status !== 'graded' || !dir) continue;
    try {
      prints.set(r.student, JSON.parse(readFileSync(path.join(dir, FINGERPRINTS), 'utf8')) as SubmissionPrint);
    } catch {
      /* graded before fingerprints existed: left out of the comparison */
    }
  }
  const pairs = findSimilarPairs(prints, fingerprintFolder(STARTER_DIR), o.similarity ?? DEFAULT_SIMILARITY);
  const summary = await writeSummary(outDir, buildSummary(title, records, pairs, lms?.scaling));
  return { gradebook, lms, summary, flaggedPairs: pairs.length };
}
