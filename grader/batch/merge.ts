import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { openOutputFolder } from '../core/folders.js';
import { UserError } from '../core/user-error.js';
import { readRecord, type BatchRecord } from './record.js';
import { writeClassOutputs, type ClassOutputs } from './write-class-outputs.js';
import type { RosterOptions } from './gradebooks/write-lms-gradebooks.js';

export interface MergeSummary {
  outDir: string;
  records: BatchRecord[];
  /** Students found in more than one folder (the latest result was kept). */
  duplicates: string[];
  outputs: ClassOutputs;
}

/**
 * Joins the output folders of several batches (the shards of a CI matrix) into one: every
 * student's folder is copied into `outDir`, then one gradebook and one summary are written,
 * with similarity computed across all shards. A student graded in two folders keeps the result
 * that finished last. With a roster, the LMS's gradebook and unmatched.csv are written from the
 * merged records, as one unsharded batch would.
 */
export async function mergeBatches(dirs: readonly string[], outDir: string, title = 'class', roster?: RosterOptions): Promise<MergeSummary> {
  const out = openOutputFolder(outDir, '--out');
  const chosen = new Map<string, { record: BatchRecord; dir: string }>();
  const duplicates = new Set<string>();
  for (const d of dirs.map((x) => path.resolve(x))) {
    if (!existsSync(d) || !statSync(d).isDirectory()) throw new UserError('E_NO_FOLDER', `merge: ${d} is not a folder of batch results`);
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (!e.isDirectory() || e.name.startsWith('.')) continue;
      const record = readRecord(path.join(d, e.name));
      if (!record) continue; // not graded (or half-written by a killed batch)
      const seen = chosen.get(record.student);
      if (seen) duplicates.add(record.student);
      if (!seen || seen.record.finishedAt < record.finishedAt) chosen.set(record.student, { record, dir: path.join(d, e.name) });
    }
  }
  const studentDirs = new Map<string, string>();
  for (const [student, { dir }] of chosen) {
    const target = path.join(out, student);
    if (path.resolve(dir) !== target) cpSync(dir, target, { recursive: true, force: true });
    studentDirs.set(student, target);
  }
  const records = [...chosen.values()].map((c) => c.record).sort((a, b) => (a.student < b.student ? -1 : a.student > b.student ? 1 : 0));
  const outputs = await writeClassOutputs(out, title, records, studentDirs, { roster });
  return { outDir: out, records, duplicates: [...duplicates].sort(), outputs };
}
