import { existsSync, readFileSync, type Dirent, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { folderSafe, type FoundSubmissions, type SubmissionSource } from './submission-source.js';
import type { StudentIdentity } from '../identity.js';
import { walkFiles } from './walk-files.js';
import { ExportError } from './export-error.js';

export const GRADESCOPE_METADATA = 'submission_metadata.yml';

interface Submission {
  folder: string;
  submitters: StudentIdentity[];
  createdAt: string;
}

/**
 * Gradescope's "Export Submissions": `assignment_<id>_export/` with one `submission_<id>/` folder
 * per submission and `submission_metadata.yml`, a YAML written from Ruby whose keys are symbols
 * (`:submitters:`, `:name:`, `:sid:`, `:email:`, `:created_at:`). Each submission is graded once
 * and belongs to all its submitters (a group). A student found in several submissions keeps the
 * newest (`:created_at:`); a folder the metadata does not name is an orphan row.
 */
export function readGradescopeExport(root: string, entries: readonly Dirent[]): FoundSubmissions | undefined {
  let base = root;
  let names = entries.map((e) => e.name);
  if (!names.includes(GRADESCOPE_METADATA)) {
    const only = entries.filter((e) => e.isDirectory());
    if (only.length !== 1 || !existsSync(path.join(root, only[0].name, GRADESCOPE_METADATA))) return undefined;
    base = path.join(root, only[0].name);
    names = readdirSync(base).filter((n) => !n.startsWith('.'));
  }
  const metadata = readMetadata(path.join(base, GRADESCOPE_METADATA));
  const submissions: Submission[] = Object.entries(metadata).map(([folder, record]) => ({
    folder,
    submitters: list(field(record, 'submitters')).map((s) => identity(s)),
    createdAt: String(field(record, 'created_at') ?? ''),
  }));
  // The newest submission of each student wins; an older one whose submitters all moved on is dropped.
  const newest = new Map<string, Submission>();
  for (const s of submissions) {
    for (const who of s.submitters) {
      const k = who.sisId ?? who.email ?? who.name ?? s.folder;
      const seen = newest.get(k);
      if (!seen || seen.createdAt < s.createdAt) newest.set(k, s);
    }
  }
  const kept = new Set(newest.values());
  const sources: SubmissionSource[] = [];
  const known = new Set(submissions.map((s) => s.folder));
  for (const s of submissions) {
    const dir = path.join(base, s.folder);
    if (!kept.has(s) || !existsSync(dir)) continue;
    sources.push({ student: folderSafe(s.folder), kind: 'files', path: dir, files: walkFiles(dir), identities: s.submitters });
  }
  for (const n of names) {
    if (n === GRADESCOPE_METADATA || known.has(n) || n === '__MACOSX') continue;
    sources.push({ student: folderSafe(`unassigned ${n}`), kind: 'orphan', path: path.join(base, n), problem: `${n} is not listed in ${GRADESCOPE_METADATA}: it belongs to no student` });
  }
  return { layout: 'gradescope', sources };
}

function readMetadata(file: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'), { logLevel: 'silent' });
  } catch (e) {
    throw new ExportError(`${file} is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ExportError(`${file} does not map submissions to their submitters`);
  return data as Record<string, unknown>;
}

/** A field under its Ruby symbol key (`:name`) or a plain one (`name`). */
function field(record: unknown, name: string): unknown {
  if (!record || typeof record !== 'object') return undefined;
  const r = record as Record<string, unknown>;
  return r[`:${name}`] ?? r[name];
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function text(v: unknown): string | undefined {
  return v === undefined || v === null || v === '' ? undefined : String(v);
}

function identity(s: unknown): StudentIdentity {
  return { lms: 'gradescope', name: text(field(s, 'name')), sisId: text(field(s, 'sid')), email: text(field(s, 'email')) };
}
