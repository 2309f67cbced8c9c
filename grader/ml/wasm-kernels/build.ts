/**
 * `npm run kernels`: compiles the grader's SIMD kernels (both builds: plain and shared memory) into
 * the cache, as an autograder image's build step; otherwise the first training does, ~2 s each.
 */
import { cacheEntry, compiledKernels } from './simd-module.js';

try {
  for (const shared of [false, true]) {
    const binary = await compiledKernels(shared);
    console.log(`SIMD kernels ready (${shared ? 'shared' : 'plain'} memory, ${binary.length} bytes): ${cacheEntry(shared).file}`);
  }
} catch (e) {
  console.error(`the SIMD kernels could not be compiled: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  process.exitCode = 1;
}
