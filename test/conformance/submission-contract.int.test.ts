/**
 * One conformance suite for every implementation of the Submission contract (grader/core/
 * submission.ts): in-process (trusted code), and the sandbox's `node` and `bwrap` modes. A verdict
 * must not depend on the path a submission took. A mode this machine lacks is skipped with the
 * reason and how to get it printed, never passed silently.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallOutcome, Submission } from '../../grader/core/submission.js';
import { inProcessSubmission } from '../../grader/run/in-process-submission.js';
import { loadInProcess } from '../../grader/run/load-in-process.js';
import { openSandboxedSubmission, probeBwrap } from '../../grader/sandbox/index.js';
import { CONTRACT_FIXTURE } from './contract-fixture.js';

const dir = mkdtempSync(path.join(tmpdir(), 'conformance-'));
writeFileSync(path.join(dir, 'convolution.ts'), CONTRACT_FIXTURE);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bwrap = await probeBwrap();

interface Mode {
  name: string;
  /** Why this machine cannot run it, and how to get it; null when it can. */
  unavailable: string | null;
  /** A process boundary: time limits and exits are contained. */
  isolated: boolean;
  open(): Promise<Submission>;
}

const MODES: Mode[] = [
  { name: 'in-process', unavailable: null, isolated: false, open: async () => inProcessSubmission('conformance', await loadInProcess(dir, ['convolution'])) },
  { name: 'node', unavailable: null, isolated: true, open: () => openSandboxedSubmission(dir, { mode: 'node', callTimeoutMs: 1_500, exerciseTimeoutMs: 60_000 }) },
  {
    name: 'bwrap',
    unavailable: bwrap.ok ? null : `${bwrap.detail} — install it (apt-get install bubblewrap) and allow unprivileged user namespaces`,
    isolated: true,
    open: () => openSandboxedSubmission(dir, { mode: 'bwrap', callTimeoutMs: 1_500, exerciseTimeoutMs: 60_000 }),
  },
];

const returned = (o: CallOutcome) => {
  if (o.kind !== 'returned') throw new Error(`expected a value, got ${JSON.stringify(o)}`);
  return o;
};

for (const mode of MODES) {
  if (mode.unavailable) console.warn(`conformance: the '${mode.name}' leg is skipped on this machine: ${mode.unavailable}`);
  describe.skipIf(mode.unavailable !== null)(`Submission contract: ${mode.name}`, () => {
    let s: Submission;
    const call = (name: string, args?: unknown[]) => s.get('convolution', name, args);
    beforeAll(async () => {
      s = await mode.open();
    });
    afterAll(() => s?.close());

    it('a call that leaves its arguments alone is not mutated', async () => {
      const o = returned(await call('pure', [[1, 2, 3], { mode: 'full' }]));
      expect(o).toMatchObject({ value: 4, mutated: false });
      expect(returned(await call('echo', [[[1, 2], [3, 4]]])).mutated).toBe(false);
      expect(returned(await call('echo', [{ shape: [2], data: new Float32Array([1, NaN]) }])).mutated).toBe(false);
    });

    it('detects mutation of arrays, nested arrays, typed arrays and option objects', async () => {
      expect(returned(await call('mutateArray', [[1, 2, 3]])).mutated).toBe(true);
      expect(returned(await call('sortArray', [[3, 1, 2]])).mutated).toBe(true);
      expect(returned(await call('mutateNested', [[[1, 2], [3, 4]]])).mutated).toBe(true);
      expect(returned(await call('mutateTyped', [{ shape: [3], data: new Float32Array([1, 2, 3]) }])).mutated).toBe(true);
      expect(returned(await call('mutateOptions', [[[1]], {}])).mutated).toBe(true);
      expect(returned(await call('negateZero', [[0, 1]])).mutated).toBe(true);
    });

    it('reports a non-Error throw as such, and an Error with isError', async () => {
      for (const name of ['throwString', 'throwObject']) {
        const o = await call(name, []);
        expect(o).toMatchObject({ kind: 'threw', message: expect.stringMatching(/not an Error/) });
        expect((o as { isError?: boolean }).isError).toBeUndefined();
      }
      expect(await call('throwError', [])).toMatchObject({ kind: 'threw', isError: true, message: expect.stringContaining('size must be ≥ 1') });
    });

    it('NaN, ±Infinity, -0 and typed arrays round-trip', async () => {
      const v = returned(await call('specials', [])).value as unknown[];
      expect([NaN, Infinity, -Infinity, -0].map((want, i) => Object.is(v[i], want))).toEqual([true, true, true, true]);
      expect(v[4]).toBeInstanceOf(Float32Array);
      expect(Array.from(v[4] as Float32Array).map((x) => String(Object.is(x, -0) ? '-0' : x))).toEqual(['1.5', 'NaN', '-0']);
      expect(v[5]).toBeInstanceOf(Float64Array);
      expect(Array.from(v[5] as Float64Array)).toEqual([Number.MIN_VALUE, -Infinity]);
      const sent = [NaN, -0, Infinity, new Float64Array([-0, NaN])];
      const back = returned(await call('echo', [sent])).value as unknown[];
      expect(Object.is(back[0], NaN) && Object.is(back[1], -0) && back[2] === Infinity).toBe(true);
      expect(back[3]).toBeInstanceOf(Float64Array);
    });

    it('refuses proxies, getters and class instances', async () => {
      expect(await call('proxied', [])).toMatchObject({ kind: 'threw', message: expect.stringMatching(/not plain data.*Proxy/) });
      expect(await call('withGetter', [])).toMatchObject({ kind: 'threw', message: expect.stringMatching(/not plain data.*getter/) });
      expect(await call('instance', [])).toMatchObject({ kind: 'threw', message: expect.stringMatching(/not plain data.*Map/) });
    });

    it('reports missing exports and non-functions as missing, and reads values', async () => {
      expect(await call('noSuchExport', [])).toMatchObject({ kind: 'missing' });
      expect(await call('notAFunction', [1])).toMatchObject({ kind: 'missing', message: expect.stringMatching(/not a function/) });
      expect(await call('notAFunction')).toEqual({ kind: 'returned', value: 42 });
      expect(await s.get('filters', 'blur', [[[1]], 1])).toMatchObject({ kind: 'missing' });
    });

    it.skipIf(!mode.isolated)('stops a call that never returns, and goes on', async () => {
      expect(await call('loop', [])).toMatchObject({ kind: 'timeout' });
      expect(returned(await call('pure', [[1], {}])).value).toBe(1);
    });

    it.skipIf(!mode.isolated)('reports an exit as a crash, and goes on', async () => {
      expect(await call('exit', [])).toMatchObject({ kind: 'crashed', message: expect.stringMatching(/exited with code 3/) });
      expect(returned(await call('pure', [[1], {}])).value).toBe(1);
    });
  });
}

if (!MODES.every((m) => m.isolated)) {
  console.warn("conformance: timeouts and exits are not tried in-process: it runs trusted code only, with no process boundary (use a sandbox mode for student code)");
}
