import { mkdtempSync, readFileSync, existsSync, writeFileSync, createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { unzipSafely, ZipError } from '../../grader/intake/unzip.js';
import { locateExercises } from '../../grader/intake/locate-exercises.js';
import { makeZip, type ZipEntry } from './zip-writer.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'unzip-test-'));

function zipFile(entries: ZipEntry[] | Buffer): string {
  const file = path.join(tmp(), 'sub.zip');
  writeFileSync(file, Buffer.isBuffer(entries) ? entries : makeZip(entries));
  return file;
}

async function refusal(entries: ZipEntry[] | Buffer, limits?: Parameters<typeof unzipSafely>[2]): Promise<string> {
  const dest = path.join(tmp(), 'out');
  try {
    await unzipSafely(zipFile(entries), dest, limits);
  } catch (e) {
    expect(e).toBeInstanceOf(ZipError);
    return (e as Error).message;
  }
  throw new Error('the zip was accepted');
}

/** A zip written by yazl, a kept zip writer: with `stream`, sizes go in data descriptors; with `zip64`, ZIP64 records. */
async function yazlZip(files: Record<string, string>, o: { zip64?: boolean; stream?: boolean }): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const [name, text] of Object.entries(files)) {
    if (o.stream) zip.addReadStream(Readable.from([Buffer.from(text)]), name, { forceZip64Format: Boolean(o.zip64) });
    else zip.addBuffer(Buffer.from(text), name, { forceZip64Format: Boolean(o.zip64) });
  }
  zip.end({ forceZip64Format: Boolean(o.zip64), comment: '' });
  const file = path.join(tmp(), 'yazl.zip');
  await new Promise<void>((resolve, reject) => zip.outputStream.pipe(createWriteStream(file)).on('close', resolve).on('error', reject));
  return file;
}

describe('unzipSafely', () => {
  it('extracts stored and deflated files, nested one folder deep, skipping __MACOSX', async () => {
    const dest = path.join(tmp(), 'out');
    const files = await unzipSafely(zipFile([{ name: 'hw/' }, { name: 'hw/convolution.ts', data: 'export const x = 1;\n' }, { name: 'hw/filters.ts', data: 'y', store: true }, { name: '__MACOSX/hw/._x', data: 'z' }]), dest);
    expect(files).toEqual(['hw/convolution.ts', 'hw/filters.ts']);
    expect(readFileSync(path.join(dest, 'hw/convolution.ts'), 'utf8')).toBe('export const x = 1;\n');
    expect(existsSync(path.join(dest, '__MACOSX'))).toBe(false);
    expect(locateExercises(dest)).toBe(path.join(dest, 'hw'));
  });

  it('opens ZIP64 archives and entries whose sizes follow in data descriptors (a whole class export)', async () => {
    for (const o of [{ zip64: true }, { stream: true }, { zip64: true, stream: true }]) {
      const dest = path.join(tmp(), 'out');
      const files = await unzipSafely(await yazlZip({ 'hw/convolution.ts': 'export const a = 1;\n', 'hw/filters.ts': 'x'.repeat(10_000) }, o), dest);
      expect(files, JSON.stringify(o)).toEqual(['hw/convolution.ts', 'hw/filters.ts']);
      expect(readFileSync(path.join(dest, 'hw/filters.ts'), 'utf8')).toBe('x'.repeat(10_000));
    }
  });

  it('finds the exercise files at the top, or in project/exercises/', async () => {
    const top = path.join(tmp(), 'top');
    await unzipSafely(zipFile([{ name: 'convolution.ts', data: '' }]), top);
    expect(locateExercises(top)).toBe(top);
    const deep = path.join(tmp(), 'deep');
    await unzipSafely(zipFile([{ name: 'repo/README.md', data: '' }, { name: 'repo/exercises/convolution.ts', data: '' }, { name: 'repo/exercises/filters.ts', data: '' }]), deep);
    expect(locateExercises(deep)).toBe(path.join(deep, 'repo', 'exercises'));
  });

  it('refuses entries with .., absolute paths and drive letters', async () => {
    expect(await refusal([{ name: '../evil.ts', data: 'x' }])).toMatch(/contains '\.\.'/);
    expect(await refusal([{ name: 'hw/../../evil.ts', data: 'x' }])).toMatch(/contains '\.\.'/);
    expect(await refusal([{ name: '/etc/evil', data: 'x' }])).toMatch(/absolute path/);
    expect(await refusal([{ name: 'C:\\evil.ts', data: 'x' }])).toMatch(/absolute path/);
    expect(await refusal([{ name: 'hw\\..\\..\\evil.ts', data: 'x' }])).toMatch(/contains '\.\.'/);
  });

  it('refuses symlinks and duplicate names', async () => {
    expect(await refusal([{ name: 'convolution.ts', data: '/etc/passwd', symlink: true }])).toMatch(/symbolic link/);
    expect(await refusal([{ name: 'a.ts', data: '1' }, { name: 'a.ts', data: '2' }])).toMatch(/appears twice/);
  });

  it('refuses a zip bomb, by its declared size and by what it really inflates to', async () => {
    const zeros = new Uint8Array(3 * 2 ** 20);
    const limits = { maxZipBytes: 2 ** 20, maxTotalBytes: 2 ** 20, maxEntries: 100 };
    expect(await refusal([{ name: 'a.ts', data: zeros }], limits)).toMatch(/over the 1\.0 MB limit \(a zip bomb\?\)/);
    // The header claims 100 bytes; inflating stops there.
    expect(await refusal([{ name: 'a.ts', data: zeros, declaredSize: 100 }], limits)).toMatch(/zip bomb/);
    expect(await refusal(Array.from({ length: 101 }, (_, i) => ({ name: `f${i}.ts`, data: '' })), limits)).toMatch(/101 entries/);
  });

  it('refuses what is not a zip, and a damaged one', async () => {
    expect(await refusal(Buffer.from('PK\x03\x04 cut short'))).toMatch(/not a zip file/);
    const good = makeZip([{ name: 'a.ts', data: 'hello world, hello world', store: true }]);
    good[30 + 4 + 4] ^= 0xff; // flip a byte of the stored data (after the 30-byte header and the 4-byte name)
    expect(await refusal(good)).toMatch(/checksum mismatch/);
  });
});
