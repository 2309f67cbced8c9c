/** grader.image.json: what an LMS image grades with, read back as written at release. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IMAGE_CONFIG_FILE, imageConfigText, readImageConfig } from '../../grader/deploy/image-config.js';
import { isUserError } from '../../grader/core/user-error.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'image-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (text: string) => writeFileSync(path.join(dir, IMAGE_CONFIG_FILE), text);

describe('readImageConfig', () => {
  it('resolves the config carried, and the homework it grades', () => {
    write(imageConfigText({ config: { numRuns: 7, checks: { 'convolution.linear': { points: 9 } }, homeworks: { hw1: ['convolution2d', 'convolution'] } }, homework: 'hw1' }));
    const { config, exercises } = readImageConfig(dir);
    expect([config.numRuns, config.checks['convolution.linear'].points]).toEqual([7, 9]);
    expect(exercises).toEqual(['convolution', 'convolution2d']);
    write(imageConfigText({ config: {} }));
    expect(readImageConfig(dir).exercises).toBeUndefined();
  });

  it("fails as the grader's fault, not the student's, when the file is missing or unusable", () => {
    const fault = (problem: RegExp) => {
      let error: unknown;
      try {
        readImageConfig(dir);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(Error);
      expect(isUserError(error)).toBe(false);
      expect((error as Error).message).toMatch(problem);
    };
    write(imageConfigText({ config: { checks: { 'convolution.linear': { points: -1 } } } }));
    fault(/grader\.image\.json cannot be used .*points/);
    write(imageConfigText({ config: {}, homework: 'hw9' }));
    fault(/hw9/);
    rmSync(path.join(dir, IMAGE_CONFIG_FILE));
    fault(/ENOENT/);
  });
});
