import type { ExerciseId } from '../../grader/core/contract.js';
import type { GradeResult } from '../../grader/core/result.js';
import { DEFAULT_CONFIG } from '../../grader/config/defaults.js';
import type { GraderConfig } from '../../grader/config/types.js';
import { ALL_CHECKS } from '../../grader/checks/index.js';
import { gradeSubmission } from '../../grader/run/grade-submission.js';
import type { Modules } from '../../grader/run/load-in-process.js';

/** Fewer runs than a real grading: the self-tests grade dozens of mutants. */
export const SELF_TEST_CONFIG: GraderConfig = { ...DEFAULT_CONFIG, numRuns: 60 };

/** The checks the self-tests run: every check (public and hidden) of `exercises` but training, which has its own test. */
export function selfTestChecks(exercises: readonly ExerciseId[]) {
  return ALL_CHECKS.filter((c) => exercises.includes(c.exercise) && c.kind !== 'training');
}

/** Grades trusted modules in-process with every check (public and hidden) of `exercises`. */
export function selfGrade(modules: Modules, exercises: readonly ExerciseId[], config = SELF_TEST_CONFIG): Promise<GradeResult> {
  return gradeSubmission('self-test', config, { isolation: 'in-process', modules, checks: selfTestChecks(exercises), pictures: false });
}

/** The exercises with checks declared (the training checks have their own test). */
export function gradedExercises(): ExerciseId[] {
  return [...new Set(selfTestChecks(ALL_CHECKS.map((c) => c.exercise)).map((c) => c.exercise))];
}
