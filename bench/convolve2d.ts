import { execFileSync } from 'node:child_process';
import { convolve2d } from '../solutions/convolution2d.js';
import type { Boundary } from '../grader/core/contract.js';
import { timeIt, type Timing } from './time-it.js';

export interface Convolve2dFigure {
  kernel: number;
  boundary: Boundary;
  ours: Timing;
  /** scipy.signal.convolve2d on the same input, when python3 with scipy is on the machine. */
  scipyMs?: number;
}

const SIZE = 1024;
const BOUNDARIES: Boundary[] = ['fill', 'wrap', 'symm'];

/** The reference convolve2d on a 1024×1024 image, 'same' mode, 3×3 and 5×5, each boundary. */
export async function benchConvolve2d(): Promise<Convolve2dFigure[]> {
  let seed = 1;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const image = Array.from({ length: SIZE }, () => Array.from({ length: SIZE }, rand));
  const figures: Convolve2dFigure[] = [];
  for (const k of [3, 5]) {
    const kernel = Array.from({ length: k }, () => Array.from({ length: k }, rand));
    for (const boundary of BOUNDARIES) {
      const ours = await timeIt(() => convolve2d(image, kernel, { mode: 'same', boundary }), 5);
      figures.push({ kernel: k, boundary, ours, scipyMs: scipyMs(k, boundary) });
    }
  }
  return figures;
}

function scipyMs(k: number, boundary: Boundary): number | undefined {
  const script = `
import numpy as np, timeit
from scipy.signal import convolve2d
rng = np.random.default_rng(1); a = rng.random((${SIZE}, ${SIZE})); k = rng.random((${k}, ${k}))
print(min(timeit.repeat(lambda: convolve2d(a, k, mode='same', boundary='${boundary}'), number=1, repeat=5)) * 1000)`;
  try {
    return Number(execFileSync('python3', ['-c', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    return undefined;
  }
}
