import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExerciseId } from '../grader/core/contract.js';
import { resolveConfig } from '../grader/config/resolve.js';
import type { GraderConfig } from '../grader/config/types.js';
import { runBatch } from '../grader/batch/run-batch.js';

export interface BatchFigure {
  exercises: string;
  jobs: number;
  submissions: number;
  seconds: number;
  perMinute: number;
  /** Submissions per minute for each core the batch used (its jobs). */
  perMinutePerCore: number;
  errors: number;
}

const EXERCISES: ExerciseId[] = ['convolution', 'convolution2d', 'filters', 'augment', 'layers', 'parameters'];
const ALL: ExerciseId[] = [...EXERCISES, 'cnn'];
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
      figures.push(await timeBatch('six, no CNN', dir, path.join(root, `out-${jobs}`), jobs, EXERCISES, resolveConfig()));
    }
    return figures;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function timeBatch(exercises: string, dir: string, out: string, jobs: number, only: ExerciseId[], config: GraderConfig): Promise<BatchFigure> {
  const started = performance.now();
  const summary = await runBatch({ dir, out, jobs, only, format: 'gradescope', config, visibility: 'all', progress: null });
  const seconds = (performance.now() - started) / 1000;
  const perMinute = (summary.total / seconds) * 60;
  const round = (x: number, d = 10) => Math.round(x * d) / d;
  return { exercises, jobs, submissions: summary.total, seconds: round(seconds), perMinute: round(perMinute, 100), perMinutePerCore: round(perMinute / jobs, 100), errors: summary.errors };
}

/**
 * Grading with the CNN: every exercise, the CNN trained on all of MNIST (or `trainSamples`
 * digits), one job. Each submission's model trains with its own learning rate, so the training
 * cache (which trains a class of identical models once) cannot help: the worst case, every
 * student's model different.
 */
export async function benchBatchCnn(options: { submissions?: number; trainSamples?: number } = {}): Promise<BatchFigure> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'bench-batch-cnn-'));
  const dir = path.join(root, 'class');
  try {
    for (let i = 0; i < (options.submissions ?? 2); i++) {
      const rate = (0.004 + 0.0001 * i).toFixed(4);
      writeSubmission(path.join(dir, `cnn-${i}`), { name: 'cnn', edit: { file: 'cnn', from: /learningRate: [0-9.]+/, to: `learningRate: ${rate}` } }, ALL);
    }
    const config = resolveConfig(undefined, { trainSamples: options.trainSamples });
    const what = options.trainSamples ? `all seven, CNN on ${options.trainSamples} digits` : 'all seven, CNN on all of MNIST';
    return await timeBatch(what, dir, path.join(root, 'out'), 1, ALL, config);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function writeSubmission(dir: string, v: Variant, exercises: readonly ExerciseId[] = EXERCISES): void {
  mkdirSync(dir, { recursive: true });
  for (const x of exercises) {
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
