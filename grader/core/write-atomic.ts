import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeFolder } from './folders.js';

/** Writes a file so that a reader (or a killed batch) never sees half of it. */
export function writeAtomic(file: string, content: string | Uint8Array): void {
  makeFolder(path.dirname(file));
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, file);
}
