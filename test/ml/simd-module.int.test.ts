import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cacheEntry, compiledKernels } from '../../grader/ml/wasm-kernels/simd-module.js';

// Compiles the kernels twice with AssemblyScript: seconds of CPU, too slow for the unit layer.
describe('the SIMD kernels module', () => {
  it('is kept in the cache, named by its source, and read from there', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'simd-cache-'));
    try {
      const binary = await compiledKernels(false, dir);
      expect(WebAssembly.validate(new Uint8Array(binary))).toBe(true);
      const { file } = cacheEntry(false, dir);
      expect(new Uint8Array(readFileSync(file))).toEqual(new Uint8Array(binary));
      writeFileSync(file, 'cached');
      expect(Buffer.from(await compiledKernels(false, dir)).toString()).toBe('cached');
      rmSync(file);
      expect(new Uint8Array(await compiledKernels(false, dir))).toEqual(new Uint8Array(binary)); // compiled again
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
