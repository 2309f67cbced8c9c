import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gradeCommand } from '../grader/commands/grade.js';
import { resolveConfig } from '../grader/config/resolve.js';
import type { ExerciseId } from '../grader/core/contract.js';
import { watchPeak, type ProcessMemory } from './process-tree-memory.js';

export interface GradeFigure {
  exercises: string;
  sandbox: string;
  seconds: number[];
  score: string;
}

const FOUR: ExerciseId[] = ['convolution', 'convolution2d', 'filters', 'augment'];

/** Wall time to grade the four signal/image exercises of solutions/, all checks, as `grade` does. */
export async function benchGrade(repeat = 3): Promise<GradeFigure[]> {
  const figures: GradeFigure[] = [];
  for (const sandbox of ['auto', 'none'] as const) {
    const seconds: number[] = [];
    let score = '';
    let used = '';
    for (let i = 0; i < repeat; i++) {
      const out = mkdtempSync(path.join(tmpdir(), 'bench-grade-'));
      const started = performance.now();
      const { result } = await gradeCommand({ submission: 'solutions', out, only: FOUR, format: 'gradescope', config: resolveConfig(undefined, { sandbox }), visibility: 'all' });
      seconds.push(Math.round((performance.now() - started) / 10) / 100);
      score = `${result.score}/${result.maxScore}`;
      used = (result.environment.sandbox ?? sandbox).split(' ')[0];
      rmSync(out, { recursive: true, force: true });
    }
    figures.push({ exercises: FOUR.join(', '), sandbox: used, seconds, score });
  }
  return figures;
}

export interface FullGradeFigure {
  seconds: number;
  peakRssMb: number;
  /** The processes at the peak, largest first: "grader node 310 MB, node (cnn.ts) 120 MB, …". */
  atPeak: string;
  score: string;
  backend: string;
  threads: string;
  /** ≤ 40 s and ≤ 500 MB (Gradescope's default container has 768 MB). */
  targets: string;
}

/** How Gradescope's run_autograder and PrairieLearn's entrypoint start the grader (grader/deploy/templates/). */
const CONTAINER_NODE_FLAGS = ['--max-semi-space-size=4', '--import', 'tsx'];

/**
 * `grade solutions` as a container runs it (every exercise, the CNN trained on all of MNIST), in
 * a child process: its wall time and the peak resident memory of its whole process tree (the
 * grader, its sandboxes and its threads), sampled from /proc every 100 ms.
 */
export async function benchGradeFull(extraArgs: string[] = []): Promise<FullGradeFigure> {
  const out = mkdtempSync(path.join(tmpdir(), 'bench-grade-full-'));
  const started = performance.now();
  const child = spawn(process.execPath, [...CONTAINER_NODE_FLAGS, 'grader/cli/main.ts', 'solutions', '--out', out, ...extraArgs], { stdio: ['ignore', 'ignore', 'pipe'] });
  const watch = watchPeak(child.pid!);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const { peak, atPeak } = watch.stop();
  const peakRssMb = Math.round(peak / 2 ** 20);
  try {
    if (code !== 0) throw new Error(`grade solutions exited with ${code}: ${stderr.slice(-2000)}`);
    const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8'));
    const environment = results.extra_data?.environment ?? {};
    return {
      seconds,
      peakRssMb,
      atPeak: describePeak(atPeak, child.pid!),
      score: `${results.score}/${results.tests.reduce((sum: number, t: { max_score: number }) => sum + t.max_score, 0)}`,
      backend: String(environment.backend ?? 'n/a').split(' ')[0],
      threads: String(environment.threads ?? 'n/a'),
      targets: `${seconds <= 40 ? 'met' : 'NOT met'}: ≤ 40 s; ${peakRssMb <= 500 ? 'met' : 'NOT met'}: ≤ 500 MB`,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function describePeak(processes: ProcessMemory[], grader: number): string {
  return [...processes]
    .sort((a, b) => b.rssBytes - a.rssBytes)
    .map((p) => `${p.pid === grader ? 'grader ' : ''}${p.what} ${Math.round(p.rssBytes / 2 ** 20)} MB`)
    .join(', ');
}
