import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { makeFolder } from '../core/folders.js';
import { writeAtomic } from '../core/write-atomic.js';

/** Left alone in the release folder: the instructor's repository and installed packages. */
const KEPT = new Set(['.git', 'node_modules']);

/**
 * Writes `files` (path → text) into `out`, replacing a previous release there. A file of `out`
 * that this release does not write (a note someone added, an exercise no longer shipped) is never
 * deleted in silence: without `force` nothing is touched and the refusal listing them is returned.
 */
export function replaceRelease(out: string, files: ReadonlyMap<string, string>, force: boolean): string | undefined {
  if (existsSync(out)) {
    const extra = filesUnder(out).filter((f) => !files.has(f));
    if (extra.length > 0 && !force) {
      const shown = extra.slice(0, 10).join(', ') + (extra.length > 10 ? ` and ${extra.length - 10} more` : '');
      return `${out} holds ${extra.length} file(s) this release does not write: ${shown}; move them away, or pass --force to delete them`;
    }
    for (const f of readdirSync(out)) if (!KEPT.has(f)) rmSync(path.join(out, f), { recursive: true, force: true });
  }
  makeFolder(out);
  for (const [file, text] of files) writeAtomic(path.join(out, file), text);
  return undefined;
}

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir)
    .filter((f) => prefix || !KEPT.has(f))
    .flatMap((f) => {
      const rel = prefix ? `${prefix}/${f}` : f;
      const full = path.join(dir, f);
      return statSync(full).isDirectory() ? filesUnder(full, rel) : [rel];
    });
}
