/**
 * One batch at a time per output folder: `<out>/.batch.lock` holds the owner's pid and the start
 * time of that process (as /proc says it, so a recycled pid is not mistaken for the owner). A lock
 * whose owner is gone (a crash, kill -9, a reboot) is stale and taken over; a live owner's is
 * refused. Removed when the owner exits, however it exits short of SIGKILL.
 */
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { makeFolder } from '../core/folders.js';
import { UserError } from '../core/user-error.js';
import { processStat } from './process-tree.js';

export const LOCK_FILE = '.batch.lock';

interface LockOwner {
  pid: number;
  /** /proc's start time of the process (clock ticks since boot); absent where there is no /proc. */
  start?: string;
  host: string;
  since: string;
}

/** Another batch writes to this folder now (the command line prints it in one line, exit 2). */
export class BatchLocked extends UserError {
  constructor(message: string) {
    super('E_BATCH_LOCKED', message);
  }
}

export interface BatchLock {
  release(): void;
}

export function acquireBatchLock(outDir: string): BatchLock {
  makeFolder(outDir);
  const file = path.join(outDir, LOCK_FILE);
  const mine: LockOwner = { pid: process.pid, start: processStat(process.pid)?.start, host: hostname(), since: new Date().toISOString() };
  const temp = `${file}.${process.pid}`;
  writeFileSync(temp, JSON.stringify(mine) + '\n');
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(temp, file); // fails if the lock exists: exactly one of two racing batches gets it
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 3) throw e;
      }
      const text = readText(file);
      const owner = parse(text);
      if (owner && alive(owner)) {
        throw new BatchLocked(`another batch (pid ${owner.pid} on ${owner.host}, since ${owner.since}) is writing to ${outDir}: wait for it to finish or stop it (Ctrl-C), then run this again`);
      }
      // Stale: set it aside, unless another batch replaced it since we read it.
      const aside = `${file}.stale.${process.pid}`;
      try {
        renameSync(file, aside);
      } catch {
        continue;
      }
      if (readText(aside) !== text) renameSync(aside, file);
      else rmSync(aside, { force: true });
    }
  } finally {
    rmSync(temp, { force: true });
  }
  const release = () => {
    if (parse(readText(file))?.pid === process.pid) rmSync(file, { force: true });
    process.removeListener('exit', release);
  };
  process.on('exit', release);
  return { release };
}

function alive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true; // another machine's process: cannot tell, so not taken over
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = processStat(owner.pid);
  return !now || owner.start === undefined || (now.start === owner.start && now.state !== 'Z');
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function parse(text: string): LockOwner | undefined {
  try {
    const o = JSON.parse(text) as LockOwner;
    return typeof o.pid === 'number' ? o : undefined;
  } catch {
    return undefined; // half-written or damaged: treated as stale
  }
}
