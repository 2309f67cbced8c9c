/**
 * Runs the public checks on every save, in a child process (grade-child.ts) that is killed when a
 * check outlives its time limit or a newer save arrives. One child is started in advance and
 * waits with the grader already imported, so a save costs only the student's files and the checks.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ExerciseId } from '../core/contract.js';
import { EXERCISES } from '../exercises/registry.js';
import { selectChecks } from '../exercises/select-checks.js';
import { DEFAULT_CONFIG } from '../config/defaults.js';
import { infoOf } from '../run/run-check.js';
import type { CheckResult } from '../core/result.js';
import type { ExerciseResult } from '../core/result.js';
import type { Pictures, PictureSample } from '../outputs/html/pictures.js';
import type { FromChild, ToChild } from './protocol.js';
import type { Extras } from './studio-view.js';

export interface RunnerOptions {
  /** The student's folder (exercises/). */
  folder: string;
  /** A check that runs longer than this is stopped (an infinite loop?) and the run goes on without it. */
  checkTimeoutMs: number;
  /** A picture request that takes longer than this is stopped. */
  pictureTimeoutMs: number;
}

export interface RunnerEvents {
  runStart(run: number, order: ExerciseId[]): void;
  checkStart(run: number, exercise: ExerciseId, checkId: string): void;
  exercise(run: number, result: ExerciseResult, extras: Extras): void;
  runEnd(run: number, seconds: number): void;
}

const CHILD = fileURLToPath(new URL('./grade-child.ts', import.meta.url));
const CNN_CHECK_TIMEOUT_MS = 60_000;
const LOAD_TIMEOUT_MS = 30_000;
/** What the student's code may print per exercise before the rest is cut. */
const OUTPUT_CAP = 4000;

class Child {
  readonly process: ChildProcess;
  readonly ready: Promise<boolean>;
  private listeners = new Set<(m: FromChild) => void>();
  private exitListeners = new Set<(why: string) => void>();
  exited?: string;
  printed = '';

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
      this.on((m) => m.type === 'ready' && resolve(true));
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
  private readonly checks = selectChecks(DEFAULT_CONFIG, { visibility: 'public' }).filter((c) => c.kind !== 'training');

  constructor(
    private readonly options: RunnerOptions,
    private readonly events: RunnerEvents,
  ) {}

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
    this.active?.kill();
    this.picturer?.kill();
    this.picturer = undefined;
    const order = [...first, ...EXERCISES.filter((e) => !first.includes(e))].filter((e) => this.checks.some((c) => c.exercise === e));
    // The CNN's check loads TensorFlow.js: it goes last, so the others are not kept waiting.
    order.sort((a, b) => Number(a === 'cnn') - Number(b === 'cnn'));
    const started = performance.now();
    this.events.runStart(run, order);
    let left = order;
    while (left.length > 0 && run === this.run) left = await this.gradeIn(run, left);
    if (run !== this.run) return;
    this.events.runEnd(run, (performance.now() - started) / 1000);
  }

  /** Grades `order` in one child; returns the exercises left when the child had to be stopped. */
  private async gradeIn(run: number, order: ExerciseId[]): Promise<ExerciseId[]> {
    // The next save's child starts now, so that a save during this run does not wait for one.
    const child = (this.active = this.take());
    const done = new Set<ExerciseId>();
    let current: { exercise: ExerciseId; checkId: string } | undefined;
    let timer: NodeJS.Timeout | undefined;
    const outcome = await new Promise<{ stopped?: string; timedOut?: boolean }>((resolve) => {
      const finish = (r: { stopped?: string; timedOut?: boolean }) => {
        clearTimeout(timer);
        off();
        offExit();
        resolve(r);
      };
      const arm = () => {
        clearTimeout(timer);
        // Until the first check starts, the child is importing the student's files; the CNN's
        // check starts TensorFlow.js first, which alone can take seconds.
        const ms = !current ? LOAD_TIMEOUT_MS : current.exercise === 'cnn' ? Math.max(this.options.checkTimeoutMs, CNN_CHECK_TIMEOUT_MS) : this.options.checkTimeoutMs;
        const what = current ? 'did not finish' : 'did not start: importing your files did not finish';
        timer = setTimeout(() => {
          finish({ stopped: `${what} within ${ms / 1000} s (an infinite loop?); the studio stopped it`, timedOut: true });
          child.kill();
        }, ms);
      };
      const off = child.on((m) => {
        if (run !== this.run) return finish({});
        if (m.type === 'check-start') {
          current = { exercise: m.exercise, checkId: m.checkId };
          this.events.checkStart(run, m.exercise, m.checkId);
          arm();
        } else if (m.type === 'exercise') {
          done.add(m.result.exercise);
          const output = child.takeOutput();
          this.events.exercise(run, { ...m.result, output: output || m.result.output }, { pictures: m.pictures, model: m.model, gradients: m.gradients });
        } else if (m.type === 'graded') {
          finish({});
        }
      });
      const offExit = child.onExit((why) => finish(run === this.run ? { stopped: `stopped the process running it (${why}): did your code call process.exit or run out of memory?` } : {}));
      void child.ready.then((ok) => {
        if (!ok) return;
        child.send({ type: 'grade', folder: this.options.folder, order });
        arm();
      });
    });
    clearTimeout(timer);
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
    if (!this.picturer || this.picturer.exited) this.picturer = this.take();
    const id = ++this.pictureId;
    const target = this.picturer;
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const finish = (r: Pictures | { error: string }) => {
        clearTimeout(timer);
        off();
        offExit();
        resolve(r);
      };
      const off = target.on((m) => m.type === 'pictures' && m.id === id && finish(m.pictures));
      const offExit = target.onExit((why) => finish({ error: `the process running your code ${why}` }));
      void target.ready.then(() => {
        // The time limit starts once the child is up: starting Node and the grader is not the student's time.
        timer = setTimeout(() => {
          finish({ error: `your code did not finish on this picture within ${this.options.pictureTimeoutMs / 1000} s (an infinite loop?); the studio stopped it` });
          target.kill();
        }, this.options.pictureTimeoutMs);
        target.send({ type: 'pictures', id, folder: this.options.folder, samples });
      });
    });
  }

  close(): void {
    this.run++;
    for (const child of [this.warm, this.active, this.picturer]) child?.kill();
  }
}
