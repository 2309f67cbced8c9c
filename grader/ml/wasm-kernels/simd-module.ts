import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { writeAtomic } from '../../core/write-atomic.js';
import { SimdThreads } from './simd-threads.js';
import type { SimdKernels } from './simd-kernels.js';

export type { SimdKernels };

const require = createRequire(import.meta.url);
const SOURCE = new URL('./assembly/kernels.ts', import.meta.url);
const COMPILER = new URL('./compile-kernels.mjs', import.meta.url);

interface EmscriptenMemory {
  wasmMemory?: WebAssembly.Memory;
  asm?: { memory?: WebAssembly.Memory };
}

const pools = new WeakMap<BackendWasm, SimdThreads>();

/**
 * Our SIMD kernels, instantiated on `backend`'s own memory (so they read and write its tensors in
 * place), on up to `threads` threads when that memory is shared (the threaded build). The
 * AssemblyScript source is compiled once per machine and kept, named by its content, in
 * node_modules/.cache; a compile takes ~2 s. Call once before `simdThreads`.
 */
export async function loadSimdKernels(backend: BackendWasm, threads: number): Promise<{ threads: number; problem?: string }> {
  const known = pools.get(backend);
  if (known) return { threads: known.threads };
  const memory = heapMemory(backend);
  const shared = memory.buffer instanceof SharedArrayBuffer;
  const module = await WebAssembly.compile(new Uint8Array(await compiledKernels(shared)));
  const kernels = (await WebAssembly.instantiate(module, { env: { memory } })).exports as unknown as SimdKernels;
  const { pool, problem } = await SimdThreads.start(kernels, module, memory, threads);
  pools.set(backend, pool);
  return { threads: pool.threads, problem };
}

export function simdThreads(backend: BackendWasm): SimdThreads {
  const pool = pools.get(backend);
  if (!pool) throw new Error('the SIMD kernels are not loaded on this wasm backend: call loadSimdKernels first');
  return pool;
}

/** The WebAssembly.Memory behind the backend's heap: exported by the threaded build, the module's own otherwise. */
function heapMemory(backend: BackendWasm): WebAssembly.Memory {
  const module = backend.wasm as unknown as EmscriptenMemory;
  const memory = module.wasmMemory ?? module.asm?.memory;
  if (!(memory instanceof WebAssembly.Memory)) throw new Error('tfjs-backend-wasm does not expose its memory: the SIMD kernels cannot run');
  return memory;
}

/** The module's binary for a plain or a shared (threaded build) memory: from the cache, else compiled. */
export async function compiledKernels(shared: boolean, dir = cacheDir()): Promise<Uint8Array> {
  const { file, source, options } = cacheEntry(shared, dir);
  if (existsSync(file)) return readFileSync(file);
  const binary = await compileOutsideTsx(source, options);
  try {
    writeAtomic(file, binary);
  } catch {
    // A read-only install still trains: it compiles again next time.
  }
  return binary;
}

/**
 * The compiler runs in a plain Node child, out of reach of the tsx loader the grader runs under:
 * through it, loading AssemblyScript's 10 MB of JavaScript peaked at 1.5 GB (plain Node: 280 MB),
 * more than an autograder's memory limit.
 */
function compileOutsideTsx(source: string, options: ReturnType<typeof compileOptions>): Promise<Uint8Array> {
  const env = { ...process.env };
  delete env.NODE_OPTIONS; // where a loader could come back in
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [fileURLToPath(COMPILER)], { env, encoding: 'buffer', maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`compiling the SIMD kernels failed: ${stderr.toString().trim() || error.message}`));
      else resolve(new Uint8Array(stdout));
    });
    child.stdin?.end(JSON.stringify({ source, options }));
  });
}

/** Where the compiled module is kept: named by the source, the options and the compiler's version. */
export function cacheEntry(shared: boolean, dir = cacheDir()) {
  const source = readFileSync(SOURCE, 'utf8');
  const options = compileOptions(shared);
  const { version } = require('assemblyscript/package.json') as { version: string };
  const hash = createHash('sha256').update(JSON.stringify({ source, options, version })).digest('hex').slice(0, 16);
  return { file: path.join(dir, `kernels-${shared ? 'shared' : 'plain'}-${hash}.wasm`), source, options };
}

function compileOptions(shared: boolean) {
  return {
    optimizeLevel: 3,
    shrinkLevel: 0,
    runtime: 'stub',
    noAssert: true,
    enable: shared ? ['simd', 'threads'] : ['simd'],
    importMemory: true,
    initialMemory: 1,
    // An imported shared memory must declare a maximum; 4 GiB admits whatever tfjs set.
    ...(shared ? { sharedMemory: true, maximumMemory: 65536 } : {}),
  };
}

function cacheDir(): string {
  const nodeModules = path.resolve(path.dirname(require.resolve('assemblyscript/package.json')), '..');
  for (const dir of [path.join(nodeModules, '.cache', 'cnn-course-kit'), path.join(os.tmpdir(), 'cnn-course-kit-cache')]) {
    try {
      mkdirSync(dir, { recursive: true });
      return dir;
    } catch {
      // try the next
    }
  }
  return os.tmpdir();
}
