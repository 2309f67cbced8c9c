/**
 * Runs the public checks on every save, in a child process (grade-child.ts) that serves save after
 * save: each save's files are imported afresh, and a newer save abandons the run going on at its
 * next check. The child is killed only when a check outlives its time limit, when it does not let
 * go of a stale run within CANCEL_GRACE_MS, or after RUNS_PER_CHILD saves (the old modules stay in
 * its memory); then a spare child, started in advance with the grader already imported, takes over
 * at once, and another spare starts.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ExerciseId } from '../core/contract.js';
import { EXERCISES, exerciseModule } from '../exercises/registry.js';
import type { Check } from '../checks/types.js';
import { studioChecks } from './studio-config.js';
import type { GraderConfig } from '../config/types.js';
import { infoOf } from '../run/run-check.js';
import type { CheckResult } from '../core/result.js';
import type { ExerciseResult } from '../core/result.js';
import type { Pictures, PictureSample } from '../outputs/html/pictures.js';
import type { FromChild, ToChild } from './protocol.js';
import type { Extras } from './studio-view.js';

export interface RunnerOptions {
  /** The student's folder (exercises/). */
  folder: string;
  /** The resolved config (studioConfig): which checks are public, their settings. */
  config: GraderConfig;
  /** A check that runs longer than this is stopped (an infinite loop?) and the run goes on without it. */
  checkTimeoutMs: number;
  /** A picture request that computes longer than this (CPU time, as a check) is stopped. */
  pictureTimeoutMs: number;
}

export interface RunnerEvents {
  runStart(run: number, order: ExerciseId[]): void;
  checkStart(run: number, exercise: ExerciseId, checkId: string): void;
  exercise(run: number, result: ExerciseResult, extras: Extras): void;
  runEnd(run: number, seconds: number): void;
}

const CHILD = fileURLToPath(new URL('./grade-child.ts', import.meta.url));
/** An exercise whose runtime asks for longer limits (one that loads TensorFlow.js) gets them here too. */
function checkTimeoutMs(base: number, exercise: ExerciseId): number {
  const limits = exerciseModule(exercise).runtime?.limits;
  return limits ? Math.max(base * limits.callTimeoutFactor, limits.minCallTimeoutMs) : base;
}
const LOAD_TIMEOUT_MS = 30_000;
/**
 * A check or a picture request is stopped when its process has computed for its time limit, or
 * waited for this many times the limit: on a machine busy with other work it gets a fraction of a
 * core and takes longer than its limit without being an infinite loop.
 */
const WALL_TIME_FACTOR = 5;
/** Linux's clock ticks per second for /proc/<pid>/stat (USER_HZ, 100 on every architecture Node runs on). */
const CLOCK_TICKS = 100;
/** How long a child may take to drop a stale run at its next check before the spare replaces it. */
const CANCEL_GRACE_MS = 400;
/** Saves one child serves before it is retired. */
const RUNS_PER_CHILD = 100;
/** What the student's code may print per exercise before the rest is cut. */
const OUTPUT_CAP = 4000;

class Child {
  readonly process: ChildProcess;
  readonly ready: Promise<boolean>;
  isReady = false;
  private listeners = new Set<(m: FromChild) => void>();
  private exitListeners = new Set<(why: string) => void>();
  exited?: string;
  printed = '';
  /** How many saves' files this child imported (each stays in its memory). */
  imports = 0;
  /** The save whose files it has: the last run or picture request sent. */
  version?: number;
  /** Grading a run (not yet 'graded'): a newer run must wait for it to let go. */
  busy = false;

  /** Counts an import when `version` is newer than the files the child has. */
  use(version: number): void {
    if (this.version !== version) this.imports++;
    this.version = version;
  }

