/** A counterexample's label is the call that was made, every option included; counts are pluralised. */
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS, checksOf } from '../../grader/exercises/registry.js';
import { REFERENCE } from '../../grader/exercises/reference.js';
import { inProcessSubmission } from '../../grader/run/in-process-submission.js';
import { runCheck } from '../../grader/run/run-check.js';
import { plural } from '../../grader/feedback/plural.js';
import { SELF_TEST_CONFIG } from '../self/self-grade.js';
import type { Conv2dOptions, Matrix } from '../../grader/core/contract.js';
import { agree } from '../../grader/checks/support/differential.js';
import { formatCheckText } from '../../grader/feedback/format-text.js';
import { reportView } from '../../grader/outputs/html/view/report-view.js';
import { counterexamplePictures } from '../../grader/studio/counterexample-pictures.js';

async function grade(id: string, module: Record<string, unknown>) {
  const c = ALL_CHECKS.find((x) => x.id === id)!;
  const ctx = { exercise: c.exercise, submission: inProcessSubmission('t', { [c.exercise]: module }), reference: REFERENCE, checksOf, seed: 1, config: SELF_TEST_CONFIG };
  return runCheck(c, ctx, { mistakes: [], probes: [] });
}

describe('counterexample labels', () => {
  it("convolution2d.identity names every option of the 'same' call, fillValue included", async () => {
    const ref = REFERENCE.convolution2d;
    // Wrong in 'same' only: the [[1]] call passes, the 3×3 delta in 'same' fails.
    const convolve2d = (image: Matrix, kernel: Matrix, o: Conv2dOptions = {}) => (o.mode === 'same' && kernel.length === 3 ? image.map((row) => row.map(() => 0)) : ref.convolve2d(image, kernel, o));
    const r = await grade('convolution2d.identity', { ...ref, convolve2d });
    expect(r.verdict.status).toBe('failed');
    const text = JSON.stringify(r.verdict);
    expect(text).toMatch(/convolve2d\(image, \[\[0, 0, 0\], \[0, 1, 0\], \[0, 0, 0\]\], \{ mode: \\"same\\", boundary: \\"\w+\\", fillValue: -?\d+ \}\)/);
  });

  it('names a NaN on the side that has it: the expected side of a property is often the student’s own output', async () => {
    expect(agree('f(a) ≠ f(b)', [0, 0], [Number.NaN, 0])?.message).toBe('f(a) ≠ f(b): the other side, also computed by your code, holds NaN, but every input was finite');
    expect(agree('f(a) ≠ f(b)', [0, Number.NaN], [0, 0])?.message).toBe('f(a) ≠ f(b): got NaN, but every input was finite');
    // Through a check: convolve answers NaN whenever a is the shorter argument; whichever side fast-check keeps, the message says that side.
    const ref = REFERENCE.convolution;
    const convolve = (a: number[], v: number[], mode?: 'full') => (a.length < v.length ? ref.convolve(a, v, mode).map(() => Number.NaN) : ref.convolve(a, v, mode));
    const r = await grade('convolution.commutative', { ...ref, convolve });
    if (r.verdict.status !== 'failed') throw new Error(`expected a failure, got ${r.verdict.status}`);
    const { got, expected } = r.verdict.counterexample!;
    const hasNaN = (v: unknown) => Array.isArray(v) && v.some((x) => Number.isNaN(x));
    expect(hasNaN(got) || hasNaN(expected)).toBe(true);
    expect(r.verdict.message).toContain(hasNaN(got) ? ': got NaN' : 'the other side');
  });

  it('never calls a property’s other side, computed by the student’s code too, the right answer', async () => {
    const ref = REFERENCE.convolution;
    // Not commutative: the longer argument's first sample is doubled.
    const convolve = (a: number[], v: number[], mode?: 'full') => ref.convolve(a.length >= v.length ? [2 * a[0], ...a.slice(1)] : a, v, mode);
    const r = await grade('convolution.commutative', { ...ref, convolve });
    if (r.verdict.status !== 'failed') throw new Error(`expected a failure, got ${r.verdict.status}`);
    expect(r.verdict.counterexample?.expectedIs).toBe('other-side');
    expect(r.verdict.message).toMatch(/^convolve\(a, v\) ≠ convolve\(v, a\): (at \[\d+\]: should be -?[\d.]+, got -?[\d.]+|should be .*, got .*)$/);
    const text = formatCheckText(r);
    expect(text).toMatch(/\n {4}should equal: \[.*\n {4}got: {10}\[/);
    expect(text).not.toMatch(/\bexpected: /);
    const view = (await reportView({ submission: 's', startedAt: '', seconds: 0, seed: 1, score: 0, maxScore: 2, exercises: [{ exercise: 'convolution', score: 0, maxScore: 2, checks: [r] }], environment: {} } as never, undefined)).exercises[0].checks[0];
    expect(view.counterexample?.labels.expected).toBe('= Should equal (the other side, also from your code)');
    const drawn = await counterexamplePictures(r.verdict.counterexample);
    expect(drawn?.charts.map((c) => c.label)).toContain('should equal and yours, entry by entry');
    // Nor painted in the right answer's green.
    const chart = drawn!.charts.find((c) => c.label.startsWith('should equal'))!;
    expect(decodeURIComponent(chart.dataUri)).not.toContain('#15803d');

    // Compared with the reference's answer: that one is the right answer.
    const wrong = await grade('convolution.matches-numpy', { ...ref, convolve: (a: number[], v: number[], mode?: 'full') => ref.convolve(a, v, mode).map((x) => x + 1) });
    if (wrong.verdict.status !== 'failed') throw new Error(`expected a failure, got ${wrong.verdict.status}`);
    expect(wrong.verdict.counterexample?.expectedIs ?? 'answer').toBe('answer');
    expect(wrong.verdict.message).toMatch(/expected .*, got /);
    expect(formatCheckText(wrong)).toMatch(/\n {4}expected: \[.*\n {4}got: {6}\[/);
  });

  it('plural says "1 filter" and "2 filters"', () => {
    expect(plural(1, 'filter')).toBe('1 filter');
    expect(plural(2, 'parameter')).toBe('2 parameters');
  });
});

describe('the studio’s model summary', () => {
  it('shows a layer by its position when tfjs named it, by its own name otherwise', async () => {
    const { layerName } = await import('../../grader/exercises/cnn/model-summary.js');
    expect(layerName('conv2d_Conv2D3', 0)).toBe('#1');
    expect(layerName('dense_Dense12', 4)).toBe('#5');
    expect(layerName('max_pooling2d_MaxPooling2D1', 1)).toBe('#2');
    expect(layerName('features', 2)).toBe('features');
  });
});
