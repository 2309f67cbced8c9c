/**
 * The instructor's private Gradescope autograder zip. Gradescope unpacks it into
 * /autograder/source and needs setup.sh and run_autograder at the zip's root, so the grader's
 * files sit at the root too (package.json and package-lock.json where `npm ci` looks for them).
 * It holds the hidden checks and the reference: never give it to students.
 * https://gradescope-autograders.readthedocs.io/en/latest/specs/
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeAtomic } from '../core/write-atomic.js';
import { graderFiles, REPO_ROOT } from './grader-files.js';
import { zip, type ZipEntry } from './zip.js';

const SCRIPTS = ['setup.sh', 'run_autograder'];
const TEMPLATES = 'grader/deploy/templates/gradescope';

export function gradescopeBundle(zipFile: string, root = REPO_ROOT): { file: string; entries: number; bytes: number } {
  const entries: ZipEntry[] = [
    ...SCRIPTS.map((name) => ({ name, data: readFileSync(path.join(root, TEMPLATES, name)), mode: 0o755 })),
    ...graderFiles(root).map((name) => ({ name, data: readFileSync(path.join(root, name)) })),
  ];
  const data = zip(entries);
  writeAtomic(path.resolve(zipFile), data);
  return { file: path.resolve(zipFile), entries: entries.length, bytes: data.length };
}
