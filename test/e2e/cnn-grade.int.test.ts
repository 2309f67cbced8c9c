import { describe, expect, it } from 'vitest';
import { forgotBias, runCli } from './run-cli.js';

type Test = { number: string; score: number; max_score: number; status: string; output: string };
const byId = (results: { tests: Test[] }, id: string) => results.tests.find((t) => t.number === id)!;

/** The training path of `grade`, on a subset of MNIST so CI stays fast (the full run is `npm run bench -- cnn`). */
describe('grading the CNN exercises', () => {
  it('trains the reference CNN in the grader, records the backend, and reports the curve and robustness', () => {
    const run = runCli(['solutions', '--only', 'cnn,parameters', '--train-samples', '2000', '--test-samples', '500'], 300_000);
    expect(run.status, run.stderr).toBe(0);
    const results = run.results();
    expect(byId(results, 'cnn.model-accepted').score).toBe(3);
    const accuracy = byId(results, 'cnn.mnist-accuracy');
    // On 2,000 digits the reference is far from its full-MNIST 98.5%, but far above chance (10%).
    const percent = Number(/Test accuracy (\d+\.\d\d)% on 500 digits/.exec(accuracy.output)?.[1]);
    expect(percent).toBeGreaterThan(50);
    const fraction = Math.min(1, Math.max(0, (percent / 100 - 0.9) / (0.98 - 0.9)));
    expect(accuracy.score).toBeCloseTo(10 * fraction, 1);
    expect(results.extra_data.environment.backend).toMatch(/^(wasm|cpu|tfjs-node)/);
    expect(run.stderr).toMatch(/TensorFlow\.js backend: /);
    if (results.extra_data.environment.backend.startsWith('wasm')) {
      // The threaded build, with the pool the machine allows, printed and recorded.
      expect(results.extra_data.environment.threads).toMatch(/^\d+ \((every available core of \d+|GRADER_TRAINING_THREADS=\d+)\)$/);
      expect(run.stderr).toMatch(/Training threads: \d+/);
    }
    const html = run.file('report.html');
    expect(html).toContain('Why not a plain feed-forward network?');
    expect(html).toMatch(/<svg/);
  });

  it('refuses a CNN built from a custom layer, with a message that names it', () => {
    const run = runCli(['test/fixtures/submissions/custom-layer', '--only', 'cnn', '--train-samples', '500', '--test-samples', '100'], 180_000);
    expect(run.status, run.stderr).toBe(0);
    const results = run.results();
    expect(results.score).toBe(0);
    for (const id of ['cnn.model-accepted', 'cnn.mnist-accuracy']) {
      expect(byId(results, id).output).toMatch(/Doubler/);
      expect(byId(results, id).output).toMatch(/built-in/i);
    }
  });

  it('takes the right points from a conv layer that forgets its bias, and says so', () => {
    const run = runCli([forgotBias(), '--only', 'layers'], 180_000);
    expect(run.status, run.stderr).toBe(0);
    const results = run.results();
    expect(results.score).toBeGreaterThan(0);
    expect(results.score).toBeLessThan(results.max_score);
    const forward = byId(results, 'layers.forward-matches-reference');
    expect(forward.score).toBe(0);
    expect(forward.output).toMatch(/bias/i);
    // The backward pass does not use the bias: its checks keep their points.
    expect(byId(results, 'layers.backward-matches-reference').score).toBe(byId(results, 'layers.backward-matches-reference').max_score);
  });
});
