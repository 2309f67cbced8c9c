import { describe, expect, it } from 'vitest';
import { PICTURE_OPERATIONS, exerciseModule } from '../../../grader/exercises/registry.js';
import sharp from 'sharp';
import type { CallOutcome, Submission } from '../../../grader/core/submission.js';
import type { ExerciseId } from '../../../grader/core/contract.js';
import type { Reference } from '../../../grader/core/reference.js';
import { collectPictures, NoReferencePicture, type Pictures } from '../../../grader/outputs/html/pictures.js';
import { pictureGroups } from '../../../grader/outputs/html/view/pictures-view.js';
import { inProcessSubmission } from '../../../grader/run/in-process-submission.js';

const OPERATIONS = PICTURE_OPERATIONS;
type M = number[][];
const same = (m: M) => m.map((r) => [...r]);
const fakeReference = {
  filters: {
    blur: (m: M) => same(m),
    highPass: (m: M) => m.map((r) => r.map(() => 0)),
    gradients: (m: M) => ({ x: same(m), y: m.map((r) => r.map((v) => -v)), magnitude: same(m) }),
  },
  augment: { translate: (m: M) => same(m), rotate: (m: M) => same(m), scale: (m: M) => same(m) },
} as unknown as Reference;

/** A submission that fails in every way it can, call by call. */
function hostileSubmission(calls: string[]): Submission {
  return {
    label: 'fake',
    async get(exercise: ExerciseId, name: string, args?: unknown[]): Promise<CallOutcome> {
      calls.push(`${exercise}.${name}`);
      const image = args![0] as M;
      switch (name) {
        case 'blur':
          return { kind: 'threw', message: '<script>alert(1)</script>' };
        case 'highPass':
          throw new Error('the sandbox fell over');
        case 'gradients':
          return { kind: 'returned', value: { x: image, y: 'not an image', magnitude: image.map((r) => r.map((v) => 2 * v)) } };
        case 'translate':
          return { kind: 'timeout', ms: 5000 };
        default:
          return { kind: 'returned', value: image };
      }
    },
    async close() {},
  };
}

const find = (p: Pictures, sample: string, title: string) => {
  const c = p.comparisons.find((x) => x.sample === sample && x.title.startsWith(title));
  if (!c) throw new Error(`no comparison ${sample} ${title}`);
  return c;
};

