import { defineConfig } from 'vitest/config';

/** `npm test` runs the public checks against exercises/; `npx vitest` re-runs them as you save. */
export default defineConfig({
  test: {
    include: ['test/student/**/*.test.ts'],
    env: { SUBMISSION: 'exercises' },
    testTimeout: 120_000,
    forceRerunTriggers: ['**/exercises/**'],
  },
});
