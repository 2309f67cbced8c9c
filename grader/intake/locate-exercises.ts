import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { exerciseFileName } from './exercise-file-name.js';

/** Folders never searched nor listed: what tools and operating systems add beside a student's files. */
export const IGNORED_FOLDERS = new Set(['__MACOSX', 'node_modules', '.git']);

/**
 * The folder of a submission that holds its exercise files: the folder itself, or the one folder
 * below it (an unzipped `alice/convolution.ts`, or `project/exercises/convolution.ts`) with the
 * most exercises, the shallowest winning a tie. Names are matched as students make them
 * (exercise-file-name.ts). Returns `dir` itself when none has any.
 */
export function locateExercises(dir: string, maxDepth = 2): string {
  let best = { dir, count: countExerciseFiles(dir), depth: 0 };
  const visit = (d: string, depth: number) => {
    if (depth > maxDepth) return;
    for (const e of list(d)) {
      if (!e.isDirectory() || IGNORED_FOLDERS.has(e.name) || e.name.startsWith('.')) continue;
      const sub = path.join(d, e.name);
      const count = countExerciseFiles(sub);
      if (count > best.count) best = { dir: sub, count, depth };
      visit(sub, depth + 1);
    }
  };
  visit(dir, 1);
  return best.dir;
}

/** How many exercises have a file (`convolution.ts`, `Convolution (1).ts`, …) directly in `dir`. */
function countExerciseFiles(dir: string): number {
  return new Set(list(dir).filter((e) => e.isFile()).map((e) => exerciseFileName(e.name)?.exercise).filter(Boolean)).size;
}

function list(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}
