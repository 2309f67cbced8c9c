import { describe, expect, it } from 'vitest';
import { ALL_MISTAKES } from '../../grader/mistakes/index.js';
import { REFERENCE } from '../../grader/run/reference.js';
import { selfGrade } from './self-grade.js';

/** The catalogue doubles as the grader's mutation test: every mistake must lose points, be named, and never be taken for another. */
describe('every catalogued mistake is caught and diagnosed', () => {
  for (const mistake of ALL_MISTAKES) {
    it(`${mistake.id}: ${mistake.title}`, async () => {
      const module = { ...(REFERENCE[mistake.exercise] as Record<string, unknown>), ...mistake.apply(REFERENCE) };
      const result = await selfGrade({ [mistake.exercise]: module }, [mistake.exercise]);
      const checks = result.exercises.flatMap((e) => e.checks);
      const failed = checks.filter((c) => c.verdict.status !== 'passed');
      expect(failed.length, 'no check failed').toBeGreaterThan(0);
      expect(result.score).toBeLessThan(result.maxScore);
      const named = failed.some((c) => c.verdict.status === 'failed' && c.verdict.diagnosis?.some((d) => d.mistakeId === mistake.id));
      expect(named, `no failing check names ${mistake.id}; failed: ${failed.map((c) => c.check.id).join(', ')}`).toBe(true);
      const wrong = failed.flatMap((c) => (c.verdict.status === 'failed' ? c.verdict.diagnosis ?? [] : [])).filter((d) => d.mistakeId !== mistake.id);
      expect(wrong.map((d) => d.mistakeId), 'a failing check names another mistake').toEqual([]);
    });
  }
});
