/** Helpers shared by the LMS deployment tests: submissions as students upload them. */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { makeZip as zip } from '../batch/zip-writer.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const run = promisify(execFile);

/** The reference's files, except cnn.ts when `withCnn` is false. */
export function referenceFiles(withCnn: boolean): Map<string, string> {
  const names = ['convolution', 'convolution2d', 'filters', 'augment', 'layers', 'parameters', ...(withCnn ? ['cnn'] : [])];
  return new Map(names.map((n) => [`${n}.ts`, readFileSync(path.join(ROOT, 'solutions', `${n}.ts`), 'utf8')]));
}

/** The reference with convolve made a cross-correlation: the kernel is not flipped. */
export function flippedKernel(files: Map<string, string>): Map<string, string> {
  const convolution = files.get('convolution.ts')!;
  const flipped = convolution.replace(/^export function convolve\(/m, 'function trueConvolve(') +
    "\nexport function convolve(a: number[], v: number[], mode: Mode = 'full'): number[] {\n  return trueConvolve(a, [...v].reverse(), mode);\n}\n";
  if (flipped === convolution + '\n') throw new Error('solutions/convolution.ts has no `export function convolve(`');
  return new Map([...files, ['convolution.ts', flipped]]);
}

export type UploadShape = 'flat' | 'folder' | 'repository zip';

/**
 * Writes `files` into `dir` as a student uploads them: at the top; in a folder; or as the zip
 * GitHub makes of a repository (`cnn-exercises-main/exercises/*.ts` beside its package.json).
 */
export function writeUpload(dir: string, shape: UploadShape, files: Map<string, string>): void {
  mkdirSync(dir, { recursive: true });
  if (shape === 'repository zip') {
    const entries = [...files].map(([name, text]) => ({ name: `cnn-exercises-main/exercises/${name}`, data: Buffer.from(text) }));
    entries.push({ name: 'cnn-exercises-main/package.json', data: Buffer.from('{"name":"cnn-exercises"}\n') });
    writeFileSync(path.join(dir, 'cnn-exercises-main.zip'), zip(entries));
    return;
  }
  const into = shape === 'flat' ? dir : path.join(dir, 'my-homework');
  mkdirSync(into, { recursive: true });
  for (const [name, text] of files) writeFileSync(path.join(into, name), text);
}
