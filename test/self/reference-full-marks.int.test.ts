import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sandboxGrade, gradedExercises } from './self-grade.js';

const SOLUTIONS = fileURLToPath(new URL('../../solutions', import.meta.url));

/** The reference folder, graded as a student's submission is: in the sandbox. */
describe('the reference (solutions/) gets full marks in the sandbox', () => {
  for (const exercise of gradedExercises()) {
    it(exercise, async () => {
      const result = await sandboxGrade(SOLUTIONS, [exercise]);
      const lost = result.exercises.flatMap((e) => e.checks).filter((c) => c.score < c.check.points);
      expect(lost.map((c) => `${c.check.id}: ${'message' in c.verdict ? c.verdict.message : ''}`)).toEqual([]);
      expect(result.score).toBe(result.maxScore);
    });
  }
});
