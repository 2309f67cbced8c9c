import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Stryker's sandbox (a copy of the project with one solutions/ file mutated): where the test is. */
const sandbox = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Stryker's vitest runner: the checks of one exercise against the sandbox's mutated solutions/
 * (grade-mutant.test.ts). The root is the intact project, so the grader and its reference
 * (solutions/ loaded by a computed path) resolve there; the test is found in the sandbox.
 */
export default defineConfig({
  root: process.env.MUTATION_ROOT ?? sandbox,
  test: {
    dir: path.join(sandbox, 'bench', 'mutation'),
    include: ['**/grade-mutant.test.ts'],
    testTimeout: 60_000,
  },
});
