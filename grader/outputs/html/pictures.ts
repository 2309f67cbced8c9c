import type { ExerciseId, Matrix } from '../../core/contract.js';
import type { Picture, PictureComparison, Pictures, SampleImage } from '../../core/pictures.js';
import type { CallOutcome, Submission } from '../../core/submission.js';
import type { Reference } from '../../core/reference.js';
import { formatNumber, formatValue } from '../../feedback/format-value.js';
import { sampleDigit5, SAMPLE_DIGIT_SOURCE, testCard } from '../../../datasets/sample-images.js';
import { mismatch, type Tolerance } from '../../checks/support/compare.js';
import { SAMPLE_SETTINGS, type SampleSettings } from './sample-settings.js';
import { describeRange, isMatrix, matrixToPng, rangeOf, UNIT_RANGE, type DisplayRange } from './png.js';

export type { Picture, PictureComparison, Pictures, SampleImage } from '../../core/pictures.js';

export interface CollectOptions {
  /** Calls stop being made once this much time has been spent on the submission (a slow or hanging student function). */
  budgetMs?: number;
  /**
   * The time spent so far, in ms, that `budgetMs` bounds: wall time since the start by default;
   * the studio's child gives its own CPU time, so a loaded machine does not skip pictures.
   */
  spentMs?: () => number;
  /** The operations to draw (the exercises' `pictures`, grader/exercises/<id>/pictures.ts). */
  operations: readonly PictureOperation[];
  /** The images and settings to run the operations on; `defaultSamples()` by default. */
  samples?: readonly PictureSample[];
}

/** An image and the settings the operations use on it (the studio's sliders change them). */
export interface PictureSample extends SampleSettings {
  id: string;
  title: string;
  description: string;
  image: Matrix;
}
type Sample = PictureSample;

/** How an output's values become grey levels: [0, 1], signed around mid-grey, or 0 up to the largest. */
type Kind = 'unit' | 'signed' | 'magnitude';
interface Output {
  title: string;
  kind: Kind;
  pick: (value: unknown) => unknown;
}
/** One call of an exercise's image function on a sample, drawn beside the reference's answer. */
export interface PictureOperation {
  exercise: ExerciseId;
  name: string;
  /** The sample settings `args` reads: the studio shows a slider for each. */
  settings: readonly (keyof SampleSettings)[];
  args: (s: Sample) => unknown[];
  call: (s: Sample) => string;
  reference: (ref: Reference, s: Sample) => unknown;
  outputs: Output[];
  /** The tolerance of this function's checks (compare.ts). */
  tolerance: Tolerance;
}

/** The whole returned image as one output. */
export const wholeImage = (title: string, kind: Kind): Output[] => [{ title, kind, pick: (v) => v }];
/** One field of a returned object (e.g. `gradients(…).x`). */
export const field = (key: string) => (v: unknown) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : v);

const settings = (id: keyof typeof SAMPLE_SETTINGS): SampleSettings => {
  const s = SAMPLE_SETTINGS[id];
  return { ...s, shift: [s.shift[0], s.shift[1]] };
};

/** The report's two pictures and their settings. */
export function defaultSamples(): PictureSample[] {
  return [
    { id: 'digit', title: 'A handwritten 5', description: `${SAMPLE_DIGIT_SOURCE}, 28 × 28`, image: sampleDigit5(), ...settings('digit') },
    { id: 'test-card', title: 'Test card', description: 'stripes, checkerboard, ramp and disc, 64 × 64', image: testCard(64), ...settings('test-card') },
  ];
}

/**
 * Thrown by a reference that has no answer for a call, for a reason it says in words (a student
 * release ships the reference's answers for the built-in pictures only, not for a dropped one):
 * shown as it is, not as a failure of the reference.
 */
export class NoReferencePicture extends Error {
  override name = 'NoReferencePicture';
}

/** The outcome of one call, or why the submission was not asked. */
type Answer = { ok: true; value: unknown } | { ok: false; reason: string };

/**
 * Runs the submission's filters and augmentations on the two sample images, beside the
 * reference's, through the Submission interface only. A failed call makes a "not available:
 * <reason>" picture; nothing here throws for anything the submission does. After a timeout or
 * crash, or once `budgetMs` is spent, the remaining calls of that exercise are skipped.
 */
export async function collectPictures(submission: Submission, reference: Reference, options: CollectOptions): Promise<Pictures> {
  const started = performance.now();
  const budget = options.budgetMs ?? 8000;
  const spent = options.spentMs ?? (() => performance.now() - started);
  const broken = new Map<string, string>();
  const list = options.samples ?? defaultSamples();
  const jobs: Promise<void>[] = [];
  const sampleImages: SampleImage[] = list.map((s) => {
    const picture: Picture = { notes: [] };
    jobs.push(fill(picture, s.image, UNIT_RANGE));
    return { id: s.id, title: s.title, description: s.description, picture };
  });
  const comparisons: PictureComparison[] = [];

  for (const op of options.operations) {
    for (const s of list) {
      const answer = await ask(submission, op, s, broken, spent() > budget);
      let refValue: unknown;
      let refError: string | undefined;
      try {
        refValue = op.reference(reference, s);
      } catch (e) {
        refError = e instanceof NoReferencePicture ? e.message : `the reference failed: ${e instanceof Error ? e.message : String(e)}`;
      }
      for (const out of op.outputs) {
        const sub: Answer = answer.ok ? { ok: true, value: out.pick(answer.value) } : answer;
        const ref: Answer = refError ? { ok: false, reason: refError } : { ok: true, value: out.pick(refValue) };
        const c = compare(op, s, out, sub, ref, jobs);
        comparisons.push(c);
      }
    }
  }
  await Promise.all(jobs);
  return { samples: sampleImages, comparisons, seconds: (performance.now() - started) / 1000 };
}

