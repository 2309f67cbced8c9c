/**
 * The studio's picture requests are limited by the CPU time of the process running the student's
 * code, not by the clock: a call that waits (as on a machine busy with other work) is answered.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Runner } from '../../grader/studio/runner.js';
import { studioConfig } from '../../grader/studio/studio-config.js';
import { parsePictureRequest } from '../../grader/studio/picture-request.js';
import { correct, studentFolder } from './browser.js';

const folder = studentFolder();
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('a picture request', () => {
  it('is answered when the student’s code waits longer than the limit without computing', async () => {
    // blur's first call sleeps 5 s (Atomics.wait uses no CPU): past the 3 s limit on the clock, under it in CPU time (importing the files included).
    const sleepy = correct('filters').replace(
      'export function blur(',
      'let slept = false;\nexport function blur(...args: Parameters<typeof oldBlur>): ReturnType<typeof oldBlur> {\n  if (!slept) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5000);\n  slept = true;\n  return oldBlur(...args);\n}\nfunction oldBlur(',
    );
    writeFileSync(path.join(folder, 'filters.ts'), sleepy);
    const nothing = () => undefined;
    const runner = new Runner({ folder, config: await studioConfig(), checkTimeoutMs: 10_000, pictureTimeoutMs: 3_000 }, { runStart: nothing, checkStart: nothing, exercise: nothing, runEnd: nothing });
    try {
      const image = Array.from({ length: 8 }, (_, r) => Array.from({ length: 8 }, (_, c) => ((r + c) % 2) as number));
      const parsed = parsePictureRequest({ sample: 'dropped', image, blurSize: 3, degrees: 30, factor: 1.5, dx: 4, dy: 3 });
      if ('error' in parsed) throw new Error(parsed.error);
      const pictures = await runner.pictures([parsed.sample]);
      if ('error' in pictures) throw new Error(pictures.error);
      const blur = pictures.comparisons.find((c) => c.call === 'blur(image, 3)');
      expect(blur?.submission.dataUri).toMatch(/^data:image\/png;base64,/);
    } finally {
      runner.close();
    }
  }, 120_000);
});
