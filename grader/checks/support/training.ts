import { initBackend } from '../../ml/backend.js';
import { trainModel, disposeModel, ModelRefused, type TrainingReport } from '../../ml/train.js';
import { robustness, type DigitMoves, type RobustnessReport } from '../../ml/robustness.js';
import { firstLayer } from '../../ml/first-layer.js';
import { trainingCacheFromEnv, trainingKey } from '../../ml/training-cache.js';
import { loadMnist, type Mnist } from '../../../datasets/mnist.js';
import { sampleDigit5 } from '../../../datasets/sample-images.js';
import type { CheckContext, Verdict } from '../types.js';

/** Share of the points for a test accuracy: 0 at or below the floor, 1 at the threshold, linear between. */
export function accuracyFraction(accuracy: number, floor: number, full: number): number {
  return Math.min(1, Math.max(0, (accuracy - floor) / (full - floor)));
}

interface Trained {
  report: TrainingReport;
  /** Or why the comparison could not be made. */
  robustness: RobustnessReport | { missing: string };
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

/**
 * Trains once, then reuses the trained CNN: its first layer's filters and feature maps of the
 * handwritten 5, and the shift/rotation/zoom comparison with a dense network.
 */
async function train(topology: unknown, settings: unknown, ctx: CheckContext, data: Mnist, moves: DigitMoves | { missing: string }): Promise<Trained> {
  const options = { seed: ctx.seed, limits: ctx.config.training.limits, data };
  const { model, report } = await trainModel(topology, settings, options);
  const five = sampleDigit5();
  try {
    const first = firstLayer(model, five);
    if (first) report.firstLayer = first;
    if ('missing' in moves) return { report, robustness: moves };
    try {
      return { report, robustness: await robustness(topology, settings, { ...options, model, moves, five }) };
    } catch (error) {
      // e.g. the student's augment.ts, which passed its checks, fails on some test digit.
      if (error instanceof ModelRefused) throw error;
      return { report, robustness: { missing: `moving the test digits failed: ${(error as Error).message}` } };
    }
  } finally {
    disposeModel(model);
  }
}

/** The report's view of the comparison: one point per shift, angle and zoom. */
function robustnessArtifact(r: Trained['robustness']) {
  if ('missing' in r) return r;
  return {
    shifts: r.shifts.map((shift, i) => ({ shift, cnn: r.cnn.byShift[i], dense: r.dense.byShift[i] })),
    rotations: r.angles.map((degrees, i) => ({ degrees, cnn: r.cnn.byAngle[i], dense: r.dense.byAngle[i] })),
    scales: r.scales.map((factor, i) => ({ factor, cnn: r.cnn.byScale[i], dense: r.dense.byScale[i] })),
    cnnParameters: r.cnn.parameters,
    denseParameters: r.dense.parameters,
    digits: r.digits,
    movedBy: r.movedBy,
    fives: r.fives,
  };
}

/**
 * Trains a submitted topology in the grader's own process, with the grader's data and seed, and
 * scores its test accuracy. In a batch, identical (topology, settings, seed, data, backend) train
 * once: the result is cached. ModelRefused propagates to the caller.
 * `moves` are the "many 5s" comparison's moved digits (the exercise decides whose augment.ts moves them).
 */
export async function trainAndScore(topology: unknown, settings: unknown, ctx: CheckContext, moves: DigitMoves | { missing: string }): Promise<Verdict> {
  const { limits, fullPointsAccuracy: full, zeroPointsAccuracy: floor } = ctx.config.training;
  const backend = await initBackend(ctx.config.training.backend);
  const data = await loadMnist({ trainLimit: limits.trainSamples, testLimit: limits.testSamples });
  const cache = trainingCacheFromEnv();
  const movedBy = 'missing' in moves ? moves.missing : moves.source;
  const key = trainingKey({ kind: 'cnn-grade', v: 2, topology, settings, seed: ctx.seed, limits, backend: backend.name, data: [data.train.count, data.test.count], movedBy });
  const run = () => train(topology, settings, ctx, data, moves);
  const { report, robustness: moved } = cache ? await cache.getOrCompute(key, run) : await run();

  const fraction = accuracyFraction(report.testAccuracy, floor, full);
  const subset = limits.trainSamples ? ` (trained on the first ${report.trainSamples.toLocaleString('en-US')} digits only)` : '';
  const notes = report.notes.length ? ` ${report.notes.join(' ')}` : '';
  const stopped = report.stoppedEarly ? ` Training stopped early: ${report.stoppedEarly}.` : '';
  const message =
    `Test accuracy ${pct(report.testAccuracy)} on ${report.testSamples.toLocaleString('en-US')} digits after ${report.epochs.length} epoch(s), ` +
    `${report.trainSeconds.toFixed(1)} s on ${report.backend}${subset}; full points at ${pct(full)}, none at or below ${pct(floor)}.${notes}${stopped}`;
  const artifacts = { training: report, robustness: robustnessArtifact(moved) };
  return fraction >= 1 ? { status: 'passed', message, artifacts } : { status: 'failed', message, fraction, artifacts };
}
