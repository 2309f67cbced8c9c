import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gradeCommand } from '../grader/commands/grade.js';
import { resolveConfig } from '../grader/config/resolve.js';
import type { ExerciseId } from '../grader/core/contract.js';

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
