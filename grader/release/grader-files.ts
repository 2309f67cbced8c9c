import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** This repository: the instructor's grader. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * What an autograder image needs of this repository (hidden checks and the reference included).
 * Not its config file: the image carries the config it is released with (grader/deploy/image-config.ts).
 */
const INCLUDE = ['package.json', 'package-lock.json', 'tsconfig.json', 'grader', 'solutions', 'datasets', 'exercises'];
const SKIP = /(^|\/)(node_modules|cache|\.tmp)(\/|$)/;

/**
 * The files of the private grader an LMS image is built from, relative to `root`, in a stable
 * order: never node_modules, the dataset cache or scratch folders.
 */
export function graderFiles(root = REPO_ROOT): string[] {
  return INCLUDE.flatMap((top) => {
    const full = path.join(root, top);
    let isDirectory;
    try {
      isDirectory = statSync(full).isDirectory();
    } catch {
      return [];
    }
    return isDirectory ? listFiles(root, top) : [top];
  });
}

function listFiles(root: string, rel: string): string[] {
  return readdirSync(path.join(root, rel), { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => {
      const r = path.posix.join(rel, d.name);
      if (SKIP.test(r)) return [];
      return d.isDirectory() ? listFiles(root, r) : d.isFile() ? [r] : [];
    });
}
