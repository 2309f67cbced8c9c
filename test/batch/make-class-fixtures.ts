/**
 * Writes the zip submissions of test/fixtures/class (run once; the zips are committed):
 * `npx tsx test/batch/make-class-fixtures.ts`.
 * - smith_12345_67890_convolution.zip: a Canvas-style name; the files one folder deep, with
 *   macOS's __MACOSX litter; the code is alice's with renamed variables and no comments.
 * - eve.zip: not a zip at all (a broken upload).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeZip } from './zip-writer.js';

const dir = path.resolve(import.meta.dirname, '../fixtures/class');
const copied = readFileSync(path.join(import.meta.dirname, 'smith-convolution.txt'), 'utf8');
writeFileSync(
  path.join(dir, 'smith_12345_67890_convolution.zip'),
  makeZip([
    { name: 'hw1/' },
    { name: 'hw1/convolution.ts', data: copied },
    { name: 'hw1/notes.txt', data: 'I did it all myself.\n' },
    { name: '__MACOSX/hw1/._convolution.ts', data: 'junk' },
  ]),
);
writeFileSync(path.join(dir, 'eve.zip'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('this upload was cut short')]));
