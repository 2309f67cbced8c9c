/**
 * Folders the grader writes into. Node's recursive mkdirSync retries forever where mkdir answers
 * ENOENT under a parent that exists (/proc, /sys: measured on Node 20.20 and 22.23), so the
 * grader makes missing parents itself, one level at a time, and a failure ends in an error.
 */
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from './user-error.js';

/** `mkdir -p` that throws instead of looping. */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  for (let d = path.resolve(dir); !existsSync(d); d = path.dirname(d)) {
    missing.unshift(d);
    if (path.dirname(d) === d) break;
  }
  for (const d of missing) {
    try {
      mkdirSync(d);
    } catch (e) {
      // Made meanwhile by another process (two batch workers, two shards): fine if it is a folder.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(d).isDirectory()) throw e;
    }
  }
}

/**
 * A folder the user named for results (`--out`, a release's folder): made and tried with a file
 * before any work, so a path that cannot take files fails in one line at the start instead of
 * after the grading. `what` names it for the message, e.g. "--out".
 */
export function openOutputFolder(dir: string, what: string): string {
  const full = path.resolve(dir);
  try {
    if (existsSync(full) && !statSync(full).isDirectory()) throw new Error('it is a file, not a folder');
    makeFolder(full);
    const probe = path.join(full, `.grader-write-test-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (e) {
    throw new UserError('E_OUTPUT', `${what} ${full} cannot hold the results: ${e instanceof Error ? e.message : String(e)}`);
  }
  return full;
}
