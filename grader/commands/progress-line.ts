import type { BatchProgress } from '../ml/progress.js';

const WIDTH = 30;

/** One epoch's progress as a line (the epoch's mean loss and accuracy so far): `your model, epoch 1/2 [███████░░░] 234/469  loss 0.1234  accuracy 96.1%  7.2 s`. */
export function progressLine(p: BatchProgress): string {
  const done = Math.round((p.batch / p.batches) * WIDTH);
  const bar = '█'.repeat(done) + '░'.repeat(WIDTH - done);
  const count = `${String(p.batch).padStart(String(p.batches).length)}/${p.batches}`;
  return `${p.network}, epoch ${p.epoch}/${p.epochs} [${bar}] ${count}  loss ${p.epochLoss.toFixed(4)}  accuracy ${(p.epochAccuracy * 100).toFixed(1)}%  ${p.seconds.toFixed(1)} s`;
}
