import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { EXERCISES } from '../../exercises/registry.js';
import { tokenize } from './tokenize.js';
import { DEFAULT_WINNOW, winnow, type WinnowOptions } from './winnow.js';

/** One source file's fingerprints: [hash, first line, last line] of each selected k-gram. */
export interface FilePrint {
  prints: [number, number, number][];
  /** The file's lines, to show matching regions (capped). */
  lines: string[];
}

/** A submission's fingerprints, by exercise file name (`convolution.ts`). */
export type SubmissionPrint = Record<string, FilePrint>;

const MAX_FILE_BYTES = 512 * 1024;
const MAX_LINES = 5_000;

export function fingerprintSource(source: string, options: WinnowOptions = DEFAULT_WINNOW): FilePrint {
  const tokens = tokenize(source);
  const kinds = tokens.map((t) => t.kind);
  const prints = winnow(kinds, options).map((f): [number, number, number] => [f.hash, tokens[f.start].line, tokens[f.start + options.k - 1].line]);
  return { prints, lines: source.split(/\r?\n/).slice(0, MAX_LINES).map((l) => l.slice(0, 300)) };
}

/** Fingerprints the exercise files (`<exercise>.ts|.js|.mjs`) of a folder; other files are not compared. */
export function fingerprintFolder(dir: string, options: WinnowOptions = DEFAULT_WINNOW): SubmissionPrint {
  const out: SubmissionPrint = {};
  for (const exercise of EXERCISES) {
    for (const ext of ['.ts', '.js', '.mjs']) {
      const file = path.join(dir, exercise + ext);
      if (!existsSync(file) || !statSync(file).isFile() || statSync(file).size > MAX_FILE_BYTES) continue;
      out[exercise + ext] = fingerprintSource(readFileSync(file, 'utf8'), options);
    }
  }
  return out;
}
