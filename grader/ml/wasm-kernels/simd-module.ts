import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { writeAtomic } from '../../run/write-atomic.js';

const require = createRequire(import.meta.url);
const SOURCE = new URL('./assembly/kernels.ts', import.meta.url);

/** The exports of assembly/kernels.ts: pointers are byte offsets into tfjs-backend-wasm's heap. */
export interface SimdKernels {
  sumRows(x: number, rows: number, channels: number, out: number, totals: number): void;
  conv2dBackpropFilter(
    x: number, dy: number, dw: number,
    batch: number, inHeight: number, inWidth: number, channels: number,
    outHeight: number, outWidth: number, filters: number,
    filterHeight: number, filterWidth: number, strideHeight: number, strideWidth: number, top: number, left: number,
  ): void;
  maxPoolGrad(
    x: number, y: number, dy: number, dx: number,
    batch: number, inHeight: number, inWidth: number, channels: number, outHeight: number, outWidth: number,
    filterHeight: number, filterWidth: number, strideHeight: number, strideWidth: number, top: number, left: number,
  ): void;
}

interface EmscriptenMemory {
  wasmMemory?: WebAssembly.Memory;
  asm?: { memory?: WebAssembly.Memory };
}

const instances = new WeakMap<BackendWasm, SimdKernels>();

/**
 * Our SIMD kernels, instantiated on `backend`'s own memory (so they read and write its tensors in
 * place). The AssemblyScript source is compiled once per machine and kept, named by its content,
 * in node_modules/.cache; a compile takes ~2 s. Call `loadSimdKernels` once before `simdKernels`.
 */
export async function loadSimdKernels(backend: BackendWasm): Promise<SimdKernels> {
  const known = instances.get(backend);
  if (known) return known;
  const memory = heapMemory(backend);
  const shared = memory.buffer instanceof SharedArrayBuffer;
  const binary = await compiledKernels(shared);
  const instance = await WebAssembly.instantiate(await WebAssembly.compile(new Uint8Array(binary)), { env: { memory } });
  const kernels = instance.exports as unknown as SimdKernels;
  instances.set(backend, kernels);
  return kernels;
}

export function simdKernels(backend: BackendWasm): SimdKernels {
  const kernels = instances.get(backend);
  if (!kernels) throw new Error('the SIMD kernels are not loaded on this wasm backend: call loadSimdKernels first');
  return kernels;
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
  const { default: asc } = await import('assemblyscript/asc');
  const { error, stderr, binary } = await asc.compileString({ 'kernels.ts': source }, options);
  if (error || !binary) throw new Error(`compiling the SIMD kernels failed: ${error?.message ?? ''}\n${stderr.toString()}`);
  try {
    writeAtomic(file, binary);
  } catch {
    // A read-only install still trains: it compiles again next time.
  }
  return binary;
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
