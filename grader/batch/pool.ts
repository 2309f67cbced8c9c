import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export interface PoolOptions {
  /** The worker's entry file (TypeScript: it is run with tsx). */
  workerFile: string;
  /** Workers at once. */
  jobs: number;
  /** Wall-clock limit of one job; the worker is killed when it is exceeded. */
  timeoutMs: number;
  /** A worker is replaced after this many jobs (bounds leaks). */
  recycleAfter?: number;
  env?: Record<string, string>;
  /** Stops the pool: no job is started, the running ones are killed and get no outcome. */
  signal?: AbortSignal;
}

export type JobOutcome<R> = { ok: true; value: R } | { ok: false; error: string };

interface Job {
  id: string;
}

/** Sent back by a worker: `done`/`failed` messages carry the job's id. */
type WorkerMessage = { type: string; id?: string };

const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * Runs `jobs` on a pool of child worker processes, `options.jobs` at a time. A worker that
 * crashes, exits or exceeds the time limit is killed with its whole process group, the job
 * gets an error outcome with the reason, and a fresh worker takes the next job: one bad
 * submission never stops the batch. `onOutcome` is awaited before the slot takes the next job.
 * When `options.signal` aborts, every worker is killed at once and the jobs it held get no
 * outcome (they are still to do).
 */
export async function runPool<J extends Job>(
  jobs: readonly J[],
  options: PoolOptions,
  onOutcome: (job: J, outcome: JobOutcome<WorkerMessage>, seconds: number) => void | Promise<void>,
): Promise<void> {
  const queue = [...jobs];
  const live = new Set<ChildProcess>();
  const killAll = () => live.forEach(killGroup);
  process.once('exit', killAll);
  const stopped = () => options.signal?.aborted === true;
  options.signal?.addEventListener('abort', killAll);
  try {
    const slot = async () => {
      let worker: Worker | undefined;
      let used = 0;
      for (let job = queue.shift(); job && !stopped(); job = queue.shift()) {
        if (!worker || (options.recycleAfter && used >= options.recycleAfter)) {
          worker?.stop();
          worker = startWorker(options, live);
          used = 0;
        }
        const jobStarted = performance.now();
        const outcome = await worker.run(job, options.timeoutMs);
        if (stopped()) break;
        used++;
        if (!outcome.ok) {
          worker.stop();
          worker = undefined;
        }
        await onOutcome(job, outcome.ok && outcome.value.type === 'failed' ? { ok: false, error: String((outcome.value as { error?: string }).error) } : outcome, (performance.now() - jobStarted) / 1000);
      }
      worker?.stop();
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.jobs, jobs.length)) }, slot));
  } finally {
    killAll();
    process.removeListener('exit', killAll);
    options.signal?.removeEventListener('abort', killAll);
  }
}

interface Worker {
  run(job: Job, timeoutMs: number): Promise<JobOutcome<WorkerMessage>>;
  stop(): void;
}

function startWorker(options: PoolOptions, live: Set<ChildProcess>): Worker {
  const child = fork(options.workerFile, [], {
    execArgv: ['--import', TSX],
    // Its own process group, so a timeout also kills what it started (the sandbox's children).
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: { ...process.env, ...options.env },
  });
  live.add(child);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  let exited: { code: number | null; signal: string | null } | undefined;
  const exitListeners = new Set<() => void>();
  child.on('exit', (code, signal) => {
    exited = { code, signal };
    live.delete(child);
    exitListeners.forEach((f) => f());
  });
  child.on('error', () => {}); // an exit follows
  return {
    run(job, timeoutMs) {
      return new Promise((resolve) => {
        const started = Date.now();
        const finish = (o: JobOutcome<WorkerMessage>) => {
          clearTimeout(timer);
          child.removeListener('message', onMessage);
          exitListeners.delete(onExit);
          resolve(o);
        };
        const onMessage = (m: WorkerMessage) => {
          if ((m.type === 'done' || m.type === 'failed') && m.id === job.id) finish({ ok: true, value: m });
        };
        const onExit = () => {
          const how = exited?.signal ? `was killed by ${exited.signal}` : `exited with code ${exited?.code}`;
          const tail = lastLines(stderr);
          finish({ ok: false, error: `the grader's worker ${how} after ${seconds(Date.now() - started)} while grading this submission${tail ? `: ${tail}` : ''}` });
        };
        const timer = setTimeout(() => {
          killGroup(child);
          finish({ ok: false, error: `grading took longer than the limit of ${seconds(timeoutMs)} and was stopped` });
        }, timeoutMs);
        child.on('message', onMessage);
        if (exited) return onExit();
        exitListeners.add(onExit);
        child.send({ type: 'job', job }, (err) => {
          if (err && !exited) {
            killGroup(child);
            finish({ ok: false, error: `could not send the submission to a worker: ${err.message}` });
          }
        });
      });
    },
    stop() {
      if (exited) return;
      child.disconnect?.();
      // A worker that does not leave on its own within a second is killed.
      setTimeout(() => killGroup(child), 1000).unref();
    },
  };
}

function killGroup(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    try {
      child.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-5).join('\n').slice(-1000);
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
