import type { ExerciseId } from '../../grader/core/contract.js';
import { DEFAULT_CONFIG } from '../../grader/config/defaults.js';
import type { GraderConfig } from '../../grader/config/types.js';
import { ALL_CHECKS } from '../../grader/checks/index.js';
import { ALL_MISTAKES } from '../../grader/mistakes/index.js';
import { REFERENCE } from '../../grader/run/reference.js';
import { gradeSubmission } from '../../grader/run/grade-submission.js';
import type { GradeResult } from '../../grader/core/result.js';
import { inProcessSubmission } from '../../grader/run/in-process-submission.js';
import type { Modules } from '../../grader/run/load-in-process.js';

/** Fewer runs than a real grading: the self-tests grade dozens of mutants. */
export const SELF_TEST_CONFIG: GraderConfig = { ...DEFAULT_CONFIG, numRuns: 60 };

/** Grades trusted modules in-process with every check (public and hidden) of `exercises`. */
export function selfGrade(modules: Modules, exercises: readonly ExerciseId[], config = SELF_TEST_CONFIG): Promise<GradeResult> {
  const checks = ALL_CHECKS.filter((c) => exercises.includes(c.exercise) && c.kind !== 'training');
  return gradeSubmission(inProcessSubmission('self-test', modules), checks, { config, reference: REFERENCE, mistakes: ALL_MISTAKES });
}

/** The exercises with checks declared (the training checks have their own test). */
export function gradedExercises(): ExerciseId[] {
  return [...new Set(ALL_CHECKS.filter((c) => c.kind !== 'training').map((c) => c.exercise))];
}
