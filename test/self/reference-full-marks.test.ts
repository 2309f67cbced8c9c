import { describe, expect, it } from 'vitest';
import { REFERENCE } from '../../grader/run/reference.js';
import { selfGrade, gradedExercises } from './self-grade.js';

describe('the reference (solutions/) gets full marks', () => {
  for (const exercise of gradedExercises()) {
    it(exercise, async () => {
      const result = await selfGrade({ [exercise]: REFERENCE[exercise] }, [exercise]);
      const lost = result.exercises.flatMap((e) => e.checks).filter((c) => c.score < c.check.points);
      expect(lost.map((c) => `${c.check.id}: ${'message' in c.verdict ? c.verdict.message : ''}`)).toEqual([]);
      expect(result.score).toBe(result.maxScore);
    });
  }
});
