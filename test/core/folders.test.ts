import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeFolder, openOutputFolder } from '../../grader/core/folders.js';

const made: string[] = [];
afterEach(() => made.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'folders-'));
  made.push(d);
  return d;
};

describe('folders the grader writes into', () => {
  it('makes missing parents, and accepts one that exists', () => {
    const d = path.join(temp(), 'a', 'b', 'c');
    makeFolder(d);
    expect(statSync(d).isDirectory()).toBe(true);
    makeFolder(d);
  });

  it('throws where mkdir answers ENOENT under a folder that exists, instead of retrying forever as Node’s recursive mkdir does', () => {
    if (!existsSync('/proc/self')) return;
    expect(() => makeFolder('/proc/no-such-folder/x')).toThrow(/ENOENT/);
  });

  it('throws under a file', () => {
    const file = path.join(temp(), 'f');
    writeFileSync(file, '');
    expect(() => makeFolder(path.join(file, 'x'))).toThrow(/ENOTDIR/);
  });

  it('opens an output folder with a file tried in it, leaving nothing behind; a file in its place is one clear error', () => {
    const d = path.join(temp(), 'out');
    expect(openOutputFolder(d, '--out')).toBe(d);
    expect(readdirSync(d)).toEqual([]);
    expect(openOutputFolder(d, '--out')).toBe(d);
    const file = path.join(d, 'taken');
    writeFileSync(file, '');
    expect(() => openOutputFolder(file, '--out')).toThrow(`--out ${file} cannot hold the results: it is a file, not a folder`);
  });
});
