import { defineConfig } from 'vitest/config';

/** The student's view: the public checks against exercises/ (`npm run test:exercises`). */
export default defineConfig({
  test: {
    include: ['test/student/**/*.test.ts'],
    env: { SUBMISSION: 'exercises' },
    testTimeout: 60_000,
  },
});
