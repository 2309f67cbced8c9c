/**
 * The instructor's private Gradescope autograder zip. Gradescope unpacks it into
 * /autograder/source and needs setup.sh and run_autograder at the zip's root, so the grader's
 * files sit at the root too (package.json and package-lock.json where `npm ci` looks for them).
 * It holds the hidden checks and the reference: never give it to students.
 * https://gradescope-autograders.readthedocs.io/en/latest/specs/
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import yazl from 'yazl';
import { writeAtomic } from '../core/write-atomic.js';
import { graderFiles, REPO_ROOT } from './grader-files.js';
import { IMAGE_CONFIG_FILE, imageConfigText, type ImageConfig } from '../deploy/image-config.js';

const SCRIPTS = ['setup.sh', 'run_autograder'];
const TEMPLATES = 'grader/deploy/templates/gradescope';

/**
 * Writes the zip; its entries are dated `mtime` (default now), the scripts executable. It grades
 * with `image`: the config it is released with, and only the homework's exercises if one is named.
 */
export async function gradescopeBundle(zipFile: string, image: ImageConfig, o: { root?: string; mtime?: Date } = {}): Promise<{ file: string; entries: number; bytes: number }> {
  const { root = REPO_ROOT, mtime = new Date() } = o;
  const zip = new yazl.ZipFile();
  for (const name of SCRIPTS) zip.addBuffer(readFileSync(path.join(root, TEMPLATES, name)), name, { mtime, mode: 0o100755 });
  const files = graderFiles(root);
  for (const name of files) zip.addBuffer(readFileSync(path.join(root, name)), name, { mtime, mode: 0o100644 });
  zip.addBuffer(Buffer.from(imageConfigText(image)), IMAGE_CONFIG_FILE, { mtime, mode: 0o100644 });
  zip.end();
  const data = await buffer(zip.outputStream);
  writeAtomic(path.resolve(zipFile), data);
  return { file: path.resolve(zipFile), entries: SCRIPTS.length + files.length + 1, bytes: data.length };
}
