/**
 * Measures what the sandbox costs: `npx tsx grader/sandbox/measure.ts [calls]`.
 * Per mode: opening a submission (transpiling), the first call of an exercise (start a child and
 * load the module), a call's round trip (small values and a 28×28 image), and cnn.buildModel's
 * first call (a child that imports tfjs and builds a model).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSandboxedSubmission } from './index.js';
import { probeBwrap } from './probe.js';

const CALLS = Number(process.argv[2] ?? 3000);

const FILES: Record<string, string> = {
  'convolution.ts': 'export const movingAverageKernel = (w: number): number[] => new Array(w).fill(1 / w);\n',
  'filters.ts': 'export const blur = (image: number[][]): number[][] => image;\n',
  'cnn.ts': `import type * as TF from '@tensorflow/tfjs';
export const buildModel = (tf: typeof TF) => tf.sequential({ layers: [
  tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 8, kernelSize: 3, activation: 'relu' }),
  tf.layers.flatten(), tf.layers.dense({ units: 10, activation: 'softmax' }) ] });
`,
};

const ms = (t: number) => `${t.toFixed(1)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(mode: 'none' | 'node' | 'bwrap', dir: string): Promise<void> {
  const opens: number[] = [];
  const firsts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const s = await openSandboxedSubmission(dir, { mode });
    const t1 = performance.now();
    await s.get('convolution', 'movingAverageKernel', [3]);
    firsts.push(performance.now() - t1);
    opens.push(t1 - t0);
    await s.close();
  }
  const s = await openSandboxedSubmission(dir, { mode });
  try {
    const image = Array.from({ length: 28 }, (_, r) => Array.from({ length: 28 }, (_, c) => r * 28 + c));
    for (let i = 0; i < 300; i++) await s.get('convolution', 'movingAverageKernel', [3]);
    let t = performance.now();
    for (let i = 0; i < CALLS; i++) await s.get('convolution', 'movingAverageKernel', [3]);
    const small = (performance.now() - t) / CALLS;
    await s.get('filters', 'blur', [image]);
    t = performance.now();
    for (let i = 0; i < CALLS / 3; i++) await s.get('filters', 'blur', [image]);
    const big = (performance.now() - t) / (CALLS / 3);
    t = performance.now();
    const model = await s.get('cnn', 'buildModel', []);
    const cnn = performance.now() - t;
    if (model.kind !== 'returned') throw new Error(`buildModel: ${JSON.stringify(model)}`);
    console.log(
      `${mode.padEnd(5)}  open ${ms(median(opens))}  first call ${ms(median(firsts))}  ` +
        `call ${(small * 1000).toFixed(0)} µs  call(28×28) ${(big * 1000).toFixed(0)} µs  cnn.buildModel first ${ms(cnn)}`,
    );
  } finally {
    await s.close();
  }
}

const dir = await mkdtemp(join(tmpdir(), 'sandbox-measure-'));
try {
  for (const [name, text] of Object.entries(FILES)) await writeFile(join(dir, name), text);
  const bwrap = await probeBwrap();
  console.log(`${CALLS} calls per figure; medians of 5 fresh submissions for open and first call`);
  for (const mode of ['none', 'node', ...(bwrap.ok ? ['bwrap' as const] : [])] as const) await measure(mode, dir);
  if (!bwrap.ok) console.log(`bwrap skipped: ${bwrap.detail}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