describe('collectPictures', () => {
  it('makes every picture it can when calls throw, time out or return garbage', async () => {
    const calls: string[] = [];
    const p = await collectPictures(hostileSubmission(calls), fakeReference, { operations: OPERATIONS });
    expect(p.samples.map((s) => s.id)).toEqual(['digit', 'test-card']);
    for (const s of p.samples) expect(s.picture.dataUri).toMatch(/^data:image\/png;base64,/);
    // blur, high pass, Sobel x / y / magnitude, translate, rotate, scale — for each sample.
    expect(p.comparisons).toHaveLength(16);

    const blur = find(p, 'digit', 'Blur');
    expect(blur.submission.unavailable).toBe('not available: blur(image, 3) threw: <script>alert(1)</script>');
    expect(blur.reference.dataUri).toMatch(/^data:image\/png;base64,/);
    expect(blur.difference.unavailable).toMatch(/^not available/);

    expect(find(p, 'digit', 'High pass').submission.unavailable).toBe('not available: the grader could not ask for highPass: the sandbox fell over');

    const x = find(p, 'test-card', 'Sobel x');
    expect(x.submission.dataUri).toBeDefined();
    expect(x.maxAbsDifference).toBe(0);
    expect(x.difference.notes).toEqual(['no pixel differs (all black)']);
    expect(find(p, 'digit', 'Sobel y').submission.unavailable).toMatch(/^not available: your code returned "not an image", not an image/);
    const magnitude = find(p, 'digit', 'Sobel magnitude');
    expect(magnitude.maxAbsDifference).toBe(1);
    expect(magnitude.difference.notes).toEqual(['largest difference 1', 'black = the same, white = 1 apart']);
    expect(magnitude.submission.notes.some((n) => n.includes('clipped'))).toBe(true);

    // After a timeout the rest of that exercise is skipped, not called.
    expect(find(p, 'digit', 'Translate').submission.unavailable).toBe('not available: translate(image, 4, 3) did not finish within 5000 ms');
    expect(find(p, 'test-card', 'Rotate').submission.unavailable).toMatch(/^not available: skipped after translate/);
    expect(calls.filter((c) => c.startsWith('augment.'))).toEqual(['augment.translate']);
    expect(calls.filter((c) => c.startsWith('filters.'))).toHaveLength(6);
    // The 5 s timeout is the fake sandbox's answer, not waited for (a bound, not a timing: the machine may be loaded).
    expect(p.seconds).toBeLessThan(5);
  });

  it('encodes small images scaled up with nearest neighbour, signed images around mid-grey', async () => {
    const p = await collectPictures(inProcessSubmission('ref', fakeReference as unknown as Record<ExerciseId, Record<string, unknown>>), fakeReference, { operations: OPERATIONS });
    const digit = p.samples[0].picture;
    expect([digit.width, digit.height]).toEqual([28, 28]);
    const png = Buffer.from(digit.dataUri!.split(',')[1], 'base64');
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 168, 168]);
    // The reference's high pass is all zeros: shown mid-grey.
    const hp = find(p, 'digit', 'High pass');
    expect(hp.mapping).toBe('0 → mid-grey, +1 → white, −1 → black');
    const { data } = await sharp(Buffer.from(hp.reference.dataUri!.split(',')[1], 'base64')).raw().toBuffer({ resolveWithObject: true });
    expect(new Set(data)).toEqual(new Set([128]));
    expect(p.comparisons.every((c) => c.maxAbsDifference === 0)).toBe(true);
  });

  it('budgets the time its clock gives (the studio gives CPU time): waiting alone spends none of it', async () => {
    const calls: string[] = [];
    const slow: Submission = {
      label: 'slow',
      async get(_exercise, name, args) {
        calls.push(name);
        await new Promise((r) => setTimeout(r, 20)); // waiting, as on a loaded machine
        return { kind: 'returned', value: args![0] };
      },
      async close() {},
    };
    await collectPictures(slow, fakeReference, { operations: OPERATIONS, budgetMs: 10, spentMs: () => 0 });
    expect(calls).toHaveLength(OPERATIONS.length * 2);
    calls.length = 0;
    await collectPictures(slow, fakeReference, { operations: OPERATIONS, budgetMs: 10 }); // the clock on the wall
    expect(calls.length).toBeLessThan(OPERATIONS.length * 2);
  });

  it('budgets its time: once spent, later calls are not made', async () => {
    const calls: string[] = [];
    const p = await collectPictures(hostileSubmission(calls), fakeReference, { operations: OPERATIONS, budgetMs: -1 });
    expect(calls).toEqual([]);
    expect(p.comparisons.every((c) => c.submission.unavailable?.startsWith('not available: skipped'))).toBe(true);
  });
});

describe('a picture the reference has no answer for (a dropped picture in a student release)', () => {
  it('says why once per sample, in its own words, not "the reference failed" on every row', async () => {
    const why = 'this student release holds the reference’s answers for the built-in pictures and settings only';
    const refuses = new Proxy({}, { get: () => new Proxy({}, { get: () => () => { throw new NoReferencePicture(why); } }) }) as Reference;
    const submission = inProcessSubmission('ref', fakeReference as unknown as Record<ExerciseId, Record<string, unknown>>);
    const p = await collectPictures(submission, refuses, { operations: OPERATIONS });
    expect(p.comparisons.every((c) => c.reference.unavailable === `not available: ${why}` && c.submission.dataUri)).toBe(true);
    const samples = pictureGroups(p).flatMap((g) => g.samples);
    expect(samples.length).toBeGreaterThan(0);
    expect(samples.map((s) => s.noReference)).toEqual(samples.map(() => why));
    // With the reference's pictures there, nothing is said.
    const own = pictureGroups(await collectPictures(submission, fakeReference, { operations: OPERATIONS })).flatMap((g) => g.samples);
    expect(own.map((s) => s.noReference)).toEqual(own.map(() => undefined));
  });
});

describe('collectPictures options', () => {
  it('asks only for the operations it is given', async () => {
    const calls: string[] = [];
    const p = await collectPictures(hostileSubmission(calls), fakeReference, { operations: exerciseModule('augment').pictures ?? [] });
    expect(new Set(p.comparisons.map((c) => c.exercise))).toEqual(new Set(['augment']));
    expect(calls.every((c) => c.startsWith('augment.'))).toBe(true);
  });
});
