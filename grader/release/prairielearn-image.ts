/**
 * The build folder of the instructor's private PrairieLearn external-grader image: the grader's
 * files, a Dockerfile, entrypoint.sh (reads /grade/student, writes /grade/results/results.json)
 * and info.json, the question's externalGradingOptions to copy. It holds the hidden checks and
 * the reference: keep the image private.
 * https://prairielearn.readthedocs.io/en/latest/externalGrading/
 */
import { chmodSync, copyFileSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeFolder } from '../core/folders.js';
import { graderFiles, REPO_ROOT } from './grader-files.js';
import { IMAGE_CONFIG_FILE, imageConfigText, type ImageConfig } from '../deploy/image-config.js';

const TEMPLATES = 'grader/deploy/templates/prairielearn';
const OWN = ['Dockerfile', 'entrypoint.sh', 'info.json'];

/** Writes the folder; the image grades with `image`: the config it is released with, and only the homework's exercises if one is named. */
export function prairielearnImage(out: string, image: ImageConfig, o: { root?: string } = {}): { dir: string; files: number } {
  const { root = REPO_ROOT } = o;
  const dir = path.resolve(out);
  if (existsSync(dir)) for (const f of readdirSync(dir)) rmSync(path.join(dir, f), { recursive: true, force: true });
  const files = [...graderFiles(root).map((f) => [f, f]), ...OWN.map((f) => [path.posix.join(TEMPLATES, f), f])];
  for (const [from, to] of files) {
    makeFolder(path.dirname(path.join(dir, to)));
    copyFileSync(path.join(root, from), path.join(dir, to));
  }
  chmodSync(path.join(dir, 'entrypoint.sh'), 0o755);
  writeFileSync(path.join(dir, IMAGE_CONFIG_FILE), imageConfigText(image));
  return { dir, files: files.length + 1 };
}
