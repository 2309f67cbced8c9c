/**
 * `npm run train [folder]`: the course grader's training, on the student's machine. It runs the
 * grader's own checks of the exercise that trains a network (the config's, with its seed, limits,
 * backend and thresholds: in a release, the instructor's config at release time) through the
 * same pipeline as `grade`, with the student's code in this process (their code on their
 * machine), draws a progress bar per epoch and prints the test accuracy, the points and the report.
 *
 *   npm run train -- [folder] [--out DIR] [--train-samples N] [--test-samples N] [--backend auto|node|wasm|cpu] [--config FILE]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { GradeResult } from '../core/result.js';
import type { GraderConfig } from '../config/types.js';
import { loadGraderConfig } from '../run/load-config.js';
import { describeFailure, UserError } from '../core/user-error.js';
import { selectChecks } from '../exercises/select-checks.js';
import { existsSync, statSync } from 'node:fs';
import { EXERCISE_MODULES, EXERCISES, RUNTIMES } from '../exercises/registry.js';
import { gradeSubmission } from '../run/grade-submission.js';
import { loadInProcess, type Modules } from '../run/load-in-process.js';
import { installHangGuard } from '../run/hang-guard.js';
import { openOutputFolder } from '../core/folders.js';
import { outputsFor, writeOutputs } from '../outputs/index.js';
import { formatCheckText } from '../feedback/format-text.js';
import { onTrainingProgress } from '../ml/progress.js';
import { progressLine } from './progress-line.js';

export interface TrainCommandOptions {
  submission: string;
  out: string;
  config: GraderConfig;
  log: (line: string) => void;
  /** Where the progress bar is drawn; redrawn in place when it is a terminal. */
  progress?: { write(text: string): void; isTTY?: boolean };
}

export interface TrainOutcome {
  result: GradeResult;
  /** The training check's verdict in numbers; absent when the model never trained (refused, missing). */
  accuracy?: number;
  points: { earned: number; of: number };
  report: string;
}

/** The grader's checks of the exercises that train a network (their model accepted, then its accuracy). */
export function trainingChecks(config: GraderConfig) {
  const trained = EXERCISE_MODULES.filter((m) => m.trains).map((m) => m.id);
  return selectChecks(config, { visibility: 'all', only: trained });
}

export async function trainCommand(o: TrainCommandOptions): Promise<TrainOutcome> {
  const checks = trainingChecks(o.config);
  if (checks.length === 0) throw new Error('this grader has no training check');
  const stop = onTrainingProgress((p) => {
    const line = progressLine(p);
    if (o.progress?.isTTY) o.progress.write(`\r${line}${p.batch === p.batches ? '\n' : ''}`);
    else if (p.batch === p.batches) o.progress?.write(`${line}\n`);
  });
  let result: GradeResult;
  try {
    result = await gradeSubmission(o.submission, o.config, {
      checks,
      isolation: 'in-process',
      modules: await studentModules(o.submission, new Set(checks.map((c) => c.exercise))),
      pictures: false,
      environment: { checks: 'training' },
      log: o.log,
      onCheck: (r) => o.log(formatCheckText(r).split('\n')[0]),
    });
  } finally {
    stop();
  }
  await writeOutputs(result, o.out, outputsFor('gradescope', ['html']));
  const trained = result.exercises.flatMap((e) => e.checks).filter((c) => c.check.kind === 'training');
  const artifact = trained[0]?.verdict.status !== 'errored' ? (trained[0]?.verdict.artifacts?.training as { testAccuracy?: number } | undefined) : undefined;
  return {
    result,
    accuracy: artifact?.testAccuracy,
    points: { earned: sum(trained.map((c) => c.score)), of: sum(trained.map((c) => c.check.points)) },
    report: path.join(o.out, 'report.html'),
  };
}

/**
 * The folder's exercise files, imported here: those trained as the grader does (a file that does
 * not load fails), the others where they load (the training report moves digits with the
 * student's own augmentations when they pass their checks).
 */
async function studentModules(folder: string, trained: ReadonlySet<string>): Promise<Modules> {
  const dir = path.resolve(folder);
  if (!existsSync(dir)) throw new UserError('E_NO_FOLDER', `the submission folder ${dir} does not exist`);
  if (!statSync(dir).isDirectory()) throw new UserError('E_NO_FOLDER', `${dir} is not a folder`);
  const modules: Modules = {};
  for (const exercise of EXERCISES) {
    const load = loadInProcess(dir, [exercise]).catch((e: unknown) => {
      if (!trained.has(exercise)) return {};
      throw new UserError('E_NO_EXERCISE_FILE', `${path.join(folder, exercise)}.ts does not load: ${String(e instanceof Error ? e.message : e).split('\n').filter(Boolean).slice(0, 2).join(' ')}`);
    });
    Object.assign(modules, await load);
  }
  return modules;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

const USAGE = 'npm run train -- [folder] [--out DIR] [--train-samples N] [--test-samples N] [--backend auto|node|wasm|cpu] [--config FILE]';

function wholeNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UserError('E_USAGE', `--${name} must be a whole number ≥ 1, got '${value}'`);
  return n;
}

const BACKENDS = ['auto', 'node', 'wasm', 'cpu'] as const;

async function main(argv: string[]): Promise<number> {
  const log = (line: string) => process.stdout.write(line + '\n');
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          out: { type: 'string' },
          'train-samples': { type: 'string' },
          'test-samples': { type: 'string' },
          backend: { type: 'string' },
          config: { type: 'string' },
        },
      });
    } catch (e) {
      throw new UserError('E_USAGE', `${(e as Error).message.split('\n')[0]}; usage: ${USAGE}`);
    }
    const { values, positionals } = parsed;
    if (positionals.length > 1) throw new UserError('E_USAGE', `one folder at most, got ${positionals.join(' ')}; usage: ${USAGE}`);
    const backend = values.backend as (typeof BACKENDS)[number] | undefined;
    if (backend !== undefined && !BACKENDS.includes(backend)) throw new UserError('E_USAGE', `--backend must be one of ${BACKENDS.join(', ')}, got '${backend}'`);
    const config = await loadGraderConfig(values.config, {
      backend,
      trainSamples: wholeNumber('train-samples', values['train-samples']),
      testSamples: wholeNumber('test-samples', values['test-samples']),
    });
    const submission = positionals[0] ?? 'exercises';
    // The student's files run in this thread: an endless loop in one ends the run with a word.
    installHangGuard(config.sandbox.callTimeoutMs, RUNTIMES, 'npm run train');
    // Tried before minutes of training: a --out that cannot take files is one line now.
    const out = openOutputFolder(values.out ?? path.join('reports', 'train'), '--out');
    const { full, zero } = { full: config.training.fullPointsAccuracy, zero: config.training.zeroPointsAccuracy };
    log(`Training ${submission} as the course grader does (full points at ${pct(full)} test accuracy, none at or below ${pct(zero)})`);
    const outcome = await trainCommand({ submission, out, config, log, progress: process.stdout });
    log('');
    log(outcome.accuracy === undefined ? 'Test accuracy: not measured (the model did not train: see above)' : `Test accuracy: ${pct(outcome.accuracy)}`);
    log(`Points: ${round(outcome.points.earned)} / ${outcome.points.of}`);
    log(`Report: ${outcome.report}`);
    return 0;
  } catch (e) {
    const failure = describeFailure(e);
    process.stderr.write(`train: ${failure.text}\n`);
    return failure.exitCode;
  }
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const round = (x: number) => Math.round(x * 100) / 100;

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  process.exitCode = await main(process.argv.slice(2));
}