async function ask(submission: Submission, op: PictureOperation, s: Sample, broken: Map<string, string>, overBudget: boolean): Promise<Answer> {
  const skip = broken.get(op.exercise);
  if (skip) return { ok: false, reason: skip };
  if (overBudget) return { ok: false, reason: 'skipped: the time for pictures was used up by earlier calls' };
  let outcome: CallOutcome;
  try {
    outcome = await submission.get(op.exercise, op.name, structuredClone(op.args(s)));
  } catch (e) {
    return { ok: false, reason: `the grader could not ask for ${op.name}: ${e instanceof Error ? e.message : String(e)}` };
  }
  switch (outcome.kind) {
    case 'returned':
      return { ok: true, value: outcome.value };
    case 'threw':
      return { ok: false, reason: `${op.call(s)} threw: ${outcome.message}` };
    case 'missing':
      return { ok: false, reason: outcome.message };
    case 'timeout':
      broken.set(op.exercise, `skipped after ${op.call(s)} ran out of time`);
      return { ok: false, reason: `${op.call(s)} did not finish within ${outcome.ms} ms` };
    case 'crashed':
      broken.set(op.exercise, `skipped after ${op.call(s)} crashed`);
      return { ok: false, reason: `${op.call(s)} crashed: ${outcome.message}` };
  }
}

function compare(op: PictureOperation, s: Sample, out: Output, sub: Answer, ref: Answer, jobs: Promise<void>[]): PictureComparison {
  const refMatrix = ref.ok && isMatrix(ref.value) ? ref.value : undefined;
  const subMatrix = sub.ok && isMatrix(sub.value) ? sub.value : undefined;
  const range: DisplayRange =
    out.kind === 'unit' ? UNIT_RANGE : rangeOf(out.kind === 'signed' ? 'signed' : 'zero-to-max', (refMatrix ?? subMatrix ?? [[0]]).flat());
  const submission = picture(sub, subMatrix, range, jobs, 'your code');
  const reference = picture(ref, refMatrix, range, jobs, 'the reference');
  const comparison: PictureComparison = {
    exercise: op.exercise,
    sample: s.id,
    title: out.title,
    call: op.call(s),
    settings: op.settings,
    mapping: describeRange(range),
    submission,
    reference,
    difference: { notes: [] },
  };
  if (!subMatrix || !refMatrix) {
    comparison.difference.unavailable = 'not available: needs both images';
  } else if (subMatrix.length !== refMatrix.length || subMatrix[0].length !== refMatrix[0].length) {
    comparison.difference.unavailable = `not available: yours is ${size(subMatrix)}, the reference is ${size(refMatrix)}`;
  } else {
    const diff = subMatrix.map((row, r) => row.map((v, c) => Math.abs(v - refMatrix[r][c])));
    const all = diff.flat();
    const finite = all.filter(Number.isFinite);
    const max = finite.length ? Math.max(...finite) : 0;
    comparison.maxAbsDifference = finite.length === all.length ? max : Number.NaN;
    comparison.matches = mismatch(subMatrix, refMatrix, op.tolerance) === null;
    // White at the largest difference, but never below 5% of the images' own range, so that
    // rounding noise stays black instead of being stretched into a picture of its own.
    const span = range.kind === 'signed' ? 2 * range.max : range.max;
    const white = Math.max(max, span / 20);
    // In words a student reads at a glance: no mapping for an all-black picture.
    const largest = formatNumber(Number(max.toPrecision(3)));
    comparison.difference.notes.push(
      ...(max === 0
        ? ['no pixel differs (all black)']
        : [`largest difference ${largest}${max <= 1e-9 * span ? ', rounding only' : ''}`, `black = the same, white = ${formatNumber(Number(white.toPrecision(3)))} apart`]),
    );
    jobs.push(fill(comparison.difference, diff, { kind: 'zero-to-max', max: white }));
  }
  return comparison;
}

function picture(answer: Answer, m: number[][] | undefined, range: DisplayRange, jobs: Promise<void>[], whose: string): Picture {
  const p: Picture = { notes: [] };
  if (!answer.ok) p.unavailable = `not available: ${answer.reason}`;
  else if (!m) p.unavailable = `not available: ${whose} returned ${clip(formatValue(answer.value), 80)}, not an image (number[][])`;
  else jobs.push(fill(p, m, range));
  return p;
}

async function fill(p: Picture, m: number[][], range: DisplayRange): Promise<void> {
  try {
    const png = await matrixToPng(m, range);
    Object.assign(p, { dataUri: png.dataUri, width: png.width, height: png.height });
    if (png.nonFinite) p.notes.push(`${png.nonFinite} NaN/Infinity value${png.nonFinite === 1 ? '' : 's'} (magenta)`);
    if (png.clipped) p.notes.push(`${png.clipped} value${png.clipped === 1 ? '' : 's'} outside the range, clipped`);
  } catch (e) {
    p.unavailable = `not available: the image could not be encoded (${e instanceof Error ? e.message : String(e)})`;
  }
}

const size = (m: number[][]) => `${m.length} × ${m[0].length}`;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);
