import fc from 'fast-check';
import type { CheckContext, Counterexample, Replay, Verdict } from '../types.js';
import { Probe, SubmissionFault } from './probe.js';
import type { Tolerance } from './compare.js';
import type { ExpectedIs } from '../../core/verdict.js';

/** What a check's body says about one input: null when it holds. */
export interface Failure {
  message: string;
  expected?: unknown;
  got?: unknown;
  /** Whether `expected` is the right answer or the property's other side (see Counterexample). */
  expectedIs?: ExpectedIs;
  /** The tolerance `got` was compared with, when it was compared with `expected` (the report marks differences by it). */
  tolerance?: Tolerance;
}
/** The body of a check: asks the submission through `probe` and judges one input. */
export type Body<T> = (input: T, probe: Probe) => Promise<Failure | null>;

interface Attempt {
  failure: Failure;
  counterexample: Counterexample;
  fault?: SubmissionFault;
}

async function attempt<T extends object>(ctx: CheckContext, input: T, body: Body<T>): Promise<Attempt | null> {
  const probe = new Probe(ctx.submission, ctx.exercise);
  const counterexample = (f: Failure): Counterexample => ({
    input: input as Record<string, unknown>,
    expected: f.expected,
    got: f.got,
    expectedIs: f.expectedIs,
    tolerance: f.tolerance,
    calls: probe.calls,
  });
  try {
    const failure = await body(input, probe);
    return failure && { failure, counterexample: counterexample(failure) };
  } catch (e) {
    if (!(e instanceof SubmissionFault)) throw e;
    const failure = { message: e.message };
    return { failure, counterexample: counterexample(failure), fault: e };
  }
}

function verdictOf(a: Attempt, replay?: Replay): Verdict {
  if (a.fault) return { status: 'errored', message: a.failure.message, counterexample: a.counterexample, replay };
  return { status: 'failed', message: a.failure.message, counterexample: a.counterexample, replay };
}

export interface PropertyOptions<T> {
  numRuns?: number;
  /** Inputs always tried first (edge cases fast-check might not reach). */
  examples?: T[];
}

/**
 * Checks `body` on inputs drawn from `arbitrary` with fast-check, seeded by the check's seed.
 * A failure is shrunk to the smallest input that still fails; the verdict carries it with the
 * calls made, and how to replay it.
 */
export async function forAll<T extends object>(
  ctx: CheckContext,
  arbitrary: fc.Arbitrary<T>,
  body: Body<T>,
  options: PropertyOptions<T> = {},
): Promise<Verdict> {
  let last: Attempt | undefined;
  let fatal = false;
  const property = fc.asyncProperty(arbitrary, async (input) => {
    // After a timeout or crash, every retry would cost a full time limit: report the input as is.
    if (fatal) return true;
    const a = await attempt(ctx, input, body);
    if (!a) return true;
    last = a;
    fatal = a.fault?.isFatal ?? false;
    return false;
  });
  const details = await fc.check(property, {
    seed: ctx.seed,
    numRuns: options.numRuns ?? ctx.config.numRuns,
    examples: options.examples?.map((e) => [e] as [T]),
  });
  if (!details.failed) return { status: 'passed' };
  if (!last) throw new Error(`fast-check failed without a recorded failure: ${String(details.errorInstance)}`);
  return verdictOf(last, { seed: details.seed, path: details.counterexamplePath ?? undefined });
}

/** Checks `body` on each worked example in turn; the first failure is the verdict. */
export async function forEachCase<T extends object>(ctx: CheckContext, cases: readonly T[], body: Body<T>): Promise<Verdict> {
  for (const input of cases) {
    const a = await attempt(ctx, input, body);
    if (a) return verdictOf(a);
  }
  return { status: 'passed' };
}
