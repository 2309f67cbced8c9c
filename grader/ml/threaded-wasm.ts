import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { BackendWasm, setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { writeAtomic } from '../core/write-atomic.js';

const require = createRequire(import.meta.url);
const WASM_OUT = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js'));
/** The package's unbundled Emscripten factory: pthread workers load it by path (a blob: URL fails in Node). */
const FACTORY = path.join(WASM_OUT, 'tfjs-backend-wasm-threaded-simd.js');
const BINARY = path.join(WASM_OUT, 'tfjs-backend-wasm-threaded-simd.wasm');

interface NodeWorker { unref(): void; terminate(): void }
interface EmscriptenModule {
  cwrap: (name: string, returns: string | null, args: string[]) => unknown;
  PThread: { unusedWorkers: NodeWorker[]; runningWorkers: NodeWorker[] };
  tfjs?: Record<string, unknown>;
}
type Imports = { env: Record<string, unknown> };

/**
 * Makes tf.setBackend('wasm') load tfjs-backend-wasm's threaded SIMD build with a pool of
 * `threads` threads (this one and threads − 1 pthread workers). tfjs itself never does in Node
 * (its WASM_HAS_MULTITHREAD_SUPPORT flag is false there), and would size the pool at half of
 * os.cpus(): 1 on a 2-CPU machine. Returns the undo: the package's own single-threaded loader.
 */
export function useThreadedWasm(threads: number): () => void {
  const original = tf.findBackendFactory('wasm');
  if (!original) throw new Error('useThreadedWasm: @tensorflow/tfjs-backend-wasm is not loaded');
  tf.removeBackend('wasm');
  tf.registerBackend('wasm', () => loadThreadedWasm(threads), 2);
  return () => {
    tf.removeBackend('wasm');
    tf.registerBackend('wasm', original, 2);
  };
}

async function loadThreadedWasm(threads: number): Promise<BackendWasm> {
  const factory = require(FACTORY) as (config: object) => Promise<EmscriptenModule>;
  const workerScript = workerScriptFile();
  const config = {
    locateFile: (file: string) => (file.endsWith('.worker.js') ? workerScript : path.join(WASM_OUT, file)),
    mainScriptUrlOrBlob: FACTORY,
    // The pool is capped at half of emscripten_num_logical_cores ("2 threads per core"): report 2 × threads.
    instantiateWasm: (imports: Imports, receive: (instance: WebAssembly.Instance, compiled: WebAssembly.Module) => void) => {
      imports.env.emscripten_num_logical_cores = () => 2 * threads;
      // Emscripten started 8 workers, each about to instantiate the module: keep the pool's threads − 1,
      // and one at least (with none, its start never completes; the pool frees it later if unused).
      for (const worker of config.PThread?.unusedWorkers.splice(Math.max(1, threads - 1)) ?? []) worker.terminate();
      WebAssembly.instantiate(readFileSync(BINARY), imports as WebAssembly.Imports)
        .then(({ instance, module: compiled }) => receive(instance, compiled));
      return {};
    },
  } as { PThread?: EmscriptenModule['PThread'] } & Record<string, unknown>;
  const module = await factory(config);
  // The bridge tfjs-backend-wasm's init() builds before handing the module to BackendWasm.
  module.tfjs = {
    init: module.cwrap('init', null, []),
    initWithThreadsCount: module.cwrap('init_with_threads_count', null, ['number']),
    getThreadsCount: module.cwrap('get_threads_count', 'number', []),
    registerTensor: module.cwrap('register_tensor', null, ['number', 'number', 'number']),
    disposeData: module.cwrap('dispose_data', null, ['number']),
    dispose: module.cwrap('dispose', null, []),
  };
  setThreadsCount(threads);
  const backend = new BackendWasm(module as never);
  // Free any worker the pool did not take, and let Node exit while the pool's threads wait for work.
  for (const worker of module.PThread.unusedWorkers) worker.terminate();
  module.PThread.unusedWorkers.length = 0;
  for (const worker of module.PThread.runningWorkers) worker.unref();
  return backend;
}

/**
 * The pthread worker script, which tfjs hands over as a blob: URL that Node's Worker cannot load:
 * written once to a real .cjs file (it calls require), named by its content.
 */
function workerScriptFile(): string {
  const { wasmWorkerContents } = require(path.join(WASM_OUT, 'tfjs-backend-wasm-threaded-simd.worker.js')) as { wasmWorkerContents: string };
  // The package ships the script in a template literal, which turned its "\n" escapes into newlines.
  const script = wasmWorkerContents.replace(/\n/g, '\\n');
  const hash = createHash('sha256').update(script).digest('hex').slice(0, 16);
  const file = path.join(os.tmpdir(), `cnn-course-kit-tfjs-pthread-${hash}.cjs`);
  if (!existsSync(file) || readFileSync(file, 'utf8') !== script) writeAtomic(file, script);
  return file;
}
