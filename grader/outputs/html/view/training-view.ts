import Handlebars from 'handlebars';
import { formatNumber, formatValue } from '../../../feedback/format-value.js';
import type { TrainingReport } from '../artifacts.js';
import { encodePng, UNIT_RANGE } from '../png.js';
import { lineChart } from '../svg/line-chart.js';
import { logBarChart } from '../svg/log-bar-chart.js';
import { KNOWN_MODELS } from '../model-sizes.js';
import { firstLayerView, type FirstLayerView } from './first-layer-view.js';

type Safe = Handlebars.SafeString;
const safe = (svg: string): Safe => new Handlebars.SafeString(svg);

/** Misclassified digits shown at most. */
const GALLERY_SIZE = 24;

export const percent = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : 'n/a');
export const grouped = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');

export interface TrainingView {
  testAccuracy: string;
  parameterCount: string;
  epochCount: number;
  backend: string;
  seed: string;
  settings: { key: string; value: string }[];
  trainSeconds: string;
  samplesPerSecond: string;
  stoppedEarly?: string;
  lossChart: Safe;
  accuracyChart: Safe;
  /** Loss and accuracy of every training batch; absent for reports without them. */
  batchChart?: Safe;
  firstLayer?: FirstLayerView;
  confusion: {
    digits: number[];
    rows: { digit: number; cells: { count: number; style: string; diagonal: boolean; title: string }[]; total: number; recall: string }[];
  };
  misclassified: { dataUri: string; label: number; predicted: number; index: number }[];
  misclassifiedTotal: number;
  layers: { name: string; className: string; outputShape: string; params: string }[];
  sizeChart: Safe;
}

/** The CNN training run: curves, confusion matrix, misclassified digits, layers and model size. */
export async function trainingView(t: TrainingReport): Promise<TrainingView> {
  const epochs = t.epochs.map((e) => e.epoch);
  const xDomain: [number, number] = [Math.min(1, ...epochs), Math.max(2, ...epochs)];
  const gallery = await Promise.all(
    t.misclassified.slice(0, GALLERY_SIZE).map(async (m) => ({
      dataUri: (await encodePng(m.pixels, 28, 28, UNIT_RANGE, 84)).dataUri,
      label: m.label,
      predicted: m.predicted,
      index: m.index,
    })),
  );
  return {
    testAccuracy: percent(t.testAccuracy),
    parameterCount: grouped(t.parameterCount),
    epochCount: t.epochs.length,
    backend: String(t.backend ?? 'unknown'),
    seed: String(t.seed ?? ''),
    settings: Object.entries(t.settings ?? {}).map(([key, value]) => ({ key, value: typeof value === 'string' ? value : formatValue(value) })),
    trainSeconds: Number.isFinite(t.trainSeconds) ? `${formatNumber(Number(t.trainSeconds.toFixed(1)))} s` : 'n/a',
    samplesPerSecond: grouped(t.samplesPerSecond),
    stoppedEarly: t.stoppedEarly,
    lossChart: safe(
      lineChart({
        title: 'Training loss per epoch',
        xLabel: 'epoch',
        yLabel: 'loss (cross-entropy)',
        xDomain,
        series: [{ name: 'training loss', points: t.epochs.map((e) => [e.epoch, e.loss]), color: '#b91c1c', marker: 'square' }],
      }),
    ),
    accuracyChart: safe(
      lineChart({
        title: 'Accuracy per epoch',
        xLabel: 'epoch',
        yLabel: 'accuracy',
        xDomain,
        yDomain: [Math.min(0.8, ...t.epochs.map((e) => Math.floor(e.accuracy * 10) / 10), Math.floor(t.testAccuracy * 10) / 10), 1],
        formatY: (v) => `${Math.round(v * 100)}%`,
        series: [
          { name: 'training', points: t.epochs.map((e) => [e.epoch, e.accuracy]), color: '#1d4ed8', marker: 'circle' },
          ...(t.epochs.length > 0
            ? [{ name: 'test (after training)', points: [[t.epochs[t.epochs.length - 1].epoch, t.testAccuracy] as const], color: '#15803d', marker: 'diamond' as const }]
            : []),
        ],
      }),
    ),
    batchChart: batchChart(t.epochs),
    firstLayer: t.firstLayer && t.firstLayer.filters.length > 0
      ? await firstLayerView(t.firstLayer)
      : undefined,
    confusion: confusionView(t.confusion),
    misclassified: gallery,
    misclassifiedTotal: t.misclassified.length,
    layers: t.layers.map((l) => ({
      name: String(l.name),
      className: String(l.className),
      outputShape: shapeText(l.outputShape),
      params: grouped(l.params),
    })),
    sizeChart: safe(modelSizeChart(t.parameterCount)),
  };
}

