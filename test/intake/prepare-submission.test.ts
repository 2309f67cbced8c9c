/** prepareSubmission: an upload in any shape a student makes becomes one folder of exercise files. */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareSubmission, type SubmissionInput } from '../../grader/intake/prepare-submission.js';
import { exerciseFileName } from '../../grader/intake/exercise-file-name.js';
import { intakeLines } from '../../grader/feedback/format-intake.js';
import { makeZip as zip } from '../batch/zip-writer.js';
import { writeUpload } from '../deploy/lms-root.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'upload-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const files = new Map([['convolution.ts', 'export const a = 1;\n'], ['filters.ts', 'export const b = 2;\n']]);

async function prepare(upload: string | SubmissionInput, copy = true) {
  const work = path.join(dir, 'work');
  mkdirSync(work, { recursive: true });
  const input: SubmissionInput = typeof upload === 'string' ? { kind: 'folder', path: upload } : upload;
  return { ...(await prepareSubmission(input, work, { label: 'submission', copy })), work };
}

/** Writes `name` into `folder` with its modification time `age` seconds ago. */
function write(folder: string, name: string, text: string, age = 0): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, name), text);
  const t = new Date(Date.now() - age * 1000);
  utimesSync(path.join(folder, name), t, t);
}

describe('exercise file names as students make them', () => {
  it.each([
    ['convolution.ts', 'convolution.ts', 0],
    ['Convolution.TS', 'convolution.ts', 0],
    ['convolution (1).ts', 'convolution.ts', 1],
    ['convolution(2).ts', 'convolution.ts', 2],
    ['convolution-1.ts', 'convolution.ts', 1],
    ['convolution_3.js', 'convolution.js', 3],
    ['convolution copy.ts', 'convolution.ts', 1],
    ['cnn.ts.txt', 'cnn.ts', 0],
    ['Filters.ts', 'filters.ts', 0],
    ['convolution2d-1.ts', 'convolution2d.ts', 1],
  ])('%s is %s (copy %d)', (name, canonical, copy) => {
    expect(exerciseFileName(name)).toMatchObject({ canonical, copy });
  });

  it.each(['convolutions.ts', 'convolution-2d.ts', 'notes.txt', 'convolution.py', 'my convolution.ts'])('%s is not an exercise file', (name) => {
    expect(exerciseFileName(name)).toBeUndefined();
  });
});

