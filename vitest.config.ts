import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * The project's own tests in three layers (README, "Testing"); `npm test` runs them all.
 * - unit: every test that starts no process (a guard fails one that tries); seconds each.
 * - integration, `*.int.test.ts`: sandbox children, the CLI, batches, shell tools, wasm helper
 *   threads, training, all of MNIST.
 * - browser, `*.browser.test.ts`: the studio in Chromium.
 */
const INTEGRATION = 'test/**/*.int.test.ts';
const BROWSER = 'test/**/*.browser.test.ts';
const SLOW = { testTimeout: 60_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    // Vitest's default on two cores is one worker; most integration tests wait on a child process
    // (a sandbox, a CLI, Chromium), so a second worker keeps the second core busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Tests that make tensors with tfjs directly (not through the grader, which drops it:
    // grader/ml/node-backend-banner.ts) would print its CPU backend's "install our node backend" banner.
    onConsoleLog: (log) => !log.includes('install our node backend'),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [INTEGRATION, BROWSER],
          setupFiles: ['test/guard/start-no-process.ts'],
          // One training thread: tfjs-backend-wasm's threaded build starts helper threads.
          env: { GRADER_TRAINING_THREADS: '1' },
          // A unit test takes a second or two at most; 30 s leaves room for a loaded machine.
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      { extends: true, test: { name: 'integration', include: [INTEGRATION], globalSetup: ['test/missing-modes.ts'], ...SLOW } },
      { extends: true, test: { name: 'browser', include: [BROWSER], ...SLOW } },
    ],
  },
});
