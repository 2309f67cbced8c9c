/**
 * Grading one submission, start to end: the one place the steps are written down. Every front
 * end calls `gradeSubmission` and only adapts its input and output: the `grade` command, the
 * batch worker, the student's `npm run grade` and `npm test`, and the self-tests.
 */
import path from 'node:path';
import type { ExerciseId } from '../core/contract.js';
import type { ExerciseRuntimes } from '../core/exercise-runtime.js';
import type { Submission } from '../core/submission.js';
import { assertSubmissionFolder } from '../core/cannot-grade.js';
import type { CheckResult, ExerciseResult, GradeResult } from '../core/result.js';
import type { GraderConfig } from '../config/types.js';
import { checkSettings } from '../config/per-check.js';
import type { Check } from '../checks/types.js';
import type { Mistake } from '../mistakes/types.js';
import { collectPictures } from '../outputs/html/pictures.js';
import { checksOf, EXERCISE_MODULES, RUNTIMES } from '../exercises/registry.js';
import { selectChecks } from '../exercises/select-checks.js';
import { REFERENCE } from '../exercises/reference.js';
import type { Reference } from '../core/reference.js';
import { runCheck } from './run-check.js';
import { inProcessSubmission } from './in-process-submission.js';
import { exerciseSourceFile, loadInProcess, type Modules } from './load-in-process.js';

/** A sandbox mode (see grader/sandbox/), or `in-process` for trusted code only: the reference, a student's own `npm test`. */
export type Isolation = GraderConfig['sandbox']['mode'] | 'in-process';

export interface GradeSubmissionOptions {
  /** Only these exercises. */
  only?: readonly ExerciseId[];
  /** `public`: only the checks students see (their local score). Default `all`. */
  visibility?: 'public' | 'all';
  /** The checks to run, instead of those the config selects (e.g. one check, or no training). */
  checks?: readonly Check[];
  /** Default: the config's sandbox mode. */
  isolation?: Isolation;
  /** In-process only: these modules instead of the folder's files (the catalogued mistakes are closures). */
  modules?: Modules;
  /** Shown in results; default the folder's name. */
  label?: string;
  /** Draw the exercises' pictures (their manifests' `pictures`) for report.html (default true). */
  pictures?: boolean;
  /** More entries for `result.environment`. */
  environment?: Record<string, string>;
  reference?: Reference;
  /** The catalogue to diagnose with (default: each exercise's own). */
  mistakes?: readonly Mistake[];
  /** Told after each check, e.g. to print progress. */
  onCheck?: (result: CheckResult) => void;
  /**
   * Abandons the grading between two checks (the studio after a newer save): the submission is
   * closed and the promise rejects with the signal's reason. Messages and timers get their turn
   * between checks.
   */
  signal?: AbortSignal;
  /** Told what the grading is about to do (sandbox, backend). */
  log?: (line: string) => void;
}

export { CannotGrade } from '../core/cannot-grade.js';

/**
 * Grades the submission in `folder`: opens it in the configured isolation, runs the checks,
 * makes the report's pictures while it is still open, closes it and returns one result with
 * every check's status and score.
 */
