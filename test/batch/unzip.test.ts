import { mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unzipSafely, ZipError } from '../../grader/batch/unzip.js';
import { locateExercises } from '../../grader/batch/locate-exercises.js';
import { makeZip, type ZipEntry } from './zip-writer.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'unzip-test-'));

function zipFile(entries: ZipEntry[] | Buffer): string {
  const file = path.join(tmp(), 'sub.zip');
  writeFileSync(file, Buffer.isBuffer(entries) ? entries : makeZip(entries));
  return file;
}

function refusal(entries: ZipEntry[] | Buffer, limits?: Parameters<typeof unzipSafely>[2]): string {
  const dest = path.join(tmp(), 'out');
  try {
    unzipSafely(zipFile(entries), dest, limits);
  } catch (e) {
    expect(e).toBeInstanceOf(ZipError);
    return (e as Error).message;
  }
  throw new Error('the zip was accepted');
}

describe('unzipSafely', () => {
  it('extracts stored and deflated files, nested one folder deep, skipping __MACOSX', () => {
    const dest = path.join(tmp(), 'out');
    const files = unzipSafely(zipFile([{ name: 'hw/' }, { name: 'hw/convolution.ts', data: 'export const x = 1;\n' }, { name: 'hw/filters.ts', data: 'y', store: true }, { name: '__MACOSX/hw/._x', data: 'z' }]), dest);
    expect(files).toEqual(['hw/convolution.ts', 'hw/filters.ts']);
    expect(readFileSync(path.join(dest, 'hw/convolution.ts'), 'utf8')).toBe('export const x = 1;\n');
    expect(existsSync(path.join(dest, '__MACOSX'))).toBe(false);
    expect(locateExercises(dest)).toBe(path.join(dest, 'hw'));
  });

  it('finds the exercise files at the top, or in project/exercises/', () => {
    const top = path.join(tmp(), 'top');
    unzipSafely(zipFile([{ name: 'convolution.ts', data: '' }]), top);
    expect(locateExercises(top)).toBe(top);
    const deep = path.join(tmp(), 'deep');
    unzipSafely(zipFile([{ name: 'repo/README.md', data: '' }, { name: 'repo/exercises/convolution.ts', data: '' }, { name: 'repo/exercises/filters.ts', data: '' }]), deep);
    expect(locateExercises(deep)).toBe(path.join(deep, 'repo', 'exercises'));
  });

  it('refuses entries with .., absolute paths and drive letters', () => {
    expect(refusal([{ name: '../evil.ts', data: 'x' }])).toMatch(/contains '\.\.'/);
    expect(refusal([{ name: 'hw/../../evil.ts', data: 'x' }])).toMatch(/contains '\.\.'/);
    expect(refusal([{ name: '/etc/evil', data: 'x' }])).toMatch(/absolute path/);
    expect(refusal([{ name: 'C:\\evil.ts', data: 'x' }])).toMatch(/absolute path/);
  });

  it('refuses symlinks', () => {
    expect(refusal([{ name: 'convolution.ts', data: '/etc/passwd', symlink: true }])).toMatch(/symbolic link/);
  });

  it('refuses a zip bomb, by its declared size and by what it really inflates to', () => {
    const zeros = new Uint8Array(3 * 2 ** 20);
    const limits = { maxZipBytes: 2 ** 20, maxTotalBytes: 2 ** 20, maxEntries: 100 };
    expect(refusal([{ name: 'a.ts', data: zeros }], limits)).toMatch(/over the 1\.0 MB limit \(a zip bomb\?\)/);
    // The header claims 100 bytes; inflating stops there.
    expect(refusal([{ name: 'a.ts', data: zeros, declaredSize: 100 }], limits)).toMatch(/zip bomb|not the 100/);
    expect(refusal(Array.from({ length: 101 }, (_, i) => ({ name: `f${i}.ts`, data: '' })), limits)).toMatch(/101 entries/);
  });

  it('refuses what is not a zip, and a damaged one', () => {
    expect(refusal(Buffer.from('PK\x03\x04 cut short'))).toMatch(/not a zip file/);
    const good = makeZip([{ name: 'a.ts', data: 'hello world, hello world', store: true }]);
    good[30 + 4] ^= 0xff; // flip a byte of the stored data
    expect(refusal(good)).toMatch(/checksum mismatch/);
  });
});
