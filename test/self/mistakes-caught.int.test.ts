import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ALL_MISTAKES } from '../../grader/exercises/registry.js';
import { pool, writeMutantSubmission } from './bundle-mutant.js';
import { SANDBOX_MUTANTS } from './sandbox-mutants.js';
import { sandboxGrade } from './self-grade.js';

/** Each mutant is bundled into a submission file and graded in the sandbox, two at a time. */
const twoAtATime = pool(2);
const gradeMutant = (file: string, list: string, id: string, exercise: (typeof ALL_MISTAKES)[number]['exercise']) =>
  twoAtATime(async () => {
    const dir = await writeMutantSubmission({ file, list }, id, exercise);
    try {
      return await sandboxGrade(dir, [exercise]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

/** The catalogue doubles as the grader's mutation test: every mistake must lose points, be named, and never be taken for another — graded the way real submissions are. */
describe.concurrent('every catalogued mistake is caught and diagnosed in the sandbox', () => {
  for (const mistake of ALL_MISTAKES) {
    it(`${mistake.id}: ${mistake.title}`, async () => {
      const result = await gradeMutant(`grader/exercises/${mistake.exercise}/mistakes.ts`, 'mistakes', mistake.id, mistake.exercise);
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

/** Misbehaviour only untrusted code shows across the process boundary: each loses the point of the check made for it. */
describe.concurrent('sandbox-only mutants lose points in the sandbox', () => {
  for (const mutant of SANDBOX_MUTANTS) {
    it(`${mutant.id}: ${mutant.title}`, async () => {
      const result = await gradeMutant('test/self/sandbox-mutants.ts', 'SANDBOX_MUTANTS', mutant.id, mutant.exercise);
      expect(result.score).toBeLessThan(result.maxScore);
      const check = result.exercises.flatMap((e) => e.checks).find((c) => c.check.id === `${mutant.exercise}.${mutant.caughtBy}`);
      expect(check, `no check ${mutant.caughtBy}`).toBeDefined();
      expect(check!.verdict.status).toBe('failed');
      expect(check!.score).toBeLessThan(check!.check.points);
    });
  }
});
