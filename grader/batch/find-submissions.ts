import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { FoundSubmissions } from './exports/submission-source.js';
import { readCanvasExport } from './exports/canvas.js';
import { readClassroomClone } from './exports/classroom.js';
import { readGradescopeExport } from './exports/gradescope.js';
import { readMoodleDownload } from './exports/moodle.js';
import { readPlainFolder } from './exports/plain.js';

export { folderSafe, type FoundSubmissions, type Layout, type SubmissionFile, type SubmissionSource } from './exports/submission-source.js';

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
