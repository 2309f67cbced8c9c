/**
 * Last-resort cleanup if the grader exits without `close()`: kill every live child's process group
 * and remove temp folders. (In bwrap mode and with setpriv the children also die with the grader.)
 */
import { rmSync } from 'node:fs';

const groups = new Set<number>();
const dirs = new Set<string>();
let hooked = false;

function hook(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const pid of groups) killGroup(pid);
    for (const d of dirs) {
      try { rmSync(d, { recursive: true, force: true }); } catch { /* best effort */ }
    }
  });
}

export function trackGroup(pid: number): void { hook(); groups.add(pid); }
export function untrackGroup(pid: number): void { groups.delete(pid); }
export function trackDir(dir: string): void { hook(); dirs.add(dir); }
export function untrackDir(dir: string): void { dirs.delete(dir); }

/** SIGKILL to the whole process group led by `pid` (the child was started detached). */
export function killGroup(pid: number): void {
  try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
}
