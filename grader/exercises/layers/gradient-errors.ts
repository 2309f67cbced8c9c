/**
 * The `layers` view's gradient check, coordinate by coordinate: for one fixed small layer, the
 * relative error |analytic − numerical| / max(|analytic|, |numerical|) of every value of dx, dw and
 * db, computed by the check's own comparison (grader/exercises/layers/checks.ts: compareGradients).
 */
import type { Submission } from '../../core/submission.js';
import type { GradientErrors } from '../../core/studio-extras.js';
import { compareGradients, GRADIENT_TOLERANCE } from './checks.js';
import { Probe, SubmissionFault } from '../../checks/support/probe.js';
import { tensor, type ConvCase } from '../../checks/support/tensors.js';
import { mismatch } from '../../checks/support/compare.js';

/** Multiples of 1/8 (as the check draws them: the centred difference is then exact in float32). */
const eighths = (n: number, seed: number) => Array.from({ length: n }, (_, i) => (((i * 37 + seed * 11) % 17) - 8) / 8);

export const GRADIENT_LAYER: ConvCase = {
  x: tensor([1, 4, 4, 2], eighths(32, 1)),
  w: tensor([3, 3, 2, 2], eighths(36, 2)),
  b: tensor([2], eighths(2, 3)),
  dout: tensor([1, 4, 4, 2], eighths(32, 4)),
  options: { stride: 1, padding: 'same' },
};

/** Runs in the child that holds the student's code. */
export async function gradientErrors(submission: Submission): Promise<GradientErrors> {
  const errors = { x: [] as number[], w: [] as number[], b: [] as number[] };
  const failing = { x: 0, w: 0, b: 0 };
  const layer = "x [1, 4, 4, 2], w [3, 3, 2, 2], b [2], stride 1, 'same' padding";
  const tolerance = `a value fails when it differs by more than ${GRADIENT_TOLERANCE.abs} + ${GRADIENT_TOLERANCE.rel} × |numerical|`;
  let failure;
  try {
    failure = await compareGradients(GRADIENT_LAYER, new Probe(submission, 'layers'), ({ name, numerical, analytic }) => {
      const scale = Math.max(Math.abs(analytic), Math.abs(numerical));
      errors[name].push(scale === 0 ? 0 : Number.isFinite(analytic) ? Math.abs(analytic - numerical) / scale : Number.POSITIVE_INFINITY);
      if (mismatch(analytic, numerical, GRADIENT_TOLERANCE)) failing[name]++;
      return null;
    });
  } catch (e) {
    if (e instanceof SubmissionFault) return { layer, tolerance, parameters: [], unavailable: e.message };
    throw e;
  }
  if (failure) return { layer, tolerance, parameters: [], unavailable: failure.message };
  return {
    layer,
    tolerance,
    parameters: (['x', 'w', 'b'] as const).map((name) => {
      const rel = errors[name];
      const max = rel.reduce((m, v) => (v > m || Number.isNaN(v) ? v : m), 0);
      return { name: `d${name}` as const, values: rel.length, maxRelativeError: max, worstIndex: rel.indexOf(max), aboveTolerance: failing[name], relativeErrors: rel };
    }),
  };
}
