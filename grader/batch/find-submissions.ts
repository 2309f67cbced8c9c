import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { StudentIdentity } from './identity.js';
import { readCanvasExport } from './exports/canvas.js';
import { readClassroomClone } from './exports/classroom.js';
import { readGradescopeExport } from './exports/gradescope.js';
import { readMoodleDownload } from './exports/moodle.js';
import { readPlainFolder } from './exports/plain.js';

/** One file of a submission handed in as loose files (Canvas, Gradescope, Moodle). */
export interface SubmissionFile {
  /** Absolute path of the file in the export. */
  path: string;
  /** Its path in the student's folder (`convolution.ts`, `hw1.zip`, `src/filters.ts`). */
  name: string;
}

export interface SubmissionSource {
  /**
   * The student: a name that is unique in the class and safe as a folder name (the batch writes
   * `<out>/<student>/`). A plain folder or zip keeps its name; an LMS export's is built from the
   * LMS's name and id (`doejane_12345` for Canvas, `Jane Doe_881` for Moodle).
   */
  student: string;
  /**
   * `folder` and `zip`: a submission as one folder or .zip; `files`: loose files gathered from an
   * export (a .zip among them is unpacked too); `orphan`: a file of the export that belongs to no
   * student, kept as a row that says so.
   */
  kind: 'folder' | 'zip' | 'files' | 'orphan';
  /** Absolute path of the folder, the .zip, or (files, orphan) the export's file or folder. */
  path: string;
  files?: SubmissionFile[];
  /** Who handed it in, as the LMS names them (several for a group submission). */
  identities?: StudentIdentity[];
  /** Why an orphan cannot be graded. */
  problem?: string;
}

export type Layout = 'canvas' | 'gradescope' | 'moodle' | 'classroom' | 'folders';

export interface FoundSubmissions {
  layout: Layout;
  sources: SubmissionSource[];
}

/** Names the batch writes at the top of its output folder; a student cannot take them. */
export const RESERVED_NAMES = new Set(['gradebook.csv', 'gradebook-canvas.csv', 'gradebook-moodle.csv', 'unmatched.csv', 'summary.html', 'summary.json', 'batch.json', 'cache']);

/**
 * Every submission in `dir`, in whatever shape the LMS exported it: a Gradescope export
 * (`submission_metadata.yml`), a Moodle "Download all submissions" (`<name>_<id>_assignsubmission_…`),
 * a Canvas "Download Submissions" (flat `<name>_<user id>_<attachment id>_<file>`), a GitHub
 * Classroom `gh classroom clone student-repos` folder (`<assignment>-<login>` repositories), or else
 * one folder or .zip per student. Hidden entries and `exclude` (the output folder, when it lies
 * inside `dir`) are skipped. Sorted by student.
 */
export function findSubmissions(dir: string, exclude: readonly string[] = []): FoundSubmissions {
  const root = path.resolve(dir);
  const skip = new Set(exclude.map((p) => path.resolve(p)));
  const entries = readdirSync(root, { withFileTypes: true }).filter((e) => !e.name.startsWith('.') && e.name !== '__MACOSX' && !skip.has(path.join(root, e.name)));
  const found: FoundSubmissions =
    readGradescopeExport(root, entries) ??
    readMoodleDownload(root, entries) ??
    readCanvasExport(root, entries) ??
    readClassroomClone(root, entries) ?? { layout: 'folders', sources: readPlainFolder(root, entries) };
  found.sources.sort((a, b) => (a.student < b.student ? -1 : a.student > b.student ? 1 : 0));
  return found;
}

/** A name made safe as one folder name: no separators, no leading dot, not empty. */
export function folderSafe(name: string): string {
  const s = name.replace(/[/\\\0]/g, '_').replace(/^\.+/, '_').trim();
  return s || '_';
}
