/**
 * A read-only mirror of some files and folders under one root, made once and shared by every
 * grader process: built in a private temp folder, then renamed into place (the first process to
 * finish wins; the others discard theirs). Files are hard links when the file system allows and
 * the file is readable by others, else copies; folders are 0755, files keep their mode plus read
 * for others.
 */
import { chmodSync, existsSync, copyFileSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MachineLacks } from '../core/machine-lacks.js';

const COMPLETE = '.complete';

export function mirrorOnce(root: string, entries: { from: string; to: string }[]): void {
  if (reusable(root)) return;
  const temp = mkdtempSync(`${root}.partial-`);
  try {
    for (const { from, to } of entries) copyTree(from, path.join(temp, path.relative(root, to)));
    writeFileSync(path.join(temp, COMPLETE), '');
    chmodSync(temp, 0o755);
    try {
      renameSync(temp, root);
    } catch (e) {
      if (!reusable(root)) throw e; // another process made it meanwhile: use theirs
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** Whether a finished mirror is still there (temp folders get cleaned under long-running processes). */
export function mirrorIntact(root: string): boolean {
  return existsSync(path.join(root, COMPLETE));
}

/**
 * A mirror this user made and nobody else can change; a folder of that name that is not one (made
 * by another user in the shared temp folder) is refused rather than trusted.
 */
function reusable(root: string): boolean {
  let st;
  try {
    st = lstatSync(root);
  } catch {
    return false;
  }
  const ours = st.isDirectory() && st.uid === process.getuid?.() && (st.mode & 0o022) === 0;
  if (!ours) throw new MachineLacks(`${root} is not a folder the grader made (another user's, or writable by others)`, 'remove it, or set TMPDIR to another folder');
  try {
    statSync(path.join(root, COMPLETE));
    return true;
  } catch {
    return false;
  }
}

function copyTree(from: string, to: string): void {
  const st = lstatSync(from);
  openDir(path.dirname(to));
  if (st.isDirectory()) {
    openDir(to);
    for (const name of readdirSync(from)) copyTree(path.join(from, name), path.join(to, name));
  } else if (st.isSymbolicLink()) {
    symlinkSync(readlinkSync(from), to);
  } else if (st.isFile()) {
    if (st.mode & 0o004) {
      try {
        return linkSync(from, to);
      } catch {
        /* another file system, or links refused: a copy */
      }
    }
    copyFileSync(from, to);
    chmodSync(to, (st.mode & 0o7777 & ~0o022) | 0o444);
  }
}

/** A folder others can pass and read, whatever the umask; its missing parents likewise. */
function openDir(dir: string): void {
  if (existsSync(dir)) return;
  openDir(path.dirname(dir));
  mkdirSync(dir);
  chmodSync(dir, 0o755);
}
