import { createHash } from 'node:crypto';
import { existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ExerciseId } from '../core/contract.js';
import { openOutputFolder } from '../core/folders.js';
import { EXERCISES, exerciseModule } from '../exercises/registry.js';
import { selectExercises, type Selection } from '../run/homework.js';
import type { GraderConfig } from '../config/types.js';
import { availableCores, threadsPerWorker, TRAINING_THREADS_ENV } from '../ml/threads.js';
import type { OutputName } from '../outputs/index.js';
import { TRAINING_CACHE_ENV } from '../ml/training-cache.js';
import { findSubmissions, RESERVED_NAMES, type Layout } from './find-submissions.js';
import { checkRoster, type RosterOptions } from './gradebooks/write-lms-gradebooks.js';
import { runPool } from './pool.js';
import { acquireBatchLock } from './batch-lock.js';
import { BatchStopped, stopOnSignals, type StopWatch } from './stop-on-signal.js';
import { createProgress } from './progress.js';
import { errorRecord, readRecord, removeRecord, writeRecord, type BatchRecord } from './record.js';
import { takeShard, type Shard } from './shard.js';
import { sourceHash } from './source-hash.js';
import { EXPORT_UNZIP_LIMITS, unzipSafely } from '../intake/unzip.js';
import { canonicalJson } from '../ml/training-cache.js';
import { writeClassOutputs, type ClassOutputs } from './write-class-outputs.js';
import type { FromWorker, GradeJob } from './worker-protocol.js';

export interface BatchOptions {
  /** The submissions: a folder (one folder or .zip per student, or an LMS's export unpacked) or an LMS's export .zip. */
  dir: string;
  /** Output folder; default `reports/<name of dir>`. */
  out?: string;
  jobs?: number;
  force?: boolean;
  /** Grade again the submissions whose earlier run ended in an error row. */
  retryErrors?: boolean;
  shard?: Shard;
  /** Wall-clock limit per submission; default from the config (see `defaultTimeoutMs`). */
  timeoutMs?: number;
  only?: ExerciseId[];
  /** The exercises to grade (a homework of the config, or `only`); default: from `only`. */
  selection?: Selection;
  format: OutputName;
  config: GraderConfig;
  visibility: 'public' | 'all';
  /** Where progress goes (default stderr); `null` for none. */
  progress?: NodeJS.WriteStream | null;
  /** The LMS's roster: write its gradebook (Canvas, Moodle) and unmatched.csv. */
  roster?: RosterOptions;
}

export interface BatchSummary {
  outDir: string;
  /** The export's shape: canvas, gradescope, moodle, classroom, or folders (one per student). */
  layout: Layout;
  /** The exercises graded, and the homework of the config they make up. */
  selection: Selection;
  total: number;
  graded: number;
  skipped: number;
  errors: number;
  records: BatchRecord[];
  outputs: ClassOutputs;
  seconds: number;
  /** How the machine was shared: worker processes × training threads each ≤ cores. */
  parallelism: { workers: number; threadsPerWorker: number; cores: number };
}

const WORKER = path.resolve(import.meta.dirname, 'worker.ts');

/**
 * Grades every submission in a folder on a pool of worker processes, writing each result as
 * soon as it is done, then the gradebook and the class summary. A rerun skips the submissions
 * already graded with the same settings and the same files (unless `force`): a killed batch
 * resumes where it stopped.
 */
export async function runBatch(o: BatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const input = path.resolve(o.dir);
  const isZip = existsSync(input) && statSync(input).isFile() && /\.zip$/i.test(input);
  if (!existsSync(input) || !(isZip || statSync(input).isDirectory())) {
    const { CannotGrade } = await import('../run/grade-submission.js');
    throw new CannotGrade(`the submissions ${input} do not exist, or are neither a folder nor a .zip export`);
  }
  if (o.roster) checkRoster(o.roster);
  const name = path.basename(input).replace(/\.zip$/i, '');
  const outDir = openOutputFolder(o.out ?? path.join('reports', name), '--out');
  const lock = acquireBatchLock(outDir);
  const stop = stopOnSignals();
  try {
    return await gradeClass(o, { input, isZip, name, outDir, started, stop });
  } finally {
    stop.dispose();
    lock.release();
  }
}

