/**
 * What the sandbox costs (`npm run bench -- sandbox`).
 * Per mode: opening a submission (transpiling), the first call of an exercise (start a child and
 * load the module), a call's round trip (small values and a 28×28 image), and cnn.buildModel's
 * first call (a child that imports tfjs and builds a model).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSandboxedSubmission } from '../grader/sandbox/index.js';
import { probeBwrap } from '../grader/sandbox/probe.js';

const FILES: Record<string, string> = {
  'convolution.ts': 'export const movingAverageKernel = (w: number): number[] => new Array(w).fill(1 / w);\n',
  'filters.ts': 'export const blur = (image: number[][]): number[][] => image;\n',
  'cnn.ts': `import type * as TF from '@tensorflow/tfjs';
export const buildModel = (tf: typeof TF) => tf.sequential({ layers: [
  tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 8, kernelSize: 3, activation: 'relu' }),
  tf.layers.flatten(), tf.layers.dense({ units: 10, activation: 'softmax' }) ] });
`,
};

export interface SandboxFigure {
  mode: string;
  openMs: number;
  firstCallMs: number;
  callUs: number;
  call28x28Us: number;
  buildModelMs: number;
}

const round = (x: number) => Math.round(x * 10) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(mode: 'none' | 'node' | 'bwrap', dir: string, calls: number): Promise<SandboxFigure> {
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
    for (let i = 0; i < calls; i++) await s.get('convolution', 'movingAverageKernel', [3]);
    const small = (performance.now() - t) / calls;
    await s.get('filters', 'blur', [image]);
    t = performance.now();
    for (let i = 0; i < calls / 3; i++) await s.get('filters', 'blur', [image]);
    const big = (performance.now() - t) / (calls / 3);
    t = performance.now();
    const model = await s.get('cnn', 'buildModel', []);
    const cnn = performance.now() - t;
    if (model.kind !== 'returned') throw new Error(`buildModel: ${JSON.stringify(model)}`);
    return {
      mode,
      openMs: round(median(opens)),
      firstCallMs: round(median(firsts)),
      callUs: Math.round(small * 1000),
      call28x28Us: Math.round(big * 1000),
      buildModelMs: Math.round(cnn),
    };
  } finally {
    await s.close();
  }
}

/** Per mode: open (transpile), first call (start a child), round trips, and cnn.buildModel's first call. */
export async function benchSandbox(calls = 3000): Promise<{ figures: SandboxFigure[]; note?: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'sandbox-measure-'));
  try {
    for (const [name, text] of Object.entries(FILES)) await writeFile(join(dir, name), text);
    const bwrap = await probeBwrap();
    const figures: SandboxFigure[] = [];
    for (const mode of ['none', 'node', ...(bwrap.ok ? ['bwrap' as const] : [])] as const) figures.push(await measure(mode, dir, calls));
    return { figures, note: bwrap.ok ? undefined : `bwrap skipped: ${bwrap.detail}` };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
