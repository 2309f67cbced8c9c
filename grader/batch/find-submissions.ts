import { readdirSync } from 'node:fs';
import path from 'node:path';

export interface SubmissionSource {
  /**
   * The student: the folder's name, or the zip's name without `.zip`. A Canvas download is named
   * `lastname_12345_67890_file.zip` (name, user id, submission id, file); the whole stem is kept,
   * so two students with one last name never collide and the row maps back to Canvas.
   */
  student: string;
  kind: 'folder' | 'zip';
  /** Absolute path of the folder or the .zip file. */
  path: string;
}

/** Names the batch writes at the top of its output folder; a student cannot take them. */
export const RESERVED_NAMES = new Set(['gradebook.csv', 'summary.html', 'summary.json', 'batch.json', 'cache']);

/**
 * Every submission in `dir`: each folder and each .zip directly inside it, sorted by student.
 * Hidden entries and `exclude` (the output folder, when it lies inside `dir`) are skipped. When a
 * folder and a zip share a name (`alice/` and `alice.zip`), the zip is named `alice.zip`.
 */
export function findSubmissions(dir: string, exclude: readonly string[] = []): SubmissionSource[] {
  const root = path.resolve(dir);
  const skip = new Set(exclude.map((p) => path.resolve(p)));
  const entries = readdirSync(root, { withFileTypes: true }).filter((e) => !e.name.startsWith('.') && !skip.has(path.join(root, e.name)));
  const folders = entries.filter((e) => e.isDirectory()).map((e) => e.name);
  const taken = new Set(folders);
  const found: SubmissionSource[] = folders.map((name) => ({ student: name, kind: 'folder' as const, path: path.join(root, name) }));
  for (const e of entries) {
    if (!e.isFile() || !/\.zip$/i.test(e.name)) continue;
    const stem = e.name.slice(0, -4);
    found.push({ student: stem && !taken.has(stem) ? stem : e.name, kind: 'zip', path: path.join(root, e.name) });
  }
  return found.sort((a, b) => (a.student < b.student ? -1 : a.student > b.student ? 1 : 0));
}
