// A helper thread of the grader's SIMD kernels (simd-threads.ts): it runs its part of a kernel on
// tfjs-backend-wasm's shared heap whenever the main thread bumps the sequence number in `control`,
// then publishes that number as done. Plain JavaScript: a worker does not inherit tsx.
import { parentPort, workerData } from 'node:worker_threads';

const { module, memory, control, names } = workerData;
const kernels = new WebAssembly.Instance(module, { env: { memory } }).exports;
const slots = new Int32Array(control);
const [SEQUENCE, DONE, KERNEL, ARGC, FAILED, ARGS] = [0, 1, 2, 3, 4, 5];
parentPort.postMessage('ready');

for (let seen = 0; ;) {
  Atomics.wait(slots, SEQUENCE, seen);
  const sequence = Atomics.load(slots, SEQUENCE);
  if (sequence === seen) continue;
  if (sequence < 0) break;
  seen = sequence;
  try {
    kernels[names[slots[KERNEL]]](...slots.subarray(ARGS, ARGS + slots[ARGC]));
    slots[FAILED] = 0;
  } catch {
    slots[FAILED] = 1;
  }
  Atomics.store(slots, DONE, sequence);
  Atomics.notify(slots, DONE);
}
