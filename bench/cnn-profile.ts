/**
 * Where a training step of the reference CNN spends its time: every kernel registered on the
 * wasm backend is timed (outermost calls only, so a kernel built from others counts once), by
 * kernel and input shapes. `npm run bench -- cnn-profile`.
 */
import * as tf from '@tensorflow/tfjs';
import { loadMnist, PIXELS, unitFloats } from '../datasets/mnist.js';
import { initBackend } from '../grader/ml/backend.js';
import { disposeModel, makeOptimizer, rebuildModel, DEFAULT_LIMITS } from '../grader/ml/train.js';
import { buildModel, training } from '../solutions/cnn.js';

export interface KernelShare {
  kernel: string;
  msPerStep: number;
  share: string;
}

export interface ProfileOptions {
  steps?: number;
  batchSize?: number;
}

export async function profileCnnStep(options: ProfileOptions = {}): Promise<{ backend: string; msPerStep: number; kernels: KernelShare[] }> {
  const steps = options.steps ?? 100;
  const batchSize = options.batchSize ?? training.batchSize;
  const backend = await initBackend('wasm');
  const data = await loadMnist({ trainLimit: batchSize * 8, testLimit: 1 });
  const reference = buildModel(tf);
  const model = rebuildModel(reference.toJSON(null, false), DEFAULT_LIMITS, { seed: 1 });
  reference.dispose();
  model.compile({ optimizer: makeOptimizer(training), loss: 'categoricalCrossentropy' });
  const xs = tf.tensor4d(unitFloats(data.train.pixels.subarray(0, batchSize * PIXELS)), [batchSize, 28, 28, 1]);
  const ys = tf.oneHot(tf.tensor1d(Array.from(data.train.labels.subarray(0, batchSize)), 'int32'), 10);
  const step = async () => { await model.trainOnBatch(xs, ys); };
  for (let i = 0; i < 5; i++) await step();

  const spent = new Map<string, number>();
  const restore = timeKernels(spent);
  const started = performance.now();
  try {
    for (let i = 0; i < steps; i++) await step();
  } finally {
    restore();
  }
  const msPerStep = (performance.now() - started) / steps;
  xs.dispose();
  ys.dispose();
  disposeModel(model);
  const inKernels = [...spent.values()].reduce((a, b) => a + b, 0) / steps;
  const all = [...spent].map(([kernel, ms]) => ({ kernel, ms: ms / steps })).sort((a, b) => b.ms - a.ms);
  // Kernels under 1% of the step are summed into one row.
  const rows = all.filter((r) => r.ms >= msPerStep / 100);
  const small = all.filter((r) => r.ms < msPerStep / 100);
  rows.push({ kernel: `${small.length} other kernels, each < 1%`, ms: small.reduce((a, r) => a + r.ms, 0) });
  rows.push({ kernel: 'JS outside kernels (tape, layers API, Adam bookkeeping)', ms: msPerStep - inKernels });
  return {
    backend: `${backend.name} (${backend.detail})`,
    msPerStep: round(msPerStep),
    kernels: rows.map(({ kernel, ms }) => ({ kernel, msPerStep: round(ms), share: `${Math.round((ms / msPerStep) * 100)}%` })),
  };
}

/** Wraps every wasm kernel to add its outermost calls' time to `spent`; returns the undo. */
function timeKernels(spent: Map<string, number>): () => void {
  const originals = tf.getKernelsForBackend('wasm');
  let depth = 0;
  for (const config of originals) {
    const run = config.kernelFunc;
    tf.unregisterKernel(config.kernelName, 'wasm');
    tf.registerKernel({
      ...config,
      kernelFunc: ((args: { inputs: Record<string, tf.TensorInfo> }) => {
        if (depth > 0) return run(args as never);
        depth++;
        const started = performance.now();
        try {
          return run(args as never);
        } finally {
          depth--;
          const key = `${config.kernelName} ${Object.values(args.inputs).filter(Boolean).map((t) => `[${t.shape.join(',')}]`).join(' ')}`;
          spent.set(key, (spent.get(key) ?? 0) + performance.now() - started);
        }
      }) as tf.KernelFunc,
    });
  }
  return () => {
    for (const config of originals) {
      tf.unregisterKernel(config.kernelName, 'wasm');
      tf.registerKernel(config);
    }
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
