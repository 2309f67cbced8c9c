import { cpSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { countExerciseFiles, locateExercises } from '../batch/locate-exercises.js';
import { unzipSafely } from '../batch/unzip.js';
import { EXERCISES } from '../exercises/registry.js';

/** Where a student's upload had its exercise files, copied into a folder the grader may read. */
export interface PreparedUpload {
  /** The copy to grade: the folder that held the most exercise files. */
  folder: string;
  /** How many of the exercise files it has (0: nothing to grade). */
  found: number;
  /** The located folder, relative to the upload ('.' for files at the top). */
  from: string;
}

/**
 * Turns an upload as an LMS delivers it (Gradescope's /autograder/submission, PrairieLearn's
 * /grade/student) into one folder of exercise files, in `work`: the files at the top, in a folder,
 * or in a repository (`cnn-exercises-main/exercises/*.ts`) with exercises/ up to two levels
 * down; a .zip at the top that the LMS left packed is unpacked first, safely (batch's unzip).
 * The upload itself is never written to.
 */
export async function prepareUpload(upload: string, work: string): Promise<PreparedUpload> {
  const copy = path.join(work, 'upload');
  cpSync(upload, copy, { recursive: true, verbatimSymlinks: true, filter: (src) => !/(^|\/)(node_modules|\.git)$/.test(src) });
  const candidates = [copy];
  for (const name of readdirSync(copy).filter((n) => n.toLowerCase().endsWith('.zip'))) {
    const unzipped = path.join(work, `unzipped-${candidates.length}`);
    await unzipSafely(path.join(copy, name), unzipped);
    candidates.push(unzipped);
  }
  const best = candidates
    .map((root) => ({ root, located: locateExercises(root) }))
    .map((c) => ({ ...c, found: countExerciseFiles(c.located) }))
    .reduce((a, b) => (b.found > a.found ? b : a));
  const folder = path.join(work, 'submission');
  cpSync(best.located, folder, { recursive: true, verbatimSymlinks: true });
  return { folder, found: best.found, from: path.relative(best.root, best.located) || '.' };
}

/** What to tell a student whose upload has no exercise file. */
export function noExerciseFileMessage(): string {
  return `No exercise file was found in your upload. Upload ${EXERCISES.map((e) => `${e}.ts`).join(', ')} ` +
    '(some or all of them): the files themselves, a folder holding them, or a zip of your repository with its exercises/ folder.';
}
