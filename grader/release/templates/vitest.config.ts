import { defineConfig } from 'vitest/config';

/**
 * `npm test` runs the public checks against exercises/; `npx vitest` re-runs them as you save.
 * The reporter prints one block per failing check and the points table.
 */
export default defineConfig({
  test: {
    include: ['test/student/**/*.test.ts'],
    reporters: ['./grader/release/runtime/student-reporter.ts'],
    env: { SUBMISSION: 'exercises' },
    testTimeout: 120_000,
    forceRerunTriggers: ['**/exercises/**'],
  },
});