  constructor(cwd: string) {
    this.process = fork(CHILD, [], {
      cwd,
      execArgv: ['--import', import.meta.resolve('tsx'), '--max-old-space-size=2048'],
      serialization: 'advanced',
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const keep = (chunk: Buffer) => {
      if (this.printed.length < OUTPUT_CAP) this.printed += chunk.toString('utf8');
    };
    this.process.stdout?.on('data', keep);
    this.process.stderr?.on('data', keep);
    this.process.on('message', (m: FromChild) => this.listeners.forEach((l) => l(m)));
    this.process.on('exit', (code, signal) => {
      this.exited = signal ? `stopped by ${signal}` : `exited with code ${code}`;
      this.exitListeners.forEach((l) => l(this.exited!));
    });
    this.process.on('error', () => undefined);
    this.ready = new Promise((resolve) => {
      this.on((m) => m.type === 'ready' && resolve((this.isReady = true)));
      this.onExit(() => resolve(false));
    });
  }

  on(listener: (m: FromChild) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onExit(listener: (why: string) => void): () => void {
    this.exitListeners.add(listener);
    return () => this.exitListeners.delete(listener);
  }

  send(m: ToChild): void {
    if (!this.exited) this.process.send(m);
  }

  /** What was printed since the last call (the student's console.log), capped. */
  takeOutput(): string {
    const text = this.printed.length > OUTPUT_CAP ? `${this.printed.slice(0, OUTPUT_CAP)}\n… (cut)` : this.printed;
    this.printed = '';
    return text;
  }

  kill(): void {
    if (!this.exited) this.process.kill('SIGKILL');
  }

  /** The CPU time this process has used, in seconds, where /proc says it (Linux); else undefined. */
  cpuSeconds(): number | undefined {
    try {
      // Fields after the command name (which may hold spaces): state is 3rd, utime 14th, stime 15th.
      const fields = readFileSync(`/proc/${this.process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    } catch {
      return undefined;
    }
  }
}

/**
 * Calls `expire` once `child` has computed for `ms` of CPU time from now, or waited WALL_TIME_FACTOR
 * times that (wall time stands in where /proc gives no CPU time); returns what stops the watch.
 */
function watch(child: Child, ms: number, expire: () => void): () => void {
  const wallStart = performance.now();
  const cpuStart = child.cpuSeconds();
  const timer = setInterval(() => {
    const cpu = cpuStart === undefined ? undefined : (child.cpuSeconds() ?? cpuStart) - cpuStart;
    const wall = performance.now() - wallStart;
    if ((cpu ?? wall / 1000) * 1000 < ms && wall < ms * WALL_TIME_FACTOR) return;
    clearInterval(timer);
    expire();
  }, Math.min(250, ms / 4));
  return () => clearInterval(timer);
}

export class Runner {
  private warm?: Child;
  /** The child running the checks. */
  private active?: Child;
  /**
   * The child answering picture requests (sliders, a dropped picture) with the files of the latest
   * save: one of its own, so that a slow picture never stops a run of the checks, nor a run a picture.
   */
  private picturer?: Child;
  private run = 0;
  private pictureId = 0;
  /** Stops the timers and listeners of the run going on, when a newer save takes its child. */
  private abandon?: () => void;
  private readonly checks: Check[];
  /** The exercises with checks to run, in the lecture's order. */
  readonly exercises: ExerciseId[];

  constructor(
    private readonly options: RunnerOptions,
    private readonly events: RunnerEvents,
  ) {
    this.checks = studioChecks(options.config);
    this.exercises = EXERCISES.filter((e) => this.checks.some((c) => c.exercise === e));
  }

  /** Starts a child in advance, so that the first save is answered as fast as the others. */
  prepare(): void {
    this.warm ??= new Child(process.cwd());
  }

  /** The child started in advance, replaced at once by another for the next taker. */
  private take(): Child {
    const child = this.warm ?? new Child(process.cwd());
    this.warm = new Child(process.cwd());
    return child;
  }

  /** Grades every exercise with public checks, `first` first; a run already going is abandoned. */
  async grade(first: readonly ExerciseId[] = []): Promise<void> {
    const run = ++this.run;
    this.abandon?.();
    const order = [...first, ...this.exercises.filter((e) => !first.includes(e))].filter((e) => this.exercises.includes(e));
    // An exercise whose code builds a model loads TensorFlow.js: it goes last, so the others are not kept waiting.
    const slow = (e: ExerciseId) => Number(exerciseModule(e).runtime !== undefined);
    order.sort((a, b) => slow(a) - slow(b));
    const started = performance.now();
    this.events.runStart(run, order);
    let left = order;
    while (left.length > 0 && run === this.run) left = await this.gradeIn(run, left);
    if (run !== this.run) return;
    this.events.runEnd(run, (performance.now() - started) / 1000);
  }

  /** The child for the next run: the one that ran the last, unless it died or served its share of saves. */
  private childForRun(): Child {
    const active = this.active;
    if (active && !active.exited && active.imports < RUNS_PER_CHILD) return active;
    active?.kill();
    return (this.active = this.take());
  }

  /** Grades `order` in one child; returns the exercises left when the child had to be stopped. */
  private async gradeIn(run: number, order: ExerciseId[]): Promise<ExerciseId[]> {
    const child = this.childForRun();
    const stale = child.busy;
    child.use(run);
    child.busy = true;
    const done = new Set<ExerciseId>();
    let current: { exercise: ExerciseId; checkId: string } | undefined;
    let unwatch: (() => void) | undefined;
    let grace: NodeJS.Timeout | undefined;
    let replacing = false;
    const outcome = await new Promise<{ stopped?: string; timedOut?: boolean; replaced?: boolean }>((resolve) => {
      const finish = (r: { stopped?: string; timedOut?: boolean; replaced?: boolean }) => {
        unwatch?.();
        clearInterval(grace);
        off();
        offExit();
        if (this.abandon === abandon) this.abandon = undefined;
        resolve(r);
      };
      const abandon = () => finish({});
      this.abandon = abandon;
      const arm = () => {
        unwatch?.();
        // Until the first check starts, the child is importing the student's files; the CNN's
        // check starts TensorFlow.js first, which alone can take seconds.
        const ms = !current ? LOAD_TIMEOUT_MS : checkTimeoutMs(this.options.checkTimeoutMs, current.exercise);
        const what = current ? 'did not finish' : 'did not start: importing your files did not finish';
        unwatch = watch(child, ms, () => {
          finish({ stopped: `${what} within ${ms / 1000} s (an infinite loop?); the studio stopped it`, timedOut: true });
          child.kill();
        });
      };
      const off = child.on((m) => {
        if (m.type === 'pictures' || m.type === 'ready' || m.run !== run) return;
        clearInterval(grace);
        if (m.type === 'started') {
          child.takeOutput(); // what the abandoned run printed is not this run's
        } else if (m.type === 'check-start') {
          current = { exercise: m.exercise, checkId: m.checkId };
          this.events.checkStart(run, m.exercise, m.checkId);
          arm();
        } else if (m.type === 'exercise') {
          done.add(m.result.exercise);
          const output = child.takeOutput();
          this.events.exercise(run, { ...m.result, output: output || m.result.output }, { pictures: m.pictures, model: m.model, gradients: m.gradients });
        } else if (m.type === 'graded') {
          child.busy = false;
          finish({});
        }
      });
      const offExit = child.onExit((why) => finish(replacing ? { replaced: true } : { stopped: `stopped the process running it (${why}): did your code call process.exit or run out of memory?` }));
      void child.ready.then((ok) => {
        if (!ok || run !== this.run) return;
        child.send({ type: 'grade', run, folder: this.options.folder, order, config: this.options.config });
        arm();
        // A child busy with a stale run drops it at its next check; one stuck in a long check is
        // replaced by the spare, once the spare is up (waiting for a spare to start costs more).
        if (stale) {
          const since = performance.now();
          grace = setInterval(() => {
            if (performance.now() - since < CANCEL_GRACE_MS || !this.warm?.isReady) return;
            replacing = true;
            child.kill();
          }, 100);
        }
      });
    });
    if (outcome.replaced) return order;
    if (run !== this.run || !outcome.stopped) return [];
    // The check that was running when the child stopped is the culprit; the exercise's other
    // checks are reported as not run, and the remaining exercises go on in a fresh child.
    const stuck = current && !done.has(current.exercise) ? current : { exercise: order.find((e) => !done.has(e))!, checkId: '' };
    this.events.exercise(run, this.stoppedResult(stuck.exercise, stuck.checkId, outcome.stopped, outcome.timedOut === true, child.takeOutput()), {});
    done.add(stuck.exercise);
    return order.filter((e) => !done.has(e));
  }

  /** The result of an exercise whose child was stopped during `checkId`. */
  private stoppedResult(exercise: ExerciseId, checkId: string, why: string, timedOut: boolean, output: string): ExerciseResult {
    const own = this.checks.filter((c) => c.exercise === exercise);
    const at = Math.max(0, own.findIndex((c) => c.id === checkId));
    const checks: CheckResult[] = own.map((c, i) => ({
      check: infoOf(c),
      status: i === at && timedOut ? 'timed-out' : 'errored',
      score: 0,
      seconds: 0,
      verdict: {
        status: 'errored',
        message: i < at ? 'not shown: the run of this exercise was stopped' : i === at ? `This check ${why}.` : `not run: an earlier check of ${exercise} was stopped`,
      },
    }));
    return { exercise, score: 0, maxScore: own.reduce((s, c) => s + c.points, 0), checks, output: output || undefined };
  }

  /** The student's filters and augmentations (and the reference's) on these samples. */
  async pictures(samples: PictureSample[]): Promise<Pictures | { error: string }> {
    if (!this.picturer || this.picturer.exited || this.picturer.imports >= RUNS_PER_CHILD) {
      this.picturer?.kill();
      this.picturer = this.take();
    }
    // The files of the latest save (imported afresh by the child when they are newer than its own).
    const version = this.run;
    this.picturer.use(version);
    const id = ++this.pictureId;
    const target = this.picturer;
    return new Promise((resolve) => {
      let unwatch: (() => void) | undefined;
      const finish = (r: Pictures | { error: string }) => {
        unwatch?.();
        off();
        offExit();
        resolve(r);
      };
      const off = target.on((m) => m.type === 'pictures' && m.id === id && finish(m.pictures));
      const offExit = target.onExit((why) => finish({ error: `the process running your code ${why}` }));
      void target.ready.then(() => {
        // The limit starts once the child is up: starting Node and the grader is not the student's time.
        unwatch = watch(target, this.options.pictureTimeoutMs, () => {
          finish({ error: `your code did not finish on this picture within ${this.options.pictureTimeoutMs / 1000} s (an infinite loop?); the studio stopped it` });
          target.kill();
        });
        target.send({ type: 'pictures', id, version, folder: this.options.folder, samples });
      });
    });
  }

  close(): void {
    this.run++;
    for (const child of [this.warm, this.active, this.picturer]) child?.kill();
  }
}
