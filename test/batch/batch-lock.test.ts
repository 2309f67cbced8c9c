import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireBatchLock, BatchLocked, LOCK_FILE } from '../../grader/batch/batch-lock.js';
import { processStat } from '../../grader/batch/process-tree.js';

const folder = () => mkdtempSync(path.join(tmpdir(), 'batch-lock-'));
/** A pid no process has now. */
const deadPid = () => {
  let pid = Number(readFileSync('/proc/sys/kernel/pid_max', 'utf8')) - 1;
  while (existsSync(`/proc/${pid}`)) pid--;
  return pid;
};

describe('one batch per output folder', () => {
  it('refuses a second batch while the first holds the folder, naming it', () => {
    const out = folder();
    const lock = acquireBatchLock(out);
    expect(JSON.parse(readFileSync(path.join(out, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, start: processStat(process.pid)!.start });
    expect(() => acquireBatchLock(out)).toThrow(BatchLocked);
    expect(() => acquireBatchLock(out)).toThrow(new RegExp(`another batch \\(pid ${process.pid} on .*\\) is writing to ${out}`));
    lock.release();
    expect(existsSync(path.join(out, LOCK_FILE))).toBe(false);
    acquireBatchLock(out).release();
  });

  it('takes over the lock of a batch that died (kill -9 leaves it behind)', () => {
    const out = folder();
    writeFileSync(path.join(out, LOCK_FILE), JSON.stringify({ pid: deadPid(), start: '1', host: hostname(), since: '2026-01-01T00:00:00Z' }));
    const lock = acquireBatchLock(out);
    expect(JSON.parse(readFileSync(path.join(out, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('is not fooled by a recycled pid: a live process with another start time is not the owner', () => {
    const out = folder();
    writeFileSync(path.join(out, LOCK_FILE), JSON.stringify({ pid: process.ppid, start: 'not-its-start', host: hostname(), since: '2026-01-01T00:00:00Z' }));
    acquireBatchLock(out).release();
  });

  it('takes over a damaged lock file', () => {
    const out = folder();
    writeFileSync(path.join(out, LOCK_FILE), '{"pid": 12');
    acquireBatchLock(out).release();
  });
});
