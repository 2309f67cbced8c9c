/**
 * The artifacts checks hand the report (`verdict.artifacts`), as the report reads them. They
 * are produced in the grader's process, but carry text the student chose (layer names), so the
 * report escapes them like everything else; a malformed artifact is left out, never fatal.
 */

export interface TrainingEpoch {
  epoch: number;
  loss: number;
  accuracy: number;
  seconds: number;
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
}

/** Accuracy of the CNN and of a dense network as the test digits are shifted or rotated. */
export interface RobustnessReport {
  shifts: { shift: number; cnn: number; dense: number }[];
  rotations: { degrees: number; cnn: number; dense: number }[];
  denseParameters: number;
  cnnParameters: number;
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
    parameterCount: isNumber(t.parameterCount) ? t.parameterCount : layers.reduce((s, l) => s + (isNumber(l.params) ? l.params : 0), 0),
  };
}

export function isRobustnessReport(v: unknown): v is RobustnessReport {
  return isObject(v) && (Array.isArray(v.shifts) || Array.isArray(v.rotations));
}

/** The report with only well-formed points. */
export function cleanRobustness(r: RobustnessReport): RobustnessReport {
  const ok = (p: unknown, key: string) => isObject(p) && isNumber(p[key]) && isNumber(p.cnn) && isNumber(p.dense);
  return {
    ...r,
    shifts: Array.isArray(r.shifts) ? r.shifts.filter((p) => ok(p, 'shift')) : [],
    rotations: Array.isArray(r.rotations) ? r.rotations.filter((p) => ok(p, 'degrees')) : [],
  };
}
