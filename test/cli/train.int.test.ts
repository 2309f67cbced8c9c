/**
 * `npm run train` is the course grader's training on the student's machine: the reference model
 * trained through it (in this process) and through the grader's own pipeline (the model asked of
 * a sandboxed child, as `grade` does) on the same subset of MNIST reaches the same accuracy to the
 * digit, with the same curves; the points follow the config's thresholds; a bad option or folder
 * is one line and exit code 2.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGraderConfig } from '../../grader/run/load-config.js';
import { gradeSubmission } from '../../grader/run/grade-submission.js';
import { trainCommand, trainingChecks } from '../../grader/commands/train.js';
import type { TrainingReport } from '../../grader/ml/training-report.js';

const SUBSET = { trainSamples: 1500, testSamples: 400 };

function trainingOf(result: Awaited<ReturnType<typeof gradeSubmission>>): TrainingReport {
  const check = result.exercises.flatMap((e) => e.checks).find((c) => c.check.kind === 'training')!;
  return (check.verdict as unknown as { artifacts: { training: TrainingReport } }).artifacts.training;
}

describe('npm run train', () => {
  it('trains the reference to the accuracy the grader gives it, to the digit, and scores it by the config', async () => {
    const config = await loadGraderConfig(undefined, SUBSET);
    const lines: string[] = [];
    let progress = '';
    const out = mkdtempSync(join(tmpdir(), 'train-'));
    const trained = await trainCommand({ submission: 'solutions', out, config, log: (l) => lines.push(l), progress: { write: (t) => (progress += t) } });

    const graded = await gradeSubmission('solutions', config, { checks: trainingChecks(config), pictures: false });
    expect(graded.environment.sandbox).not.toMatch(/in-process/);
    const ours = trainingOf(trained.result);
    const grader = trainingOf(graded);
    expect(trained.accuracy).toBe(grader.testAccuracy);
    expect(ours.epochs.map((e) => [e.loss, e.accuracy, e.batches])).toEqual(grader.epochs.map((e) => [e.loss, e.accuracy, e.batches]));
    expect(ours.confusion).toEqual(grader.confusion);
    expect(ours.backend).toBe(grader.backend);

    // Points as the grader's thresholds say: 0 at or below the floor, all at the threshold.
    const { fullPointsAccuracy: full, zeroPointsAccuracy: floor } = config.training;
    const fraction = Math.min(1, Math.max(0, (grader.testAccuracy - floor) / (full - floor)));
    expect(trained.points.of).toBe(10);
    expect(trained.points.earned).toBeCloseTo(10 * fraction, 9);
    // One line per epoch of each network (no terminal: no redrawing), and the report written.
    expect(progress.trim().split('\n').filter((l) => l.startsWith('your model, epoch'))).toHaveLength(ours.epochs.length);
    expect(progress).toMatch(/dense network, for the comparison, epoch 1\/2 \[█+\]/);
    expect(readFileSync(trained.report, 'utf8')).toContain('The training run');
    expect(lines.join('\n')).toMatch(/Test accuracy on MNIST/);
  }, 900_000);

  it('stops, naming the file, when a student file loops as it loads, instead of hanging', () => {
    const dir = mkdtempSync(join(tmpdir(), 'train-loop-'));
    try {
      for (const f of readdirSync('solutions')) copyFileSync(join('solutions', f), join(dir, f));
      writeFileSync(join(dir, 'augment.ts'), `while (true) {}\n${readFileSync(join('solutions', 'augment.ts'), 'utf8')}`);
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'grader/commands/train.ts', dir, '--train-samples', '200', '--test-samples', '100'], { encoding: 'utf8', timeout: 120_000 });
      expect(r.error).toBeUndefined(); // ended by the watchdog, not by this test's timeout
      expect(r.status, r.stderr).not.toBe(0);
      expect(r.stderr).toMatch(/✗ npm run train stopped: loading .*augment\.ts did not finish within 15 s\./);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('refuses a bad option or a missing folder in one line, exit code 2', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'grader/commands/train.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
    for (const [args, pattern] of [
      [['solutions', '--train-samples', 'many'], /^train: --train-samples must be a whole number ≥ 1, got 'many'$/],
      [['solutions', '--backend', 'gpu'], /^train: --backend must be one of auto, node, wasm, cpu, got 'gpu'$/],
      [['no-such-folder', '--train-samples', '10'], /^train: the submission folder .*no-such-folder does not exist$/],
      [['--frobnicate'], /^train: Unknown option '--frobnicate'.*usage: npm run train/],
      // Before the training, not after it.
      [['solutions', '--out', 'package.json'], /^train: --out .*package\.json cannot hold the results: it is a file, not a folder$/],
    ] as const) {
      const r = run(...args);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr.trim()).toMatch(pattern);
    }
  }, 300_000);
});
