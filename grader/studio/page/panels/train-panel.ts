/**
 * The CNN tab's Train button: trains the student's model in this page, on the GPU through WebGL
 * (or WebAssembly on the CPU), with its curves drawn live, then its test accuracy, the digits it
 * got wrong, and report.html's figures of it (its first layer's filters and feature maps of the
 * handwritten 5, the many 5s), drawn by the studio with the report's templates. One panel for the page's life: the tab is redrawn on
 * every save, the panel is moved into it, so a training run survives a redraw and trains the
 * model as it was when Train was pressed.
 */
import type { BrowserTrainingModel } from '../../../core/studio-extras.js';
import { DENSE_NETWORK, type BatchProgress } from '../../../ml/progress.js';
import { lineChart } from '../../../outputs/html/svg/line-chart.js';
import type { BrowserTrainingRequest, BrowserTrainingResult, TrainInBrowser } from '../browser-training.js';
import { FIGURES_ROUTE, TRAIN_SCRIPT } from '../train-routes-paths.js';
import type { Panel } from './panel.js';

/** What the studio's child sends for the Train button: the model as the grader accepted it, or why not. */
export type { BrowserTrainingModel };

const SIZES = [
  { train: 60_000, test: 10_000, label: 'all of MNIST (60,000 digits; the grader tests on 10,000)' },
  { train: 10_000, test: 2_000, label: '10,000 digits (a quicker look)' },
  { train: 2_000, test: 500, label: '2,000 digits (seconds)' },
  { train: 512, test: 500, label: '512 digits (a first look: the curves move, the accuracy is far from the grader’s)' },
];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

let panel: { root: HTMLElement; update(model: BrowserTrainingModel | undefined): void } | undefined;

/** Below the model of an exercise whose result carries one (the exercise that trains). */
export const trainingPanel: Panel = {
  applies: (e) => e.model !== undefined,
  render: (e) => trainPanel(e.model?.training),
};

/** The panel, made on first use, showing `model` (the latest save's). */
export function trainPanel(model: BrowserTrainingModel | undefined): HTMLElement {
  panel ??= makePanel();
  panel.update(model);
  return panel.root;
}

