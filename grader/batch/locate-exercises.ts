import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { EXERCISES } from '../exercises/registry.js';

const SOURCE_EXTENSIONS = ['.ts', '.js', '.mjs'];
const IGNORED = new Set(['__MACOSX', 'node_modules', '.git']);

/**
 * The folder of a submission that holds its exercise files: the folder itself, or the one folder
 * below it (an unzipped `alice/convolution.ts`, or `project/exercises/convolution.ts`) with the
 * most exercise files, the shallowest winning a tie. Returns `dir` itself when none has any (the
 * checks then report every file missing).
 */
export function locateExercises(dir: string, maxDepth = 2): string {
  let best = { dir, count: countExerciseFiles(dir), depth: 0 };
  const visit = (d: string, depth: number) => {
    if (depth > maxDepth) return;
    for (const e of list(d)) {
      if (!e.isDirectory() || IGNORED.has(e.name) || e.name.startsWith('.')) continue;
      const sub = path.join(d, e.name);
      const count = countExerciseFiles(sub);
      if (count > best.count) best = { dir: sub, count, depth };
      visit(sub, depth + 1);
    }
  };
  visit(dir, 1);
  return best.dir;
}

/** How many exercise files (`convolution.ts`, …) sit directly in `dir`. */
export function countExerciseFiles(dir: string): number {
  const names = new Set(list(dir).filter((e) => e.isFile()).map((e) => e.name));
  return EXERCISES.filter((x) => SOURCE_EXTENSIONS.some((ext) => names.has(x + ext))).length;
}

function list(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}
