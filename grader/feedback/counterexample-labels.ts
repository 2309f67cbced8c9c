import type { ExpectedIs } from '../core/verdict.js';

/**
 * The words beside a counterexample's two values, for every front end (terminal, report, studio).
 * A property's other side is computed by the submission too, so it is never called the right answer.
 */
export interface CounterexampleLabels {
  /** A heading for `expected` (report, studio). */
  expected: string;
  /** The same as a word, in a terminal line (`expected: [1, 2]`) and on a picture of it. */
  expectedWord: string;
  got: string;
  /** Whether `expected` is the right answer (shown in the colour of a pass). */
  isAnswer: boolean;
}

export function counterexampleLabels(expectedIs: ExpectedIs = 'answer'): CounterexampleLabels {
  const got = '✗ Your code returned';
  return expectedIs === 'other-side'
    ? { expected: '= Should equal (the other side, also from your code)', expectedWord: 'should equal', got, isAnswer: false }
    : { expected: '✓ Expected', expectedWord: 'expected', got, isAnswer: true };
}
