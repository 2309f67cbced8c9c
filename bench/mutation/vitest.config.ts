import { defineConfig } from 'vitest/config';

/** Stryker's vitest runner: the checks of one exercise against the sandbox's mutated solutions/ (grade-mutant.test.ts). */
export default defineConfig({
  test: {
    include: ['bench/mutation/grade-mutant.test.ts'],
    testTimeout: 60_000,
  },
});
