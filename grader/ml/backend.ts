import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { MachineLacks } from '../core/machine-lacks.js';
import { skipNodeBackendBanner } from './node-backend-banner.js';
import { trainingThreads } from './threads.js';
import { loadSimdKernels } from './wasm-kernels/simd-module.js';
import { registerWasmGradients } from './wasm-kernels/index.js';

export type BackendPreference = 'auto' | 'node' | 'wasm' | 'cpu';

export interface BackendChoice {
  /** What the grader prints and records: 'tfjs-node-gpu', 'tfjs-node', 'wasm' or 'cpu'. */
  name: string;
  /** One line for a human: version, what it runs on. */
  detail: string;
  /** Threads training uses, and why that many (wasm; tfjs-node sizes its own pool, cpu has one). */
  threads?: { count: number; reason: string };
}

type Loader = () => Promise<BackendChoice>;

/** tfjs-node(-gpu) are optional dependencies: their install downloads libtensorflow, which some machines cannot. */
const loaders: Record<Exclude<BackendPreference, 'auto'>, Loader> = {
  node: async () => {
    const problems: string[] = [];
    for (const name of ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node']) {
      try {
        await import(name);
        if (!(await tf.setBackend('tensorflow'))) throw new Error("backend 'tensorflow' failed to initialise");
        return { name: name.slice('@tensorflow/'.length), detail: `${name} (libtensorflow ${tf.version.tfjs})` };
      } catch (error) {
        const missing = (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND';
        problems.push(`${name.slice('@tensorflow/'.length)} ${missing ? 'not installed' : `failed: ${firstLine(error)}`}`);
      }
    }
    // tfjs-node 4.22 ships no binary for Node ≥ 23; elsewhere its install may not reach libtensorflow.
    throw new MachineLacks(`backend 'node' is not available: ${problems.join(', ')}`, `install @tensorflow/tfjs-node (Node 20 or 22: npm install @tensorflow/tfjs-node), or use --backend auto or wasm`);
  },
  wasm: async () => {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const wanted = trainingThreads();
    let fellBack = '';
    if (wanted.threads > 1) {
      // The threaded build, for its shared heap: our kernels' helper threads work on it. XNNPACK
      // keeps one thread: its pool woke for every small op, which cost more than it gained.
      // Loaded here, not at the top: importing tfjs-backend-wasm registers it as tfjs's default
      // backend, and an async default breaks every tensor made before initBackend.
      const { useThreadedWasm } = await import('./threaded-wasm.js');
      const undo = useThreadedWasm(1);
      if (!(await tf.setBackend('wasm').catch(() => false))) {
        undo();
        fellBack = ' (the threaded build failed to start: single-threaded)';
      }
    }
    if (tf.getBackend() !== 'wasm' && !(await tf.setBackend('wasm'))) throw new Error("backend 'wasm' failed to initialise");
    const kernels = await loadSimdKernels(tf.backend() as BackendWasm, wanted.threads);
    if (kernels.problem) fellBack += ` (${kernels.problem}: single-threaded)`;
    registerWasmGradients();
    const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) ? 'SIMD' : 'no SIMD';
    const count = kernels.threads;
    return {
      name: 'wasm',
      detail: `tfjs-backend-wasm ${wasm.version_wasm}, ${simd}, with the grader's kernels (convolutions and their gradients) on ${count} thread(s)`,
      threads: { count, reason: `${wanted.reason}${fellBack}` },
    };
  },
  cpu: async () => {
    if (!(await tf.setBackend('cpu'))) throw new Error("backend 'cpu' failed to initialise");
    await skipNodeBackendBanner(tf); // the grader says which backend it chose, and why
    return { name: 'cpu', detail: `tfjs-backend-cpu ${tf.version.tfjs}, plain JavaScript (slow: minutes per MNIST epoch)`, threads: { count: 1, reason: 'plain JavaScript' } };
  },
};

const chosen = new Map<BackendPreference, Promise<BackendChoice>>();
let current: BackendChoice | undefined;

/**
 * Selects the tfjs backend the grader trains with: `auto` takes tfjs-node(-gpu) when it loads,
 * else wasm with our gradient kernels, else cpu; a named preference takes that one or throws.
 * Idempotent: a repeated call returns the first answer (and re-selects it if someone switched).
 */
export async function initBackend(preference: BackendPreference = 'auto'): Promise<BackendChoice> {
  let choice = chosen.get(preference);
  if (!choice) {
    choice = preference === 'auto' ? firstThatLoads() : loaders[preference]();
    chosen.set(preference, choice);
    choice.catch(() => chosen.delete(preference));
  }
  const result = await choice;
  if (tf.getBackend() !== tfjsName(result)) await tf.setBackend(tfjsName(result));
  current = result;
  return result;
}

/**
 * The backend to train with: the last one initBackend chose (selected again if something
 * switched tfjs away from it meanwhile), or the `auto` choice if initBackend was never called.
 */
export async function currentBackend(): Promise<BackendChoice> {
  if (!current) return initBackend('auto');
  if (tf.getBackend() !== tfjsName(current)) await tf.setBackend(tfjsName(current));
  return current;
}

function tfjsName(choice: BackendChoice): string {
  return choice.name.startsWith('tfjs-node') ? 'tensorflow' : choice.name;
}

async function firstThatLoads(): Promise<BackendChoice> {
  const problems: string[] = [];
  for (const name of ['node', 'wasm', 'cpu'] as const) {
    try {
      const choice = await loaders[name]();
      return problems.length === 0 ? choice : { ...choice, detail: `${choice.detail}; skipped ${problems.join('; ')}` };
    } catch (error) {
      problems.push(firstLine(error));
    }
  }
  throw new Error(`no tfjs backend could be initialised: ${problems.join('; ')}`);
}

function firstLine(error: unknown): string {
  if (error instanceof MachineLacks) return error.lack;
  return String(error instanceof Error ? error.message : error).split('\n')[0];
}
