import { existsSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { folderSafe, type FoundSubmissions } from './submission-source.js';

/**
 * `gh classroom clone student-repos` clones every accepted assignment into
 * `<assignment slug>-submissions/<repository>`, and GitHub Classroom names a student's repository
 * `<assignment slug>-<GitHub login>`. Recognised by folders that are git clones: the login is the
 * repository's name less the assignment's prefix (from the folder's name, else the prefix all
 * repositories share).
 */
export function readClassroomClone(root: string, entries: readonly Dirent[]): FoundSubmissions | undefined {
  const folders = entries.filter((e) => e.isDirectory()).map((e) => e.name);
  const clones = folders.filter((n) => existsSync(path.join(root, n, '.git')));
  if (clones.length === 0 || clones.length < folders.length / 2) return undefined;
  const slug = /^(.+)-submissions$/.exec(path.basename(root))?.[1];
  const prefix = slug && folders.every((n) => n.startsWith(`${slug}-`)) ? `${slug}-` : sharedPrefix(folders);
  return {
    layout: 'classroom',
    sources: folders.map((n) => {
      const login = n.slice(prefix.length) || n;
      return { student: folderSafe(login), kind: 'folder' as const, path: path.join(root, n), identities: [{ lms: 'classroom' as const, login }] };
    }),
  };
}

/** The longest prefix ending in `-` that every name has and none is reduced to nothing by. */
function sharedPrefix(names: readonly string[]): string {
  if (names.length < 2) return names[0]?.replace(/[^-]*$/, '') ?? '';
  let p = names[0];
  for (const n of names) while (!n.startsWith(p)) p = p.slice(0, -1);
  p = p.slice(0, p.lastIndexOf('-') + 1);
  return names.every((n) => n.length > p.length) ? p : '';
}
