import { EXERCISES, type ExerciseId } from '../core/contract.js';
import type { Submission } from '../core/submission.js';
import type { GraderConfig } from '../config/types.js';
import type { Check } from '../checks/types.js';
import { checkSettings } from '../config/per-check.js';
import type { Mistake } from '../mistakes/types.js';
import type { Reference } from './reference.js';
import { runCheck } from './run-check.js';
import type { CheckResult, ExerciseResult, GradeResult } from '../core/result.js';

export interface GradeOptions {
  config: GraderConfig;
  reference: Reference;
  mistakes: readonly Mistake[];
  environment?: Record<string, string>;
  /** Told after each check, e.g. to draw progress. */
  onCheck?: (result: CheckResult) => void;
}

/** Runs `checks` against one submission, exercise by exercise, in the contract's order. */
export async function gradeSubmission(submission: Submission, checks: readonly Check[], options: GradeOptions): Promise<GradeResult> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const exercises: ExerciseResult[] = [];
  for (const exercise of EXERCISES) {
    const own = checks.filter((c) => c.exercise === exercise);
    if (own.length === 0) continue;
    const results: CheckResult[] = [];
    for (const check of own) {
      const ctx = { exercise, submission, reference: options.reference, ...checkSettings(options.config, check.id) };
      const result = await runCheck(check, ctx, options.mistakes);
      results.push(result);
      options.onCheck?.(result);
    }
    const output = submission.output?.(exercise) || undefined;
    exercises.push({ exercise, score: sum(results.map((r) => r.score)), maxScore: sum(own.map((c) => c.points)), checks: results, output });
  }
  return {
    submission: submission.label,
    startedAt,
    seconds: (performance.now() - started) / 1000,
    seed: options.config.seed,
    score: sum(exercises.map((e) => e.score)),
    maxScore: sum(exercises.map((e) => e.maxScore)),
    exercises,
    environment: { node: process.version, ...options.environment },
  };
}

function sum(xs: number[]): number {
  return Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;
}