export async function gradeSubmission(folder: string, config: GraderConfig, options: GradeSubmissionOptions = {}): Promise<GradeResult> {
  const dir = path.resolve(folder);
  const label = options.label ?? path.basename(dir);
  if (!options.modules) assertSubmissionFolder(dir);
  const checks = options.checks ?? selectChecks(config, { only: options.only, visibility: options.visibility ?? 'all' });
  // The lecture's order, but an exercise that trains last: the grader's memory peaks while it
  // trains and after, with no child process beside it then.
  const modules = EXERCISE_MODULES.filter((m) => checks.some((c) => c.exercise === m.id)).sort((a, b) => Number(a.trains ?? false) - Number(b.trains ?? false));
  const exercises = modules.map((m) => m.id);
  const reference = options.reference ?? REFERENCE;
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const { submission, environment } = await open(dir, label, config, options, exercises);
  options.log?.(`Grading ${dir} (sandbox: ${environment.sandbox.split(' (')[0]})`);
  // The training backend (the wasm one compiles its kernels) starts only for a network there is to
  // train: a training exercise whose file is missing scores 0 without it.
  const present = (e: ExerciseId) => (options.modules ? options.modules[e] !== undefined : exerciseSourceFile(dir, e) !== undefined);
  if (modules.some((m) => m.trains && present(m.id))) {
    Object.assign(environment, await trainingBackend(config));
    options.log?.(`TensorFlow.js backend: ${environment.backend}`);
    if (environment.threads) options.log?.(`Training threads: ${environment.threads}`);
  }
  const results: ExerciseResult[] = [];
  let pictures: GradeResult['pictures'];
  const pictured = options.pictures === false ? [] : modules.filter((m) => m.pictures?.length);
  let picturesTaken = pictured.length === 0;
  const waitsForPictures = (e: ExerciseId) => !picturesTaken && pictured.some((m) => m.id === e);
  let held: ExerciseId[] = [];
  try {
    for (const module of modules) {
      const exercise = module.id;
      const own: CheckResult[] = [];
      const catalogue = { mistakes: options.mistakes ?? module.mistakes, probes: module.probes };
      for (const check of checks.filter((c) => c.exercise === exercise)) {
        if (options.signal) await new Promise((resolve) => setImmediate(resolve));
        options.signal?.throwIfAborted();
        const ctx = { exercise, submission, reference, checksOf, ...checkSettings(config, check.id) };
        const result = await runCheck(check, ctx, catalogue);
        own.push(result);
        options.onCheck?.(result);
      }
      const output = submission.output?.(exercise) || undefined;
      results.push({ exercise, title: module.title, slides: module.slides, score: sum(own.map((r) => r.score)), maxScore: sum(own.map((r) => r.check.points)), checks: own, output });
      held.push(exercise);
      // Pictures ask the live submission once its pictured exercises are checked, never after scoring.
      if (!picturesTaken && pictured.every((m) => held.includes(m.id))) {
        const operations = pictured.flatMap((m) => m.pictures ?? []);
        pictures = await collectPictures(submission, reference, { operations }).catch(() => undefined);
        picturesTaken = true;
      }
      // A checked (and pictured) exercise is not asked again: its child process need not sit
      // beside a training run, which happens in this process.
      await Promise.all(held.filter((e) => !waitsForPictures(e)).map((e) => submission.release?.(e)));
      held = held.filter(waitsForPictures);
    }
  } finally {
    await submission.close();
  }
  return {
    submission: label,
    startedAt,
    seconds: (performance.now() - started) / 1000,
    seed: config.seed,
    score: sum(results.map((e) => e.score)),
    maxScore: sum(results.map((e) => e.maxScore)),
    exercises: EXERCISE_MODULES.flatMap((m) => results.filter((r) => r.exercise === m.id)),
    environment: { node: process.version, ...environment, ...options.environment },
    pictures,
  };
}

// Computed paths and structural types: a student release ships neither the sandbox nor the
// training code, and its import closure (grader/release/closure.ts) follows every literal import.
const SANDBOX_MODULE = '../sandbox/' + 'index.js';
const BACKEND_MODULE = '../ml/' + 'backend.js';
interface SandboxModule {
  openSandboxedSubmission(dir: string, options: GraderConfig['sandbox'] & { label: string; runtimes: ExerciseRuntimes }): Promise<Submission & { sandbox: unknown }>;
  sandboxEnvironment(info: unknown): Record<string, string>;
}
interface BackendModule {
  initBackend(preference: GraderConfig['training']['backend']): Promise<{ name: string; detail: string; threads?: { count: number; reason: string } }>;
}

async function open(dir: string, label: string, config: GraderConfig, o: GradeSubmissionOptions, exercises: ExerciseId[]): Promise<{ submission: Submission; environment: Record<string, string> }> {
  const isolation = o.isolation ?? config.sandbox.mode;
  if (isolation === 'in-process') {
    const modules = o.modules ?? (await loadInProcess(dir, exercises));
    return { submission: inProcessSubmission(label, modules, RUNTIMES), environment: { sandbox: 'in-process (trusted code only: nothing is isolated)' } };
  }
  const sandbox = (await import(SANDBOX_MODULE)) as SandboxModule;
  const submission = await sandbox.openSandboxedSubmission(dir, { ...config.sandbox, mode: isolation, label, runtimes: RUNTIMES });
  return { submission, environment: sandbox.sandboxEnvironment(submission.sandbox) };
}

/** `backend` and, where the backend has a pool, `threads` (how many, and why) for result.environment. */
async function trainingBackend(config: GraderConfig): Promise<Record<string, string>> {
  const { initBackend } = (await import(BACKEND_MODULE)) as BackendModule;
  const backend = await initBackend(config.training.backend);
  const environment: Record<string, string> = { backend: `${backend.name} (${backend.detail})` };
  if (backend.threads) environment.threads = `${backend.threads.count} (${backend.threads.reason})`;
  return environment;
}

function sum(xs: number[]): number {
  return Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;
}
