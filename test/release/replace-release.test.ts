import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { replaceRelease } from '../../grader/release/replace-release.js';

describe('re-releasing into a previous release', () => {
  const previous = () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'rerelease-'));
    replaceRelease(out, new Map([['README.md', 'v1'], ['exercises/convolution.ts', 'stub']]), false);
    mkdirSync(path.join(out, '.git'));
    writeFileSync(path.join(out, '.git', 'HEAD'), 'ref');
    return out;
  };

  it('replaces the files it wrote before, leaving .git alone', () => {
    const out = previous();
    expect(replaceRelease(out, new Map([['README.md', 'v2'], ['exercises/convolution.ts', 'stub']]), false)).toBeUndefined();
    expect(readFileSync(path.join(out, 'README.md'), 'utf8')).toBe('v2');
    expect(existsSync(path.join(out, '.git', 'HEAD'))).toBe(true);
  });

  it('refuses, listing them and touching nothing, when the folder holds files the release does not write', () => {
    const out = previous();
    writeFileSync(path.join(out, 'README_from_TA.txt'), 'office hours');
    const refused = replaceRelease(out, new Map([['README.md', 'v2']]), false);
    expect(refused).toBe(`${out} holds 2 file(s) this release does not write: README_from_TA.txt, exercises/convolution.ts; move them away, or pass --force to delete them`);
    expect(readFileSync(path.join(out, 'README.md'), 'utf8')).toBe('v1');
    expect(existsSync(path.join(out, 'README_from_TA.txt'))).toBe(true);
  });

  it('deletes them with --force', () => {
    const out = previous();
    writeFileSync(path.join(out, 'README_from_TA.txt'), 'office hours');
    expect(replaceRelease(out, new Map([['README.md', 'v2']]), true)).toBeUndefined();
    expect(existsSync(path.join(out, 'README_from_TA.txt'))).toBe(false);
    expect(existsSync(path.join(out, 'exercises', 'convolution.ts'))).toBe(false);
  });
});