function makePanel() {
  let current: BrowserTrainingModel | undefined;
  let running = false;
  const button = el('button', { type: 'button', class: 'train-button', 'data-train': '' }, 'Train');
  const size = el('select', { 'aria-label': 'digits to train on', 'data-train-size': '' }, ...SIZES.map((s, i) => el('option', { value: String(i) }, s.label)));
  const state = el('p', { class: 'muted', 'data-train-state': '', role: 'status' });
  const backend = el('p', { 'data-train-backend': '' });
  const chart = el('img', { class: 'chart', alt: 'loss and accuracy of each training batch so far' });
  chart.hidden = true;
  const results = el('div', { 'data-train-results': '' });
  const root = el(
    'section',
    { class: 'pictures train-panel' },
    el('h3', {}, 'Train it here, in your browser'),
    el('p', { class: 'muted' }, 'Your model trains in this page with TensorFlow.js, on your GPU through WebGL when the browser offers it (else on the CPU), with the grader’s seed and your settings as the grader uses them. `npm run train` trains it exactly as the grader does; the backends round differently, so the accuracy here may differ from the grader’s in the last digits.'),
    el('p', {}, size, ' ', button),
    state,
    backend,
    chart,
    results,
  );

  button.addEventListener('click', async () => {
    if (running || !current || 'unavailable' in current) return;
    running = true;
    button.disabled = true;
    results.replaceChildren();
    const { train, test } = SIZES[Number(size.value)];
    const { topology, settings, seed, five, fives } = current;
    const request: BrowserTrainingRequest = { topology, settings, seed, five, fives, trainSamples: train, testSamples: test, backend: requestedBackend() };
    state.textContent = 'Loading TensorFlow.js and the digits…';
    const points: { loss: [number, number][]; accuracy: [number, number][] } = { loss: [], accuracy: [] };
    try {
      const module = (await import(/* not bundled: its own script, with tfjs */ TRAIN_SCRIPT as string)) as { trainInBrowser: TrainInBrowser };
      const result = await module.trainInBrowser(request, async (p: BatchProgress) => {
        if (p.network === DENSE_NETWORK) {
          if (p.batch === p.batches) state.textContent = `Now a dense network of about its size, to read the many 5s with: epoch ${p.epoch} of ${p.epochs} done.`;
          return;
        }
        const x = p.epoch - 1 + p.batch / p.batches;
        points.loss.push([x, p.loss]);
        points.accuracy.push([x, p.accuracy]);
        if (p.batch % 10 === 0 || p.batch === p.batches) {
          state.textContent = `Epoch ${p.epoch} of ${p.epochs}: batch ${p.batch} of ${p.batches}, loss ${p.loss.toFixed(3)}, accuracy ${(p.accuracy * 100).toFixed(1)}%`;
          drawChart(chart, points, p.epochs);
          await new Promise((resolve) => requestAnimationFrame(resolve));
        }
      }, (b) => {
        backend.textContent = `Backend: ${b.name === 'webgl' ? 'WebGL (your GPU)' : b.name === 'wasm' ? 'WebAssembly (your CPU)' : 'plain JavaScript (CPU)'}: ${b.detail}`;
        backend.dataset.trainBackend = b.name;
      });
      showResults(results, result, train);
      results.append(await figures(result.figures));
      state.textContent = `Done: test accuracy ${(result.testAccuracy * 100).toFixed(2)}% on ${test.toLocaleString('en-US')} test digits, after ${result.seconds.toFixed(1)} s of training.`;
      state.dataset.trainAccuracy = String(result.testAccuracy);
    } catch (e) {
      state.textContent = `Training failed: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      running = false;
      button.disabled = !current || 'unavailable' in current;
    }
  });

  return {
    root,
    update(model: BrowserTrainingModel | undefined) {
      current = model;
      if (running) return;
      button.disabled = !model || 'unavailable' in model;
      if (!model) state.textContent = 'Write buildModel and training in exercises/cnn.ts to train your model here.';
      else if ('unavailable' in model) state.textContent = `Not trainable yet: ${model.unavailable}`;
      else state.textContent = `Ready: ${model.settings.epochs} epoch(s), batch ${model.settings.batchSize}, ${model.settings.optimizer} at ${model.settings.learningRate}.${model.notes.length ? ` ${model.notes.join(' ')}` : ''}`;
    },
  };
}

/** `?train-backend=wasm` in the page's address forces a backend (for comparing them). */
function requestedBackend(): BrowserTrainingRequest['backend'] {
  const wanted = new URLSearchParams(location.search).get('train-backend');
  return wanted === 'webgl' || wanted === 'wasm' || wanted === 'cpu' ? wanted : undefined;
}

function drawChart(img: HTMLImageElement, points: { loss: [number, number][]; accuracy: [number, number][] }, epochs: number): void {
  const svg = lineChart({
    title: 'Every training batch: loss and accuracy',
    xLabel: 'epoch',
    yLabel: 'loss · accuracy',
    xDomain: [0, epochs],
    yDomain: [0, Math.max(1, Math.ceil(Math.min(3, Math.max(...points.loss.map(([, v]) => v)))))],
    width: 720,
    series: [
      { name: 'loss', points: points.loss, color: '#b91c1c', plain: true },
      { name: 'accuracy', points: points.accuracy, color: '#1d4ed8', plain: true, dashed: true },
    ],
  });
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  img.hidden = false;
}

/** A digit's 784 grey levels (0–255) as a PNG data URI, through a canvas. */
function digitImage(levels: Uint8Array): string {
  const canvas = document.createElement('canvas');
  canvas.width = 28;
  canvas.height = 28;
  const context = canvas.getContext('2d')!;
  const image = context.createImageData(28, 28);
  levels.forEach((v, i) => image.data.set([v, v, v, 255], i * 4));
  context.putImageData(image, 0, 0);
  return canvas.toDataURL('image/png');
}

/** report.html's figures of the trained model, rendered by the studio with the report's templates (handlebars escapes them; the CSP forbids scripts). */
async function figures(sent: BrowserTrainingResult['figures']): Promise<HTMLElement> {
  const into = el('div', { class: 'training', 'data-train-figures': '' });
  const response = await fetch(FIGURES_ROUTE, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(sent) });
  if (!response.ok) into.append(el('p', { class: 'muted' }, `The studio did not draw the figures: ${response.status} ${await response.text()}`));
  else into.append(...new DOMParser().parseFromString(await response.text(), 'text/html').body.childNodes);
  return into;
}

function showResults(into: HTMLElement, r: BrowserTrainingResult, trained: number): void {
  const figure = (src: string, alt: string, caption: string, width: number) =>
    el('figure', {}, el('img', { src, alt, width: String(width), class: 'pixelated' }), el('figcaption', {}, caption));
  into.replaceChildren(
    el('h4', {}, 'Digits it got wrong (true → guessed)'),
    el('div', { class: 'gallery', 'data-train-wrong': '' }, ...r.wrong.map((w) => figure(digitImage(w.pixels), `a ${w.label} read as ${w.predicted}`, `${w.label} → ${w.predicted}`, 56))),
    el('p', { class: 'muted', 'data-train-epochs': '' }, `Trained on ${trained.toLocaleString('en-US')} digits: ${r.epochs.map((e) => `epoch ${e.epoch} ${e.seconds.toFixed(1)} s, loss ${e.loss.toFixed(3)}`).join('; ')}.`),
  );
}
