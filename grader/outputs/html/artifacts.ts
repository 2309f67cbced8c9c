/**
 * The artifacts checks hand the report (`verdict.artifacts`), as the report reads them. They
 * are produced in the grader's process, but carry text the student chose (layer names), so the
 * report escapes them like everything else; a malformed artifact is left out, never fatal.
 */
import type { Grid } from '../../core/pictures.js';

export interface TrainingEpoch {
  epoch: number;
  loss: number;
  accuracy: number;
  seconds: number;
  /** Each batch's loss and accuracy. */
  batches?: { loss: number[]; accuracy: number[] };
}


export interface TrainingReport {
  backend: string;
  seed: number;
  settings: Record<string, unknown>;
  epochs: TrainingEpoch[];
  testAccuracy: number;
  /** 10 × 10 counts, `confusion[true][predicted]`. */
  confusion: number[][];
  misclassified: { index: number; label: number; predicted: number; pixels: ArrayLike<number> }[];
  parameterCount: number;
  layers: { name: string; className: string; outputShape: unknown; params: number }[];
  trainSeconds: number;
  samplesPerSecond: number;
  stoppedEarly?: string;
  /** The first convolution's filters and its feature maps of the handwritten 5. */
  firstLayer?: { layer: string; filterCount: number; filters: Grid[]; featureMaps: Grid[] };
}

/** Accuracy of the CNN and of a dense network as the test digits are shifted, rotated or zoomed. */
export interface RobustnessReport {
  shifts: { shift: number; cnn: number; dense: number }[];
  rotations: { degrees: number; cnn: number; dense: number }[];
  scales?: { factor: number; cnn: number; dense: number }[];
  denseParameters: number;
  cnnParameters: number;
  /** Whose augment functions moved the digits. */
  movedBy?: string;
  /** The handwritten 5 moved, and what each network read it as. */
  fives?: { move: string; pixels: ArrayLike<number>; cnn: number; dense: number }[];
}

/** Why the comparison was not made (no augment functions to move the digits with). */
export interface RobustnessMissing {
  missing: string;
}

export const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
export const isNumber = (v: unknown): v is number => typeof v === 'number';
const pixelsOk = (v: unknown) => (Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView))) && (v as ArrayLike<unknown>).length === 784;

/**
 * Whether `v` can be shown as a training run: the test accuracy and the epochs are required;
 * pieces that are missing or malformed (confusion matrix, misclassified digits, layers) are
 * dropped by `cleanTraining`, so one odd field does not hide the whole run.
 */
export function isTrainingReport(v: unknown): v is TrainingReport {
  return isObject(v) && isNumber(v.testAccuracy) && Array.isArray(v.epochs);
}

/** The report with only well-formed entries; `confusion` is emptied unless it is a square matrix of numbers. */
export function cleanTraining(t: TrainingReport): TrainingReport {
  const confusion = Array.isArray(t.confusion) && t.confusion.length > 0 &&
    t.confusion.every((row) => Array.isArray(row) && row.length === t.confusion.length && row.every(isNumber)) ? t.confusion : [];
  const layers = Array.isArray(t.layers) ? t.layers.filter(isObject) : [];
  return {
    ...t,
    settings: isObject(t.settings) ? t.settings : {},
    epochs: t.epochs.filter((e) => isObject(e) && isNumber(e.epoch) && isNumber(e.loss) && isNumber(e.accuracy)),
    confusion,
    misclassified: Array.isArray(t.misclassified)
      ? t.misclassified.filter((m) => isObject(m) && isNumber(m.label) && isNumber(m.predicted) && pixelsOk(m.pixels))
      : [],
    layers,
    firstLayer: cleanFirstLayer(t.firstLayer),
    parameterCount: isNumber(t.parameterCount) ? t.parameterCount : layers.reduce((s, l) => s + (isNumber(l.params) ? l.params : 0), 0),
  };
}

export function isRobustnessReport(v: unknown): v is RobustnessReport | RobustnessMissing {
  return isObject(v) && (Array.isArray(v.shifts) || Array.isArray(v.rotations) || typeof v.missing === 'string');
}

const gridOk = (g: unknown): g is Grid => isObject(g) && isNumber(g.height) && isNumber(g.width) && Array.isArray(g.values) && g.values.length === g.height * g.width && g.values.every(isNumber);

/** The first layer's filters and feature maps that are well-formed grids; undefined unless it has both lists. */
export function cleanFirstLayer(f: unknown): TrainingReport['firstLayer'] {
  if (!isObject(f) || !Array.isArray(f.filters) || !Array.isArray(f.featureMaps)) return undefined;
  return { layer: String(f.layer), filterCount: isNumber(f.filterCount) ? f.filterCount : f.filters.length, filters: f.filters.filter(gridOk), featureMaps: f.featureMaps.filter(gridOk) };
}

/** The report with only well-formed points. */
export function cleanRobustness(r: RobustnessReport | RobustnessMissing): RobustnessReport | RobustnessMissing {
  if ('missing' in r && typeof r.missing === 'string') return { missing: r.missing };
  const full = r as RobustnessReport;
  const ok = (p: unknown, key: string) => isObject(p) && isNumber(p[key]) && isNumber(p.cnn) && isNumber(p.dense);
  return {
    ...full,
    shifts: Array.isArray(full.shifts) ? full.shifts.filter((p) => ok(p, 'shift')) : [],
    rotations: Array.isArray(full.rotations) ? full.rotations.filter((p) => ok(p, 'degrees')) : [],
    scales: Array.isArray(full.scales) ? full.scales.filter((p) => ok(p, 'factor')) : [],
    movedBy: typeof full.movedBy === 'string' ? full.movedBy : undefined,
    fives: Array.isArray(full.fives) ? full.fives.filter((f) => isObject(f) && typeof f.move === 'string' && isNumber(f.cnn) && isNumber(f.dense) && pixelsOk(f.pixels)) : [],
  };
}
