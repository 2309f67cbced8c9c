/** The honest path in every mode, concurrency, closing, options (a call's cost: `npm run bench -- sandbox`). */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SANDBOX_OPTIONS, openSandboxedSubmission } from '../../grader/sandbox/index.js';
import { QUICK, bwrap, fixture, leftovers, processesMentioning, withSubmission } from './helpers.js';

const modes = ['none', 'node', ...(bwrap.ok ? (['bwrap'] as const) : [])] as const;

describe.each(modes)('honest submission, mode %s', (mode) => {
  it('answers calls and reads, keeps NaN/Infinity/-0 and Float64Array, reports missing exports', async () => {
    await withSubmission(fixture('honest-multifile'), { ...QUICK, mode }, async (s) => {
      expect(s.sandbox.mode).toBe(mode);
      expect(await s.get('convolution', 'convolve', [[1, 2, 3], [0, 1, 0.5]])).toEqual({ kind: 'returned', value: [0, 1, 2.5, 4, 1.5], mutated: false });
      const special = await s.get('convolution', 'binomialKernel', [7]);
      expect(special.kind).toBe('returned');
      const v = (special as { value: number[] }).value;
      expect(v.map(String)).toEqual(['NaN', 'Infinity', '-Infinity', '0', '7']);
      expect(Object.is(v[3], -0)).toBe(true);
      const smooth = await s.get('convolution', 'smooth', [[1, 2], [1]]);
      expect((smooth as { value: unknown }).value).toEqual(new Float64Array([1, 2]));
      expect(await s.get('convolution', 'nope', [])).toEqual({ kind: 'missing', message: "convolution.ts does not export 'nope'" });
      expect((await s.get('layers', 'conv2dForward', [])).kind).toBe('missing');
    });
  });

  it('runs concurrent calls of one exercise one at a time, and exercises side by side', async () => {
    await withSubmission(fixture('honest-multifile'), { ...QUICK, mode }, async (s) => {
      const calls = Array.from({ length: 50 }, (_, i) => s.get('convolution', 'movingAverageKernel', [1 + (i % 5)]));
      const results = await Promise.all(calls);
      results.forEach((r, i) => expect(r).toEqual({ kind: 'returned', value: new Array(1 + (i % 5)).fill(1 / (1 + (i % 5))), mutated: false }));
    });
  });
});

describe('lifecycle', () => {
  it('close() kills the children, removes the temp folder, is idempotent; later calls are refused', async () => {
    const s = await openSandboxedSubmission(fixture('prototype-poison'), { ...QUICK, mode: 'node' });
    await s.get('convolution', 'polluted', []);
    await s.get('convolution2d', 'polluted', []);
    expect(existsSync(s.workDir)).toBe(true);
    await Promise.all([s.close(), s.close()]);
    await s.close();
    expect(existsSync(s.workDir)).toBe(false);
    expect(await leftovers(s.workDir)).toEqual([]);
    expect((await s.get('convolution', 'polluted', [])).kind).toBe('crashed');
  });

  it('release() ends an exercise\'s child after its queued calls, keeps its output; a later call starts a new one', async () => {
    await withSubmission(fixture('output-flood'), { ...QUICK, mode: 'node' }, async (s) => {
      const queued = s.get('convolution', 'flood', [0.001]);
      await s.release('convolution');
      expect(await queued).toEqual({ kind: 'returned', value: 'done', mutated: false });
      expect(await leftovers(s.workDir)).toEqual([]);
      expect(s.output('convolution')).toContain('RED');
      expect(await s.get('convolution', 'flood', [0.001])).toEqual({ kind: 'returned', value: 'done', mutated: false });
      expect(processesMentioning(s.workDir)).not.toEqual([]);
    });
  });

  it.each(modes)('closing while a child starts or loads settles the call as crashed (mode %s)', async (mode) => {
    for (const delay of [0, 5, 30, 80]) {
      const s = await openSandboxedSubmission(fixture('honest-multifile'), { ...QUICK, mode });
      const pending = s.get('convolution', 'movingAverageKernel', [2]);
      await new Promise((r) => setTimeout(r, delay));
      await s.close();
      const o = await pending;
      expect(['crashed', 'returned']).toContain(o.kind);
      expect(await leftovers(s.workDir)).toEqual([]);
    }
  }, 30_000); // four starts of a sandbox: seconds on a loaded machine

  it('files named like the grader\'s runtime cannot replace it', async () => {
    await withSubmission(fixture('shadow-runtime'), { ...QUICK, mode: 'node' }, async (s) => {
      expect(await s.get('convolution', 'movingAverageKernel', [2])).toEqual({ kind: 'returned', value: [0.5, 0.5], mutated: false });
    });
  });

  it('resolves options once, with defaults, and refuses bad ones', async () => {
    expect(DEFAULT_SANDBOX_OPTIONS).toMatchObject({ mode: 'auto', callTimeoutMs: 5000, exerciseTimeoutMs: 120000, memoryMb: 2048 });
    await expect(openSandboxedSubmission(fixture('honest-multifile'), { mode: 'chroot' as never })).rejects.toThrow(/mode must be one of/);
    await expect(openSandboxedSubmission(fixture('honest-multifile'), { callTimeoutMs: -1 })).rejects.toThrow(/callTimeoutMs/);
    await withSubmission(fixture('honest-multifile'), {}, async (s) => {
      expect(s.label).toBe('honest-multifile');
      expect(s.sandbox.mode).toBe(bwrap.ok ? 'bwrap' : 'node');
      // Any exercise file may be asked for by name (the registry decides which exist); never a path.
      await expect(s.get('../nonsense' as never, 'x', [])).rejects.toThrow(/not an exercise name/);
      expect(await s.get('nonsense' as never, 'x', [])).toMatchObject({ kind: 'missing', message: 'the submission has no nonsense.ts (nor nonsense.js or nonsense.mjs)' });
    });
  });

  it.skipIf(bwrap.ok)('mode bwrap without bwrap is an error, not a silent downgrade', async () => {
    await expect(openSandboxedSubmission(fixture('honest-multifile'), { mode: 'bwrap' })).rejects.toThrow(/bwrap/);
  });
});
