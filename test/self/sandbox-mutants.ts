import type { Reference } from '../../grader/core/reference.js';

/**
 * Mutants that misbehave the way only untrusted code can, and that no diagnosis names: they exist
 * to prove the checks catch them on the path real grading takes (the sandbox), where a call's
 * arguments and thrown values cross a process boundary. `caughtBy` is the check that must fail.
 */
export interface SandboxMutant {
  readonly id: string;
  readonly exercise: 'convolution';
  readonly title: string;
  readonly caughtBy: string;
  apply(reference: Reference): Record<string, unknown>;
}

type Convolve = Reference['convolution']['convolve'];

export const SANDBOX_MUTANTS: readonly SandboxMutant[] = [
  {
    id: 'mutates-inputs',
    exercise: 'convolution',
    title: 'convolve computes the right answer, then reverses `a` in place',
    caughtBy: 'no-mutation',
    apply: (ref) => ({
      convolve: ((a, v, mode) => {
        const result = ref.convolution.convolve(a, v, mode);
        a.reverse();
        return result;
      }) as Convolve,
    }),
  },
  {
    id: 'throws-string',
    exercise: 'convolution',
    title: 'convolve throws a string, not an Error, for invalid input',
    caughtBy: 'invalid-input',
    apply: (ref) => ({
      convolve: ((a, v, mode) => {
        try {
          return ref.convolution.convolve(a, v, mode);
        } catch (e) {
          throw e instanceof Error ? e.message : String(e);
        }
      }) as Convolve,
    }),
  },
  {
    id: 'float32-array',
    exercise: 'convolution',
    title: 'convolve returns a Float32Array where number[] is expected',
    caughtBy: 'worked-examples',
    apply: (ref) => ({
      convolve: (...args: Parameters<Convolve>) => Float32Array.from(ref.convolution.convolve(...args)),
    }),
  },
];