/** Each batch's loss and accuracy, x in epochs (batch b of n in epoch e at e − 1 + b / n). */
function batchChart(epochs: TrainingReport['epochs']): Safe | undefined {
  const points = (key: 'loss' | 'accuracy') => epochs.flatMap((e) => {
    const values = e.batches?.[key] ?? [];
    return values.map((v, b) => [e.epoch - 1 + (b + 1) / values.length, v] as const);
  });
  const loss = points('loss');
  if (loss.length === 0) return undefined;
  const top = Math.max(1, ...loss.filter(([, v]) => Number.isFinite(v)).map(([, v]) => Math.min(v, 3)));
  return safe(
    lineChart({
      title: 'Every training batch: loss and accuracy',
      xLabel: 'epoch',
      yLabel: 'loss (cross-entropy) · accuracy',
      xDomain: [0, Math.max(1, ...epochs.map((e) => e.epoch))],
      yDomain: [0, Math.ceil(top)],
      width: 1040,
      series: [
        { name: 'loss', points: loss, color: '#b91c1c', plain: true },
        { name: 'accuracy', points: points('accuracy'), color: '#1d4ed8', plain: true, dashed: true },
      ],
    }),
  );
}

/** The student's parameter count beside famous models', on a log scale (report and studio). */
export function modelSizeChart(parameterCount: number): string {
  return logBarChart({
    title: 'Parameters: your model beside famous ones (log scale)',
    xLabel: 'trainable parameters (log scale: each grid line is ×1000)',
    bars: [
      { label: 'Your model', value: parameterCount, highlight: true, display: grouped(parameterCount) },
      ...KNOWN_MODELS.map((m) => ({ label: m.name, value: m.parameters, display: m.display })),
    ].sort((a, b) => a.value - b.value),
  });
}

/** Rows are the true digit, columns the prediction; shading by the share of the row. */
function confusionView(confusion: number[][]): TrainingView['confusion'] {
  const totals = confusion.map((row) => row.reduce((s, x) => s + x, 0));
  let maxOff = 0;
  confusion.forEach((row, r) => row.forEach((x, c) => r !== c && totals[r] > 0 && (maxOff = Math.max(maxOff, x / totals[r]))));
  return {
    digits: confusion[0]?.map((_, c) => c) ?? [],
    rows: confusion.map((row, r) => ({
      digit: r,
      total: totals[r],
      recall: totals[r] > 0 ? percent(row[r] / totals[r]) : 'n/a',
      cells: row.map((count, c) => {
        const share = totals[r] > 0 ? count / totals[r] : 0;
        // The diagonal is shaded by accuracy; mistakes relative to the worst one, so they stand out.
        const t = r === c ? share : maxOff > 0 ? share / maxOff : 0;
        return {
          count,
          diagonal: r === c,
          title: `true ${r}, predicted ${c}: ${count} (${percent(share)} of the ${r}s)`,
          style: cellStyle(t, r === c),
        };
      }),
    })),
  };
}

const DARK_TEXT: Rgb = [24, 24, 27];
const WHITE: Rgb = [255, 255, 255];
type Rgb = [number, number, number];

/**
 * The shade of a confusion cell and the text colour that reads on it (WCAG AA: contrast ≥ 4.5).
 * Between light and dark shades lies a band where neither black nor white text reaches 4.5: a cell
 * there takes the full colour, with white text.
 */
function cellStyle(t: number, diagonal: boolean): string {
  if (t <= 0) return '';
  const full: Rgb = diagonal ? [29, 78, 216] : [185, 28, 28];
  const a = Math.min(1, Math.max(0.06, t));
  let background = full.map((c) => Math.round(255 + (c - 255) * a)) as Rgb;
  let text = contrast(background, DARK_TEXT) >= contrast(background, WHITE) ? DARK_TEXT : WHITE;
  if (contrast(background, text) < 4.5) [background, text] = [full, WHITE];
  return `background-color: rgb(${background.join(', ')}); color: rgb(${text.join(', ')})`;
}

/** WCAG's contrast ratio of two sRGB colours. */
function contrast(a: Rgb, b: Rgb): number {
  const luminance = (rgb: Rgb) => {
    const [r, g, b] = rgb.map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** [null, 26, 26, 16] (or its JSON text, as training reports hold it) as "[batch, 26, 26, 16]". */
export function shapeText(shape: unknown): string {
  let value = shape;
  if (typeof shape === 'string') {
    try {
      value = JSON.parse(shape);
    } catch {
      return shape;
    }
  }
  return Array.isArray(value) ? `[${value.map((d) => (d === null ? 'batch' : String(d))).join(', ')}]` : formatValue(value);
}
