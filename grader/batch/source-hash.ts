import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SubmissionSource } from './find-submissions.js';

const MAX_FILES = 2_000;
const SKIP = new Set(['node_modules', '.git', '__MACOSX']);

/**
 * sha256 of a submission as handed in: the zip's bytes, or a folder's file names and contents.
 * A resubmission changes it, so a rerun regrades that student without --force.
 */
export function sourceHash(source: SubmissionSource): string {
  const h = createHash('sha256');
  if (source.kind === 'zip') return h.update(readFileSync(source.path)).digest('hex');
  if (source.kind === 'files' || source.kind === 'orphan') {
    for (const f of source.files ?? []) h.update(`${f.name}\0${statSync(f.path).size}\0`).update(readFileSync(f.path)).update('\0');
    return h.digest('hex');
  }
  let files = 0;
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (SKIP.has(e.name) || ++files > MAX_FILES) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full, `${rel}${e.name}/`);
      else if (e.isFile()) h.update(`${rel}${e.name}\0${statSync(full).size}\0`).update(readFileSync(full)).update('\0');
      else h.update(`${rel}${e.name}\0link\0`);
    }
  };
  walk(source.path, '');
  return h.digest('hex');
}
