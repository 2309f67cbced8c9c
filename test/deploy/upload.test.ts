/** prepareUpload: an LMS upload in any shape a student makes becomes one folder of exercise files. */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareUpload } from '../../grader/deploy/upload.js';
import { zip } from '../../grader/release/zip.js';
import { writeUpload } from './lms-root.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'upload-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const files = new Map([['convolution.ts', 'export const a = 1;\n'], ['filters.ts', 'export const b = 2;\n']]);

async function prepare(upload: string) {
  const work = path.join(dir, 'work');
  return { ...(await prepareUpload(upload, work)), work };
}

describe('prepareUpload', () => {
  it.each(['flat', 'folder', 'repository zip'] as const)('finds the files uploaded %s', async (shape) => {
    writeUpload(path.join(dir, 'upload'), shape, files);
    const p = await prepare(path.join(dir, 'upload'));
    expect(p.found).toBe(2);
    expect(readFileSync(path.join(p.folder, 'convolution.ts'), 'utf8')).toBe(files.get('convolution.ts'));
    expect(p.from).toBe({ flat: '.', folder: 'my-homework', 'repository zip': 'cnn-exercises-main/exercises' }[shape]);
  });

  it('finds exercises/ two levels down in a repository the LMS already unpacked, beside a stray copy with fewer files', async () => {
    const upload = path.join(dir, 'upload');
    mkdirSync(path.join(upload, 'cnn-exercises-main', 'exercises'), { recursive: true });
    mkdirSync(path.join(upload, 'cnn-exercises-main', 'old'), { recursive: true });
    for (const [name, text] of files) writeFileSync(path.join(upload, 'cnn-exercises-main', 'exercises', name), text);
    writeFileSync(path.join(upload, 'cnn-exercises-main', 'old', 'convolution.ts'), 'old\n');
    expect(await prepare(upload)).toMatchObject({ found: 2, from: 'cnn-exercises-main/exercises' });
  });

  it('reports 0 files for an upload without exercise files, and never writes to the upload', async () => {
    const upload = path.join(dir, 'upload');
    mkdirSync(upload);
    writeFileSync(path.join(upload, 'README.md'), 'hi\n');
    expect((await prepare(upload)).found).toBe(0);
    expect(existsSync(path.join(upload, 'submission'))).toBe(false);
  });

  it('copies a symbolic link as a link (the sandbox refuses it), never the file it points to', async () => {
    const upload = path.join(dir, 'upload');
    mkdirSync(upload);
    writeFileSync(path.join(dir, 'secret.ts'), 'export const answer = 42;\n');
    symlinkSync(path.join(dir, 'secret.ts'), path.join(upload, 'convolution.ts'));
    const p = await prepare(upload);
    expect(lstatSync(path.join(p.folder, 'convolution.ts')).isSymbolicLink()).toBe(true);
  });

  it('refuses a zip that climbs out of its folder', async () => {
    const upload = path.join(dir, 'upload');
    mkdirSync(upload);
    writeFileSync(path.join(upload, 'evil.zip'), zip([{ name: '../../escape.ts', data: Buffer.from('x') }]));
    await expect(prepare(upload)).rejects.toThrow(/evil\.zip/);
    expect(existsSync(path.join(dir, 'escape.ts'))).toBe(false);
  });
});
