import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ExerciseId } from '../core/contract.js';
import { watched } from './hang-guard.js';

export type Modules = Partial<Record<ExerciseId, Record<string, unknown>>>;

/**
 * Imports a folder's exercise files into this process, for trusted code only (the reference, the
 * student's own `npm test` under vitest or tsx, which transpile TypeScript). A missing file is
 * left out; the checks then report it missing. `url` turns a file into the URL imported (the
 * studio imports each save's files afresh).
 */
export async function loadInProcess(dir: string, exercises: readonly ExerciseId[], url: (file: string) => string = (f) => pathToFileURL(f).href): Promise<Modules> {
  const modules: Modules = {};
  for (const exercise of exercises) {
    const file = exerciseSourceFile(dir, exercise);
    if (file) modules[exercise] = (await watched('load', exercise, `loading ${path.relative(process.cwd(), file) || file}`, () => import(url(file)))) as Record<string, unknown>;
  }
  return modules;
}

/** The exercise's file in a submission folder (`cnn.ts`, or `.js`, `.mjs`), if it is there. */
export function exerciseSourceFile(dir: string, exercise: ExerciseId): string | undefined {
  return ['.ts', '.js', '.mjs'].map((ext) => path.resolve(dir, exercise + ext)).find((f) => existsSync(f));
}