describe('prepareSubmission', () => {
  it.each(['flat', 'folder', 'repository zip'] as const)('finds the files uploaded %s', async (shape) => {
    writeUpload(path.join(dir, 'upload'), shape, files);
    const p = await prepare(path.join(dir, 'upload'));
    expect(p.found).toBe(2);
    expect(readFileSync(path.join(p.folder, 'convolution.ts'), 'utf8')).toBe(files.get('convolution.ts'));
    expect(p.intake.from).toBe({ flat: '.', folder: 'my-homework', 'repository zip': 'cnn-exercises-main/exercises' }[shape]);
    expect(p.intake.renamed).toEqual([]);
  });

  it('finds exercises/ two levels down in a repository the LMS already unpacked, and names the stray copy it skips', async () => {
    const upload = path.join(dir, 'upload');
    for (const [name, text] of files) write(path.join(upload, 'cnn-exercises-main', 'exercises'), name, text);
    write(path.join(upload, 'cnn-exercises-main', 'old'), 'convolution.ts', 'old\n');
    const p = await prepare(upload);
    expect(p).toMatchObject({ found: 2, intake: { from: 'cnn-exercises-main/exercises' } });
    expect(p.intake.skipped).toEqual([{ file: 'cnn-exercises-main/old/convolution.ts', why: 'another copy of convolution, outside the folder graded' }]);
  });

  it('grades renamed copies under their exercise’s name, the newest copy winning, and says so', async () => {
    const upload = path.join(dir, 'upload');
    write(upload, 'convolution.ts', 'old\n', 120);
    write(upload, 'convolution (1).ts', 'new\n', 60);
    write(upload, 'Filters.ts', 'filters\n');
    write(upload, 'cnn.ts.txt', 'cnn\n');
    write(upload, 'layers-1.ts', 'old layers\n', 10);
    write(upload, 'layers.ts', 'newest layers\n');
    write(upload, 'notes.txt', 'hi\n');
    const p = await prepare(upload, false);
    expect(p.found).toBe(4);
    expect(p.folder).not.toBe(upload); // renamed: a copy is graded, the upload is left as it was
    expect(readdirSync(p.folder).sort()).toEqual(['cnn.ts', 'convolution.ts', 'filters.ts', 'layers.ts', 'notes.txt']);
    expect(readFileSync(path.join(p.folder, 'convolution.ts'), 'utf8')).toBe('new\n');
    expect(readFileSync(path.join(p.folder, 'layers.ts'), 'utf8')).toBe('newest layers\n');
    expect(p.intake.renamed).toEqual([
      { file: 'convolution (1).ts', as: 'convolution.ts' },
      { file: 'Filters.ts', as: 'filters.ts' },
      { file: 'cnn.ts.txt', as: 'cnn.ts' },
    ]);
    expect(intakeLines(p.intake)).toEqual([
      'Graded convolution (1).ts as convolution.ts.',
      'Graded Filters.ts as filters.ts.',
      'Graded cnn.ts.txt as cnn.ts.',
      'Not graded (an older copy of convolution (convolution (1).ts is graded)): convolution.ts.',
      'Not graded (an older copy of layers (layers.ts is graded)): layers-1.ts.',
      'Not graded (not an exercise file): notes.txt.',
    ]);
    expect(readdirSync(upload)).toHaveLength(7);
  });

  it('grades a folder in place when nothing has to change, and a copy when asked', async () => {
    writeUpload(path.join(dir, 'upload'), 'flat', files);
    expect((await prepare(path.join(dir, 'upload'), false)).folder).toBe(path.join(dir, 'upload'));
    expect((await prepare(path.join(dir, 'upload'), true)).folder).not.toBe(path.join(dir, 'upload'));
  });

  it('gathers an export’s loose files, and opens a zip among them', async () => {
    write(dir, 'alice_convolution.ts', 'export const a = 1;\n');
    writeFileSync(path.join(dir, 'alice_hw.zip'), zip([{ name: 'hw/Filters.ts', data: Buffer.from('f\n') }, { name: 'hw/Convolution2d.ts', data: Buffer.from('c\n') }]));
    const p = await prepare({ kind: 'files', files: [{ name: 'convolution.ts', path: path.join(dir, 'alice_convolution.ts') }, { name: 'hw.zip', path: path.join(dir, 'alice_hw.zip') }] });
    expect(p.found).toBe(2);
    expect(readdirSync(p.folder).sort()).toEqual(['convolution2d.ts', 'filters.ts']);
    expect(p.intake.skipped).toEqual([{ file: 'convolution.ts', why: 'an exercise file outside hw/, where the others are' }]);
  });

  it('refuses an upload without exercise files, saying what it holds, and never writes to the upload', async () => {
    const upload = path.join(dir, 'upload');
    write(upload, 'README.md', 'hi\n');
    write(upload, 'filter.ts', 'typo\n');
    await expect(prepare(upload)).rejects.toMatchObject({ code: 'E_NO_EXERCISE_FILE', message: expect.stringMatching(/^No exercise file was found in your upload\. Upload convolution\.ts, .*It holds: README\.md, filter\.ts\.$/) });
    expect(readdirSync(upload)).toEqual(['README.md', 'filter.ts']);
  });

  it('refuses a folder that does not exist', async () => {
    await expect(prepare(path.join(dir, 'nope'))).rejects.toMatchObject({ code: 'E_NO_FOLDER' });
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
    await expect(prepare(upload)).rejects.toMatchObject({ code: 'E_ZIP', message: expect.stringMatching(/evil\.zip/) });
    expect(existsSync(path.join(dir, 'escape.ts'))).toBe(false);
  });
});