async function gradeClass(
  o: BatchOptions,
  { input, isZip, name, outDir, started, stop }: { input: string; isZip: boolean; name: string; outDir: string; started: number; stop: StopWatch },
): Promise<BatchSummary> {
  const dir = isZip ? await unpackExport(input, outDir) : input;
  const found = findSubmissions(dir, [outDir]);
  let sources = found.sources;
  if (o.shard) sources = takeShard(sources, o.shard, (s) => s.student);
  const selection = o.selection ?? selectExercises(o.config, { only: o.only });
  const only = selection.exercises.length === EXERCISES.length ? undefined : selection.exercises;
  const settings = settingsKey({ ...o, only });
  const records = new Map<string, BatchRecord>();
  const jobs: GradeJob[] = [];
  let reused = 0;
  for (const source of sources) {
    const studentDir = path.join(outDir, source.student);
    const base = { student: source.student, source: { kind: source.kind, name: path.basename(source.path), sha256: '' }, settings, selection, identities: source.identities };
    if (RESERVED_NAMES.has(source.student.toLowerCase())) {
      records.set(source.student, errorRecord(base, `'${source.student}' is a name the batch uses for its own files; rename the submission`, o.config.seed, 0));
      continue;
    }
    if (source.kind === 'orphan') {
      // A file of the export that belongs to nobody: a row that says so, kept on disk for `merge`.
      const record = errorRecord(base, source.problem ?? 'belongs to no student', o.config.seed, 0);
      writeRecord(studentDir, record);
      records.set(source.student, record);
      continue;
    }
    const sha256 = sourceHash(source);
    const previous = readRecord(studentDir);
    const reusable = previous && previous.settings === settings && previous.source.sha256 === sha256 && !(o.retryErrors && previous.status === 'error');
    if (reusable && !o.force) {
      records.set(source.student, { ...previous, selection });
      reused++;
      continue;
    }
    // The marker goes first: a batch killed while regrading never shows an old "done" beside new files.
    removeRecord(studentDir);
    jobs.push({ id: source.student, source, sha256, settings, outDir: studentDir, only, format: o.format, config: o.config, visibility: o.visibility });
  }
  // Rows that need no grading (files of the export that belong to nobody) are neither done nor to do.
  const progress = o.progress === null ? undefined : createProgress({ total: jobs.length + reused, skipped: reused, stream: o.progress ?? process.stderr });
  const timeoutMs = o.timeoutMs ?? defaultTimeoutMs(o.config, only);
  const cores = availableCores();
  const workers = Math.max(1, Math.min(o.jobs ?? cores, jobs.length));
  const parallelism = { workers, threadsPerWorker: threadsPerWorker(workers, cores), cores };
  await runPool(
    jobs,
    {
      workerFile: WORKER, jobs: workers, timeoutMs, recycleAfter: 25, signal: stop.signal,
      env: { [TRAINING_CACHE_ENV]: trainingCacheDir(outDir), [TRAINING_THREADS_ENV]: String(parallelism.threadsPerWorker) },
    },
    (job, outcome, seconds) => {
      const base = { student: job.source.student, source: { kind: job.source.kind, name: path.basename(job.source.path), sha256: job.sha256 }, settings, selection, identities: job.source.identities };
      const message = outcome.ok ? (outcome.value as FromWorker) : undefined;
      const record =
        message?.type === 'done'
          ? { ...message.record, selection }
          : errorRecord(base, outcome.ok ? 'the worker answered nothing usable' : outcome.error, o.config.seed, seconds);
      writeRecord(job.outDir, record);
      records.set(job.source.student, record);
      progress?.done(job.source.student, record.status === 'graded' ? `${record.score}/${record.maxScore}` : `error: ${record.error}`);
    },
  );
  progress?.finish();
  const stopped = stop.stopped();
  if (stopped) {
    const done = sources.filter((s) => records.has(s.student) && records.get(s.student)!.source.kind !== 'orphan').length;
    const students = sources.filter((s) => s.kind !== 'orphan').length;
    throw new BatchStopped(
      `stopped by ${stopped.why}: ${done} of ${students} submissions graded (${done - reused} in this run), ${students - done} still to grade; ` +
        `the gradebook and summary were not written. Run the same command again to go on: what is graded is kept`,
      stopped.exitCode,
    );
  }
  const all = sources.map((s) => records.get(s.student)!).filter(Boolean);
  const title = `${name}${o.shard ? ` (shard ${o.shard.index}/${o.shard.count})` : ''}`;
  const outputs = await writeClassOutputs(outDir, title, all, new Map(all.map((r) => [r.student, path.join(outDir, r.student)])), { roster: o.roster });
  return {
    outDir,
    layout: found.layout,
    selection,
    total: sources.length,
    graded: jobs.length,
    skipped: reused,
    errors: all.filter((r) => r.status === 'error').length,
    records: all,
    outputs,
    seconds: (performance.now() - started) / 1000,
    parallelism,
  };
}

/**
 * An LMS's export .zip, unpacked (with the class-sized limits, through the same guards as a
 * student's zip) into `<out>/.export/`, fresh on every run: a rerun finds the same files, so the
 * students already graded are skipped.
 */
async function unpackExport(zip: string, outDir: string): Promise<string> {
  const dest = path.join(outDir, '.export');
  rmSync(dest, { recursive: true, force: true });
  await unzipSafely(zip, dest, EXPORT_UNZIP_LIMITS);
  return dest;
}

/**
 * Where the workers share trained CNNs: `GRADER_TRAINING_CACHE` when the caller set it (the shards
 * of a class on one shared disk, or the folder a CI cache restores), else `<out>/.cache/training`.
 */
export function trainingCacheDir(outDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return env[TRAINING_CACHE_ENV] ? path.resolve(env[TRAINING_CACHE_ENV]) : path.join(outDir, '.cache', 'training');
}

/** What decides a result besides the submission: a change regrades without --force (naming homeworks does not). */
function settingsKey(o: BatchOptions): string {
  const { homeworks: _names, ...config } = o.config;
  const parts = { only: o.only ? [...o.only].sort() : [...EXERCISES], visibility: o.visibility, format: o.format, config };
  return createHash('sha256').update(canonicalJson(parts)).digest('hex').slice(0, 16);
}

/**
 * Every exercise's budget in the sandbox, plus training when an exercise that trains is graded, plus a minute to
 * start: a submission that exceeds it is stuck in the grader itself.
 */
export function defaultTimeoutMs(config: GraderConfig, only?: readonly ExerciseId[]): number {
  const exercises = only ?? EXERCISES;
  const training = exercises.some((e) => exerciseModule(e).trains) ? config.training.limits.maxSeconds * 1000 : 0;
  return exercises.length * config.sandbox.exerciseTimeoutMs + training + 60_000;
}
