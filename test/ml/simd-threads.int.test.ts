import { describe, expect, it } from 'vitest';
import { compiledKernels, type SimdKernels } from '../../grader/ml/wasm-kernels/simd-module.js';
import { SimdThreads } from '../../grader/ml/wasm-kernels/simd-threads.js';

/** The kernels on a shared memory of their own (as on the threaded build's heap), on `threads` threads. */
async function pool(threads: number) {
  const memory = new WebAssembly.Memory({ initial: 16, maximum: 65536, shared: true });
  const module = await WebAssembly.compile(new Uint8Array(await compiledKernels(true)));
  const kernels = (await WebAssembly.instantiate(module, { env: { memory } })).exports as unknown as SimdKernels;
  const { pool, problem } = await SimdThreads.start(kernels, module, memory, threads);
  return { pool, problem, floats: new Float32Array(memory.buffer) };
}

describe("the SIMD kernels' threads", () => {
  it('run every part, on the helpers too, more parts than threads in rounds', async () => {
    const { pool: threads, problem, floats } = await pool(2);
    expect(problem).toBeUndefined();
    expect(threads.threads).toBe(2);
    // Five parts, each adding its own source row of 8 floats into its own destination row.
    for (let part = 0; part < 5; part++) {
      floats.fill(part, part * 8, part * 8 + 8);
      floats.fill(100, 1000 + part * 8, 1000 + part * 8 + 8);
    }
    threads.run('addInto', [0, 1, 2, 3, 4].map((part) => [(1000 + part * 8) * 4, part * 8 * 4, 8]));
    expect([0, 1, 2, 3, 4].map((part) => floats[1000 + part * 8 + 7])).toEqual([100, 101, 102, 103, 104]);
  });

  it("say which kernel failed when a helper's part traps, and stay usable", async () => {
    const { pool: threads, floats } = await pool(2);
    const outside = 65536 * 65536 - 64; // past the memory: the part on the helper traps
    expect(() => threads.run('addInto', [[0, 64, 4], [outside, 0, 4]])).toThrow('the SIMD kernel addInto failed on a helper thread');
    floats.fill(1, 0, 8);
    floats.fill(2, 8, 16);
    threads.run('addInto', [[0, 32, 4], [16, 48, 4]]);
    expect([...floats.subarray(0, 8)]).toEqual([3, 3, 3, 3, 3, 3, 3, 3]);
  });
});
