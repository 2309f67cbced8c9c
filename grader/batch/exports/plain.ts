import type { Dirent } from 'node:fs';
import path from 'node:path';
import type { SubmissionSource } from './submission-source.js';

/**
 * Today's layout: each folder and each .zip directly inside `root` is one student, named after it.
 * When a folder and a zip share a name (`alice/` and `alice.zip`), the zip is named `alice.zip`.
 */
export function readPlainFolder(root: string, entries: readonly Dirent[]): SubmissionSource[] {
  const folders = entries.filter((e) => e.isDirectory()).map((e) => e.name);
  const taken = new Set(folders);
  const found: SubmissionSource[] = folders.map((name) => ({ student: name, kind: 'folder' as const, path: path.join(root, name) }));
  for (const e of entries) {
    if (!e.isFile() || !/\.zip$/i.test(e.name)) continue;
    const stem = e.name.slice(0, -4);
    found.push({ student: stem && !taken.has(stem) ? stem : e.name, kind: 'zip', path: path.join(root, e.name) });
  }
  return found;
}
