import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExerciseId } from '../grader/core/contract.js';
import { resolveConfig } from '../grader/config/resolve.js';
import { runBatch } from '../grader/batch/run-batch.js';

export interface BatchFigure {
  jobs: number;
  submissions: number;
  seconds: number;
  perMinute: number;
  errors: number;
}

const EXERCISES: ExerciseId[] = ['convolution', 'convolution2d', 'filters', 'augment', 'layers', 'parameters'];
const SOLUTIONS = path.resolve(import.meta.dirname, '../solutions');

/** A change to one solution file that makes a typical student submission. */
interface Variant {
  name: string;
  edit?: { file: ExerciseId; from: string | RegExp; to: string };
  remove?: ExerciseId;
}

const VARIANTS: Variant[] = [
  { name: 'correct' },
  { name: 'no-flip', edit: { file: 'convolution', from: 'long[i] * short[k - i]', to: 'long[i] * short[n - 1 - (k - i)]' } },
  { name: 'slide-divisor', edit: { file: 'convolution', from: 'fill(1 / width)', to: 'fill(1 / Math.max(1, width - 1))' } },
  { name: 'missing-file', remove: 'augment' },
  // Hostile: an endless loop when the module loads (the sandbox's load timeout stops it).
  { name: 'hostile', edit: { file: 'filters', from: /^/, to: 'while (true) {}\n' } },
];

/**
 * Generates a class of submissions (copies of the reference: correct, buggy, a missing file,
 * hostile) and grades it with `runBatch` on the non-training exercises, with 1 and 2 workers,
 * under the default config. Returns submissions per minute for each.
 */
export async function benchBatch(options: { perVariant?: number; jobs?: number[] } = {}): Promise<BatchFigure[]> {
  const perVariant = options.perVariant ?? 2;
  const root = mkdtempSync(path.join(os.tmpdir(), 'bench-batch-'));
  const dir = path.join(root, 'class');
  try {
    let n = 0;
    for (let copy = 0; copy < perVariant; copy++) {
      for (const v of VARIANTS) writeSubmission(path.join(dir, `${String(++n).padStart(3, '0')}-${v.name}`), v);
    }
    const figures: BatchFigure[] = [];
    for (const jobs of options.jobs ?? [1, 2]) {
      const started = performance.now();
      const summary = await runBatch({ dir, out: path.join(root, `out-${jobs}`), jobs, only: EXERCISES, format: 'gradescope', config: resolveConfig(), visibility: 'all', progress: null });
      const seconds = (performance.now() - started) / 1000;
      figures.push({ jobs, submissions: summary.total, seconds: Math.round(seconds * 10) / 10, perMinute: Math.round((summary.total / seconds) * 60 * 10) / 10, errors: summary.errors });
    }
    return figures;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function writeSubmission(dir: string, v: Variant): void {
  mkdirSync(dir, { recursive: true });
  for (const x of EXERCISES) {
    if (x === v.remove) continue;
    const from = path.join(SOLUTIONS, `${x}.ts`);
    if (v.edit?.file !== x) {
      copyFileSync(from, path.join(dir, `${x}.ts`));
      continue;
    }
    const source = readFileSync(from, 'utf8');
    const edited = source.replace(v.edit.from, v.edit.to);
    if (edited === source) throw new Error(`benchBatch: the '${v.name}' edit no longer applies to solutions/${x}.ts`);
    writeFileSync(path.join(dir, `${x}.ts`), edited);
  }
}
