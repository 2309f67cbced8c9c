import { readFileSync } from 'node:fs';
import os from 'node:os';

/** Set by a batch for each of its workers: how many threads that worker's training may use. */
export const TRAINING_THREADS_ENV = 'GRADER_TRAINING_THREADS';

export interface ThreadsChoice {
  threads: number;
  /** Why, for the log and results.json: "every available core of 2", "GRADER_TRAINING_THREADS=1". */
  reason: string;
}

/**
 * The CPUs this process may run on: the affinity mask (os.availableParallelism) capped by the
 * cgroup v2 CPU quota, which containers (Docker's --cpus, Gradescope, Kubernetes limits) set
 * without changing what os.cpus() reports.
 */
export function availableCores(cpuMax = readCpuMax()): number {
  const affinity = os.availableParallelism();
  const [quota, period] = (cpuMax ?? '').trim().split(/\s+/);
  const limit = Number(quota) / Number(period);
  return Number.isFinite(limit) && limit > 0 ? Math.max(1, Math.min(affinity, Math.floor(limit))) : affinity;
}

function readCpuMax(): string | undefined {
  try {
    return readFileSync('/sys/fs/cgroup/cpu.max', 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * How many threads training in this process uses: GRADER_TRAINING_THREADS when a batch set it
 * (or a user did), else every available core. A malformed value is ignored, and said so.
 */
export function trainingThreads(env: NodeJS.ProcessEnv = process.env, cores = availableCores()): ThreadsChoice {
  const given = env[TRAINING_THREADS_ENV];
  if (given !== undefined && given !== '') {
    const threads = Number(given);
    if (Number.isInteger(threads) && threads >= 1) return { threads, reason: `${TRAINING_THREADS_ENV}=${threads}` };
    return { threads: cores, reason: `every available core of ${cores} (ignored ${TRAINING_THREADS_ENV}=${JSON.stringify(given)}: not a whole number ≥ 1)` };
  }
  return { threads: cores, reason: `every available core of ${cores}` };
}

/**
 * Training threads for each of `workers` grading processes sharing the machine, so that
 * workers × threads never exceeds the cores: ⌊cores / workers⌋, at least 1.
 */
export function threadsPerWorker(workers: number, cores = availableCores()): number {
  return Math.max(1, Math.floor(cores / Math.max(1, workers)));
}
