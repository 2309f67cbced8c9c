import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, validateUserConfig } from '../../grader/config/validate.js';
import { loadUserConfig } from '../../grader/config/load.js';
import { resolveConfig } from '../../grader/config/resolve.js';
import { checkSeed, checkSettings } from '../../grader/config/per-check.js';
import { DEFAULT_CONFIG } from '../../grader/config/defaults.js';
import { ALL_CHECKS } from '../../grader/exercises/registry.js';
import { selectChecks } from '../../grader/exercises/select-checks.js';

const IDS = ['convolution.linear', 'convolution.matches-numpy'];

function problems(raw: unknown): string[] {
  try {
    validateUserConfig(raw, IDS, 'grader.config.ts');
    return [];
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return e.problems;
  }
}

describe('validateUserConfig', () => {
  it('accepts a complete, correct config', () => {
    expect(
      problems({
        seed: 1,
        numRuns: 50,
        checks: { 'convolution.linear': { points: 3, visibility: 'hidden', enabled: true, seed: -5, numRuns: 10 } },
        training: { limits: { maxEpochs: 3, trainSamples: 1000 }, fullPointsAccuracy: 0.97, zeroPointsAccuracy: 0.8, backend: 'wasm' },
        sandbox: { mode: 'node', memoryMb: 1024 },
      }),
    ).toEqual([]);
  });

  it('names the key path of every problem', () => {
    expect(
      problems({
        numRuns: 0,
        checks: { 'convolution.lineer': { points: 1 }, 'convolution.linear': { points: -1, visibility: 'secret' } },
        training: { limits: { maxEpochs: '5' } },
        sandbox: { memMb: 3 },
        colour: 'blue',
      }),
    ).toEqual([
      'numRuns: must be a whole number ≥ 1 (got 0)',
      "checks['convolution.lineer']: unknown check id; did you mean 'convolution.linear'?",
      "checks['convolution.linear'].points: must be a number ≥ 0 (got -1)",
      "checks['convolution.linear'].visibility: must be one of 'public', 'hidden' (got \"secret\")",
      'training.limits.maxEpochs: must be a whole number ≥ 1 (got "5")',
      "sandbox.memMb: unknown key; did you mean 'memoryMb'?",
      'colour: unknown key',
    ]);
  });

  it('checks relations between keys and wrong shapes', () => {
    expect(problems({ training: { fullPointsAccuracy: 0.8, zeroPointsAccuracy: 0.9 } })).toEqual([
      'training.zeroPointsAccuracy: must be below training.fullPointsAccuracy (0.9 ≥ 0.8)',
    ]);
    expect(problems([])).toEqual(['(the config): must be an object (got an array)']);
    expect(problems({ checks: { 'convolution.linear': 3 } })).toEqual(["checks['convolution.linear']: must be an object (got 3)"]);
  });
});

describe('loading and resolving', () => {
  it('loads a grader.config.ts written with defineConfig, and JSON, and refuses an unknown check by name', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'config-'));
    const define = path.resolve(import.meta.dirname, '../../grader/config/define.js');
    writeFileSync(path.join(dir, 'grader.config.ts'), `import { defineConfig } from ${JSON.stringify(define)};\nexport default defineConfig({ numRuns: 7, checks: { 'convolution.linear': { points: 5 } } });\n`);
    const ids = ALL_CHECKS.map((c) => c.id);
    const { config } = await loadUserConfig(undefined, ids, dir);
    expect(config).toEqual({ numRuns: 7, checks: { 'convolution.linear': { points: 5 } } });
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ checks: { 'convolution.nope': { points: 1 } } }));
    await expect(loadUserConfig('bad.json', ids, dir)).rejects.toThrow(/bad\.json: invalid configuration: checks\['convolution\.nope'\]: unknown check id/);
    await expect(loadUserConfig('missing.json', ids, dir)).rejects.toThrow(/missing\.json.*does not exist/s);
  });

  it('resolves once: command line over file over defaults; per-check points, visibility, seed and runs', () => {
    const config = resolveConfig(DEFAULT_CONFIG, { seed: 9 }, {
      seed: 5,
      numRuns: 11,
      checks: { 'convolution.linear': { points: 7, visibility: 'hidden', seed: 42, numRuns: 3 } },
      training: { limits: { maxEpochs: 2 } },
    });
    expect(config.seed).toBe(9);
    expect(config.numRuns).toBe(11);
    expect(config.training.limits).toEqual({ ...DEFAULT_CONFIG.training.limits, maxEpochs: 2 });
    const linear = selectChecks(config, { visibility: 'all' }).find((c) => c.id === 'convolution.linear')!;
    expect([linear.points, linear.visibility]).toEqual([7, 'hidden']);
    expect(selectChecks(config, { visibility: 'public' }).some((c) => c.id === 'convolution.linear')).toBe(false);
    expect(checkSettings(config, 'convolution.linear')).toEqual({ seed: 42, config: { ...config, numRuns: 3 } });
    expect(checkSettings(config, 'convolution.identity')).toEqual({ seed: checkSeed(9, 'convolution.identity'), config });
  });
});
