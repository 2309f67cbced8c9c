/** The attacks of test/fixtures/attacks, what each is graded as, and what it may still score. */
import { expect } from 'vitest';
import type { ExerciseId } from '../../grader/core/contract.js';
import { expectNoPoints, type AttackOptions, type AttackRun } from './grade-attack.js';

export interface Attack {
  name: string;
  attacked: ExerciseId;
  honest: readonly ExerciseId[];
  sandbox?: AttackOptions['sandbox'];
  links?: AttackOptions['links'];
  /** What the attacked exercise may score; by default nothing at all. */
  verdict?: (run: AttackRun) => void;
}

const conv = { attacked: 'convolution', honest: ['convolution2d'] } as const;
/** Loops and hangs: a short exercise budget, so each costs a few seconds (the honest exercise beside it shares it: enough for a loaded machine). */
const hangs = { callTimeoutMs: 1_000, exerciseTimeoutMs: 6_000 };

const messages = (run: AttackRun, ex: ExerciseId) => run.results.tests.filter((t) => t.tags.includes(ex)).map((t) => t.output).join('\n');

export const PROCESS_ATTACKS: Attack[] = [
  { name: 'exit-on-load', ...conv, verdict: (r) => { expectNoPoints(r, 'convolution'); expect(messages(r, 'convolution')).toMatch(/stopped the process while loading/); } },
  { name: 'exit-in-call', ...conv, verdict: (r) => { expectNoPoints(r, 'convolution'); expect(messages(r, 'convolution')).toMatch(/crashed/); } },
  { name: 'abort', ...conv, verdict: (r) => { expectNoPoints(r, 'convolution'); expect(messages(r, 'convolution')).toMatch(/crashed/); } },
  { name: 'loop-on-load', ...conv, sandbox: hangs },
  { name: 'loop-in-call', ...conv, sandbox: hangs, verdict: (r) => { expectNoPoints(r, 'convolution'); expect(messages(r, 'convolution')).toMatch(/time|budget/i); } },
  { name: 'never-settles', ...conv, sandbox: hangs },
  { name: 'memory-typed', ...conv, sandbox: { ...hangs, memoryMb: 256 } },
  { name: 'memory-string', ...conv, sandbox: { ...hangs, memoryMb: 256 } },
  { name: 'spawn-rewrite', ...conv },
  { name: 'kill-parent', ...conv },
  { name: 'output-flood', ...conv, sandbox: hangs },
];

export const DATA_ATTACKS: Attack[] = [
  { name: 'forged-output', ...conv },
  { name: 'prototype-poison', ...conv },
  { name: 'import-reference', ...conv, verdict: (r) => { expectNoPoints(r, 'convolution'); expect(messages(r, 'convolution')).toMatch(/may import only its own files/); } },
  { name: 'require-reference', ...conv },
  { name: 'dynamic-import-reference', ...conv },
  { name: 'readfile-reference', ...conv },
  { name: 'symlink-reference', ...conv, links: { 'convolution.ts': 'solutions/convolution.ts' } },
  // A NaN array of the right length earns the length check, which looks at nothing else.
  { name: 'nan-infinity', ...conv, verdict: (r) => expectNoPoints(r, 'convolution', ['convolution.full-length', 'convolution.no-mutation']) },
  { name: 'proxy-getters', ...conv },
  { name: 'odd-throws', ...conv, sandbox: hangs },
  { name: 'huge-output', ...conv, sandbox: hangs },
  { name: 'html-ansi', ...conv },
  {
    name: 'hardcoded-examples',
    ...conv,
    // The table earns the public worked examples (and a cross-correlation is linear and shift-equivariant);
    // the hidden differential test on random signals takes the rest.
    verdict: (r) => {
      expect(r.test('convolution.worked-examples').score).toBe(3);
      expect(r.test('convolution.matches-numpy').score).toBe(0);
      expect(r.test('convolution.commutative').score).toBe(0);
    },
  },
  { name: 'global-leak', ...conv },
  { name: 'write-output', ...conv },
  { name: 'to-primitive', ...conv },
];

const cnn = { attacked: 'cnn', honest: ['parameters'] } as const;
const refused = (r: AttackRun) => {
  expectNoPoints(r, 'cnn');
  expect(r.test('cnn.mnist-accuracy').output).not.toMatch(/Test accuracy \d/);
};
export const CNN_ATTACKS: Attack[] = [
  { name: 'cnn-fake-model', ...cnn, verdict: refused },
  { name: 'cnn-custom-layer', ...cnn, verdict: (r) => { refused(r); expect(r.test('cnn.model-accepted').output).toMatch(/AttackOracle/); } },
  { name: 'cnn-lambda-layer', ...cnn, verdict: (r) => { refused(r); expect(r.test('cnn.model-accepted').output).toMatch(/Lambda/); } },
  { name: 'cnn-giant', ...cnn, verdict: refused },
];
