import { describe, expect, it } from 'vitest';
import { ALL_CHECKS, checksOf } from '../../grader/exercises/registry.js';
import { REFERENCE } from '../../grader/exercises/reference.js';
import { inProcessSubmission } from '../../grader/run/in-process-submission.js';
import { runCheck } from '../../grader/run/run-check.js';
import { SELF_TEST_CONFIG } from '../self/self-grade.js';
import { namesArgument } from '../../grader/checks/support/errors.js';

const check = (id: string) => ALL_CHECKS.find((c) => c.id === id)!;
async function grade(id: string, module: Record<string, unknown>) {
  const c = check(id);
  const ctx = { exercise: c.exercise, submission: inProcessSubmission('t', { [c.exercise]: module }), reference: REFERENCE, checksOf, seed: 1, config: SELF_TEST_CONFIG };
  return runCheck(c, ctx, { mistakes: [], probes: [] });
}
const convolution = REFERENCE.convolution as unknown as Record<string, unknown>;

describe('invalid input: an Error naming the argument, in the student’s own words', () => {
  it('a thrown string fails, with a message saying it is not an Error', async () => {
    const convolve = (a: number[], v: number[], mode = 'full') => {
      if (a.length === 0) throw 'a is empty';
      return REFERENCE.convolution.convolve(a, v, mode as 'full');
    };
    const r = await grade('convolution.invalid-input', { ...convolution, convolve });
    expect(r.verdict.status).toBe('failed');
    expect('message' in r.verdict && r.verdict.message).toMatch(/not an Error.*throw new Error/);
  });

  it('a thrown object whose text contains the word "a" does not name the argument a', async () => {
    const convolve = (a: number[], v: number[], mode = 'full') => {
      if (a.length === 0) throw { reason: 'bad' };
      return REFERENCE.convolution.convolve(a, v, mode as 'full');
    };
    const r = await grade('convolution.invalid-input', { ...convolution, convolve });
    expect(r.score).toBe(0);
  });

  it('other wording that names the argument passes; the word inside another word does not', () => {
    expect(namesArgument('convolve: argument "a" must not be empty', 'a')).toBe(true);
    expect(namesArgument('a.length must be > 0', 'a')).toBe(true);
    expect(namesArgument('Empty array given', 'a')).toBe(false);
    expect(namesArgument('kernel_size must be >= 1', 'size')).toBe(false);
    expect(namesArgument('size=0 is not allowed', 'size')).toBe(true);
  });
});

describe('a missing export is charged once, by the checks about it', () => {
  const { smooth: _smooth, ...withoutSmooth } = convolution;
  it.each(['convolution.no-mutation', 'convolution.invalid-input'])('%s: a correct convolve keeps its points without smooth', async (id) => {
    const r = await grade(id, withoutSmooth);
    expect(r.verdict.status).toBe('passed');
  });
  it('a check whose functions are all missing is charged', async () => {
    const r = await grade('convolution.no-mutation', { movingAverageKernel: convolution.movingAverageKernel });
    expect(r.verdict.status).toBe('errored');
    expect(r.score).toBe(0);
  });
  it('smooth-is-same still charges the missing smooth', async () => {
    const r = await grade('convolution.smooth-is-same', withoutSmooth);
    expect(r.score).toBe(0);
  });
});

describe('a max pool that starts its search at −99999 loses its points', () => {
  it('layers.worked-examples fails', async () => {
    const layers = REFERENCE.layers as unknown as Record<string, unknown>;
    const maxPool2dForward = (x: { shape: number[]; data: Float32Array }, o: { size: number; stride: number }) => {
      const out = REFERENCE.layers.maxPool2dForward(x, o);
      return { shape: out.shape, data: out.data.map((v) => Math.max(v, -99999)) };
    };
    const r = await grade('layers.worked-examples', { ...layers, maxPool2dForward });
    expect(r.verdict.status).toBe('failed');
  });
});
