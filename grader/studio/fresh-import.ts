/**
 * Importing the student's files again after a save, in the same process: ES modules are cached by
 * URL, so each save's files are imported with `?fresh=<save>` (fresh-imports.mjs carries the query
 * to their imports of each other); files that Node loads as CommonJS (a folder without
 * `"type": "module"`) are cached by path, so the folder's entries are dropped from that cache.
 * The old modules stay in memory: the studio retires a process after a number of saves.
 */
import { createRequire, register } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

let registered = false;

/** The URL that imports `file` as it is at save `version`. */
export function freshUrl(file: string, version: number): string {
  if (!registered) {
    register(new URL('./fresh-imports.mjs', import.meta.url));
    registered = true;
  }
  const cache = createRequire(import.meta.url).cache;
  const folder = path.dirname(path.resolve(file)) + path.sep;
  for (const key of Object.keys(cache)) if (key.startsWith(folder)) delete cache[key];
  return `${pathToFileURL(file).href}?fresh=${version}`;
}
