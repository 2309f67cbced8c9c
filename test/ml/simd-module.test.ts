import { describe, expect, it } from 'vitest';
import { compiledKernels } from '../../grader/ml/wasm-kernels/simd-module.js';

/** The ids of a wasm binary's sections, in order (https://webassembly.github.io/spec/core/binary/modules.html). */
function sectionIds(binary: Uint8Array): number[] {
  const ids: number[] = [];
  let at = 8; // magic and version
  while (at < binary.length) {
    ids.push(binary[at++]);
    let size = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = binary[at++];
      size |= (byte & 0x7f) << shift;
      if (byte < 0x80) break;
    }
    at += size;
  }
  return ids;
}

describe('the SIMD kernels module', () => {
  // It shares tfjs-backend-wasm's heap: instantiating it must not write there, and it reaches
  // nothing but that memory.
  it.each([false, true])('imports only the memory, has no data and no start function (shared memory: %s)', async (shared) => {
    const binary = await compiledKernels(shared);
    const module = new WebAssembly.Module(new Uint8Array(binary));
    expect(WebAssembly.Module.imports(module)).toEqual([{ module: 'env', name: 'memory', kind: 'memory' }]);
    expect(WebAssembly.Module.exports(module).filter((e) => e.kind === 'function').map((e) => e.name).sort())
      .toEqual(['adam', 'addBias', 'addInto', 'conv2d', 'conv2dBackpropFilter', 'maxPoolGrad', 'reluGrad', 'sumRows']);
    const ids = sectionIds(binary);
    expect(ids).toContain(10); // code: the walk read real sections
    expect(ids).not.toContain(8); // start
    expect(ids).not.toContain(11); // data
  });
});
