import { describe, expect, it } from 'vitest';
import { compiledKernels, type SimdKernels } from '../../grader/ml/wasm-kernels/simd-module.js';
import { batchChunks, batchParts, SimdThreads } from '../../grader/ml/wasm-kernels/simd-threads.js';

describe("the SIMD kernels' threads", () => {
  it('keep to one thread on a memory that is not shared', async () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const module = await WebAssembly.compile(new Uint8Array(await compiledKernels(false)));
    const kernels = (await WebAssembly.instantiate(module, { env: { memory } })).exports as unknown as SimdKernels;
    expect((await SimdThreads.start(kernels, module, memory, 4)).pool.threads).toBe(1);
  });

  it('split a batch into parts that cover it once, and into fixed chunks whatever the threads', () => {
    expect(batchParts(128, 2)).toEqual([[0, 64], [64, 128]]);
    expect(batchParts(3, 8)).toEqual([[0, 1], [1, 2], [2, 3]]);
    expect(batchParts(5, 2)).toEqual([[0, 2], [2, 5]]);
    expect(batchChunks(128, 32)).toEqual([[0, 32], [32, 64], [64, 96], [96, 128]]);
    expect(batchChunks(70, 32)).toEqual([[0, 32], [32, 64], [64, 70]]);
    expect(batchChunks(0, 32)).toEqual([[0, 0]]);
  });
});
