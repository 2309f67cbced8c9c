import { build } from 'esbuild';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExerciseId } from '../../grader/core/contract.js';
import { EXERCISES, exerciseModule } from '../../grader/exercises/registry.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where a mutant is declared: a module exporting `list`, an array of `{ id, exercise, apply(reference) }`. */
export interface MutantSource {
  /** Relative to the repository's root, e.g. grader/exercises/convolution/mistakes.ts. */
  readonly file: string;
  readonly list: string;
}

/**
 * Writes a submission folder holding one file, `<exercise>.mjs`: the reference with the mutant
 * applied, bundled into one self-contained module (tfjs left as an import, which the sandbox
 * allows), so that the sandbox grades it as it grades a student's file. The caller removes the folder.
 */
export async function writeMutantSubmission(source: MutantSource, id: string, exercise: ExerciseId): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cnn-mutant-'));
  // cnn pulls in tfjs and no mistake needs it: the reference is every other solution.
  const solutions = EXERCISES.filter((e) => e !== 'cnn');
  const entry = [
    ...solutions.map((e) => `import * as ${e} from ${JSON.stringify(path.join(ROOT, 'solutions', `${e}.ts`))};`),
    `import { ${source.list} as LIST } from ${JSON.stringify(path.join(ROOT, source.file))};`,
    `const REFERENCE = { ${solutions.join(', ')} };`,
    `const mutant = LIST.find((m) => m.id === ${JSON.stringify(id)});`,
    `if (!mutant) throw new Error(${JSON.stringify(`no mutant ${id} in ${source.file}`)});`,
    `const module = { ...REFERENCE[${JSON.stringify(exercise)}], ...mutant.apply(REFERENCE) };`,
    ...exerciseModule(exercise).exports.map((name) => `export const ${name} = module.${name};`),
  ].join('\n');
  const entryPath = path.join(dir, 'entry.ts');
  await writeFile(entryPath, entry);
  try {
    await build({ entryPoints: [entryPath], outfile: path.join(dir, `${exercise}.mjs`), bundle: true, format: 'esm', platform: 'node', external: ['@tensorflow/tfjs'], logLevel: 'error' });
  } finally {
    await rm(entryPath);
  }
  return dir;
}

/** Runs at most `size` tasks at once (each sandboxed grading is a child process). */
export function pool(size: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= size) await new Promise<void>((go) => waiting.push(go));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
