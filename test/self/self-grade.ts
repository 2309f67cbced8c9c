import type { ExerciseId } from '../../grader/core/contract.js';
import type { GradeResult } from '../../grader/core/result.js';
import { DEFAULT_CONFIG } from '../../grader/config/defaults.js';
import type { GraderConfig } from '../../grader/config/types.js';
import { ALL_CHECKS } from '../../grader/exercises/registry.js';
import { gradeSubmission } from '../../grader/run/grade-submission.js';

/** Fewer runs than a real grading: the self-tests grade dozens of mutants. */
export const SELF_TEST_CONFIG: GraderConfig = { ...DEFAULT_CONFIG, numRuns: 60 };

/** The checks the self-tests run: every check (public and hidden) of `exercises` but training, which has its own test. */
export function selfTestChecks(exercises: readonly ExerciseId[]) {
  return ALL_CHECKS.filter((c) => exercises.includes(c.exercise) && c.kind !== 'training');
}

/** Grades the submission folder `dir` in the strongest sandbox mode this machine has (`auto`: bwrap, else node), with every check of `exercises`. */
export async function sandboxGrade(dir: string, exercises: readonly ExerciseId[], config = SELF_TEST_CONFIG): Promise<GradeResult> {
  const result = await gradeSubmission(dir, config, { isolation: 'auto', checks: selfTestChecks(exercises), pictures: false });
  const mode = result.environment.sandbox.split(' (')[0];
  if (!told.has(mode)) {
    told.add(mode);
    console.log(`self-test: graded in sandbox mode ${mode}${mode === 'bwrap' ? '' : ' (bubblewrap is not usable here: the strongest mode this machine has)'}`);
  }
  return result;
}
const told = new Set<string>();

/** The exercises with checks declared (the training checks have their own test). */
export function gradedExercises(): ExerciseId[] {
  return [...new Set(selfTestChecks(ALL_CHECKS.map((c) => c.exercise)).map((c) => c.exercise))];
}
