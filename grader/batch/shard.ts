/** `--shard k/n`: shard k (1-based) of n; `engine` says where an `auto` shard came from. */
export interface Shard {
  index: number;
  count: number;
  engine?: string;
}

/**
 * `k/n`, or `auto` / `auto/N`: the task index and count of the engine that started this process,
 * read from `env` (see `engineShard`).
 */
export function parseShard(text: string, env: NodeJS.ProcessEnv = process.env): Shard {
  const auto = /^auto(?:\/(\d+))?$/.exec(text.trim());
  if (auto) return engineShard(env, auto[1] === undefined ? undefined : Number(auto[1]));
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new Error(`--shard must be k/n with 1 ≤ k ≤ n (e.g. 2/4), auto or auto/N, got '${text}'`);
  }
  return { index, count };
}

/** The variables each engine sets (GitHub Actions': set by the shipped workflow from its matrix). */
export const ENGINE_VARIABLES = {
  github: ['STRATEGY_JOB_INDEX', 'STRATEGY_JOB_TOTAL'],
  kubernetes: ['JOB_COMPLETION_INDEX'],
  slurm: ['SLURM_ARRAY_TASK_ID', 'SLURM_ARRAY_TASK_COUNT', 'SLURM_ARRAY_TASK_MIN', 'SLURM_ARRAY_TASK_STEP'],
} as const;

/**
 * This task's shard, from the engine's variables:
 * - GitHub Actions matrix: `STRATEGY_JOB_INDEX` (0-based) and `STRATEGY_JOB_TOTAL`, which the
 *   workflow sets from `strategy.job-index` and `strategy.job-total` (Actions exports neither);
 * - Kubernetes Indexed Job: `JOB_COMPLETION_INDEX` (0-based); the pod is not told the job's
 *   completions, so the count is written `--shard auto/N`;
 * - Slurm job array: `SLURM_ARRAY_TASK_ID` counted from `SLURM_ARRAY_TASK_MIN` in steps of
 *   `SLURM_ARRAY_TASK_STEP` (`--array=1-10` and `--array=0-18:2` both give tasks 0…9), and
 *   `SLURM_ARRAY_TASK_COUNT`.
 * A count given as `auto/N` must agree with the engine's own. Refused when no engine, or more
 * than one, is found.
 */
export function engineShard(env: NodeJS.ProcessEnv, count?: number): Shard {
  const found: Shard[] = [];
  const int = (name: string) => {
    const v = env[name];
    if (v === undefined || v === '') return undefined;
    if (!/^\d+$/.test(v.trim())) throw new Error(`--shard auto: ${name} is '${v}', not a whole number`);
    return Number(v);
  };
  const gi = int('STRATEGY_JOB_INDEX');
  const gt = int('STRATEGY_JOB_TOTAL');
  if (gi !== undefined || gt !== undefined) {
    if (gi === undefined || gt === undefined) throw new Error('--shard auto: the workflow must set both STRATEGY_JOB_INDEX and STRATEGY_JOB_TOTAL (from strategy.job-index and strategy.job-total)');
    found.push({ index: gi + 1, count: gt, engine: `GitHub Actions matrix job ${gi} of ${gt}` });
  }
  const k = int('JOB_COMPLETION_INDEX');
  if (k !== undefined) {
    if (count === undefined) throw new Error('--shard auto: a Kubernetes Indexed Job does not tell a pod its completions; write --shard auto/N with N = spec.completions');
    found.push({ index: k + 1, count, engine: `Kubernetes Indexed Job completion index ${k}` });
  }
  const task = int('SLURM_ARRAY_TASK_ID');
  if (task !== undefined) {
    const min = int('SLURM_ARRAY_TASK_MIN') ?? 0;
    const step = int('SLURM_ARRAY_TASK_STEP') || 1;
    const tasks = int('SLURM_ARRAY_TASK_COUNT');
    if (tasks === undefined) throw new Error('--shard auto: SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not (run as a job array: sbatch --array=…)');
    if ((task - min) % step !== 0) throw new Error(`--shard auto: Slurm task ${task} is not on the array's grid (min ${min}, step ${step}); use a contiguous --array=1-N`);
    found.push({ index: (task - min) / step + 1, count: tasks, engine: `Slurm array task ${task} (min ${min}, step ${step})` });
  }
  if (found.length === 0) throw new Error(`--shard auto found no engine's task index: set by a GitHub Actions matrix (${ENGINE_VARIABLES.github.join(', ')}), a Kubernetes Indexed Job (JOB_COMPLETION_INDEX) or a Slurm array (SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT)`);
  if (found.length > 1) throw new Error(`--shard auto found more than one engine (${found.map((f) => f.engine).join('; ')}); give --shard k/n`);
  const shard = found[0];
  if (count !== undefined && count !== shard.count) throw new Error(`--shard auto/${count}: the engine says ${shard.count} tasks (${shard.engine})`);
  if (shard.count < 1 || shard.index < 1 || shard.index > shard.count) throw new Error(`--shard auto: ${shard.engine} is not one of ${shard.count} shards`);
  return shard;
}

/**
 * The items of one shard: sorted by key (code-unit order, independent of locale), then every
 * n-th from the k-th. The shards of 1/n … n/n partition the items, whatever machine runs them.
 */
export function takeShard<T>(items: readonly T[], shard: Shard, key: (item: T) => string): T[] {
  const sorted = [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return sorted.filter((_, i) => i % shard.count === shard.index - 1);
}
