import { Worker } from 'node:worker_threads';
import type { SimdKernels } from './simd-kernels.js';

export type KernelName = keyof SimdKernels;

/** Slots of a helper's control block (Int32), as simd-worker.mjs reads them. */
const [SEQUENCE, DONE, KERNEL, ARGC, FAILED, ARGS] = [0, 1, 2, 3, 4, 5];
const MAX_ARGS = 32;
const WORKER = new URL('./simd-worker.mjs', import.meta.url);

interface Helper { worker: Worker; slots: Int32Array; sequence: number }

/**
 * The threads our SIMD kernels run on: this one and `threads − 1` helpers, each with its own
 * instance of the module on the same shared heap (tfjs-backend-wasm's threaded build). A kernel
 * split into parts runs part 0 here and the others on the helpers, which wait on a futex
 * (Atomics.wait) in between, costing nothing while tfjs runs its own ops.
 */
export class SimdThreads {
  /** The kernels' names in the order helpers index them (simd-worker.mjs gets the same list). */
  private constructor(readonly kernels: SimdKernels, private readonly names: KernelName[], private readonly helpers: Helper[]) {}

  /**
   * Starts the helpers and waits until each has its instance; on a heap that is not shared (the
   * single-threaded build) there are none. A helper that fails to start within 10 s leaves the
   * kernels on this thread alone, with the reason.
   */
  static async start(kernels: SimdKernels, module: WebAssembly.Module, memory: WebAssembly.Memory, threads: number): Promise<{ pool: SimdThreads; problem?: string }> {
    const count = memory.buffer instanceof SharedArrayBuffer ? threads - 1 : 0;
    const names = kernelNames(kernels);
    const helpers = Array.from({ length: count }, () => {
      const control = new SharedArrayBuffer((ARGS + MAX_ARGS) * 4);
      const worker = new Worker(WORKER, { workerData: { module, memory, control, names } });
      return { worker, slots: new Int32Array(control), sequence: 0 };
    });
    try {
      await Promise.all(helpers.map(({ worker }) => started(worker)));
    } catch (error) {
      for (const { worker } of helpers) void worker.terminate();
      return { pool: new SimdThreads(kernels, names, []), problem: `its helper threads did not start: ${(error as Error).message}` };
    }
    for (const { worker } of helpers) worker.unref(); // a helper waiting for work must not keep the grader alive
    return { pool: new SimdThreads(kernels, names, helpers) };
  }

  get threads(): number {
    return this.helpers.length + 1;
  }

  /**
   * Runs `name` once per argument list, in parallel, in rounds of one part per thread, and
   * returns when every part is done.
   */
  run(name: KernelName, parts: number[][]): void {
    const kernel = this.kernels[name] as (...args: number[]) => void;
    for (let first = 0; first < parts.length; first += this.threads) {
      const remote = parts.slice(first + 1, first + this.threads);
      remote.forEach((args, i) => this.post(this.helpers[i], name, args));
      kernel(...parts[first]);
      let failed = false;
      remote.forEach((_, i) => { failed = this.await(this.helpers[i]) || failed; });
      if (failed) throw new Error(`the SIMD kernel ${name} failed on a helper thread`);
    }
  }

  private post(helper: Helper, name: KernelName, args: number[]): void {
    if (args.length > MAX_ARGS) throw new Error(`${name}: more than ${MAX_ARGS} arguments`);
    helper.slots[KERNEL] = this.names.indexOf(name);
    helper.slots[ARGC] = args.length;
    helper.slots.set(args, ARGS);
    Atomics.store(helper.slots, SEQUENCE, ++helper.sequence);
    Atomics.notify(helper.slots, SEQUENCE);
  }

  /** Waits for the helper's current part; returns whether it failed. */
  private await(helper: Helper): boolean {
    for (let done = Atomics.load(helper.slots, DONE); done !== helper.sequence; done = Atomics.load(helper.slots, DONE)) {
      Atomics.wait(helper.slots, DONE, done);
    }
    return helper.slots[FAILED] !== 0;
  }
}

function kernelNames(kernels: SimdKernels): KernelName[] {
  return Object.keys(kernels).filter((name) => typeof (kernels as unknown as Record<string, unknown>)[name] === 'function') as KernelName[];
}

function started(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer in 10 s')), 10_000);
    worker.once('message', () => { clearTimeout(timer); resolve(); });
    worker.once('error', (error) => { clearTimeout(timer); reject(error); });
    worker.once('exit', (code) => { clearTimeout(timer); reject(new Error(`exited with code ${code}`)); });
  });
}

/**
 * [from, to) image ranges splitting a batch of `batch` into at most `parts` parts, none empty.
 * For kernels whose parts write apart; a sum over images splits by `batchChunks` instead.
 */
export function batchParts(batch: number, parts: number): [number, number][] {
  const count = Math.max(1, Math.min(parts, batch));
  return Array.from({ length: count }, (_, i) => [Math.floor((i * batch) / count), Math.floor(((i + 1) * batch) / count)]);
}

/**
 * [from, to) ranges of `size` images (the last one shorter): a sum over the batch is added up
 * chunk by chunk in this order whatever the number of threads, so its float rounding, and hence
 * the trained weights, do not depend on the machine's cores.
 */
export function batchChunks(batch: number, size: number): [number, number][] {
  return Array.from({ length: Math.max(1, Math.ceil(batch / size)) }, (_, i) => [i * size, Math.min(batch, (i + 1) * size)]);
}
