import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mirrorOnce } from '../../grader/sandbox/mirror.js';
import { closedFolders, sandboxFiles } from '../../grader/sandbox/reachable.js';

const made: string[] = [];
afterEach(() => made.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('what the sandbox user can reach', () => {
  it('names every folder on the way that others cannot pass, once', () => {
    const modes: Record<string, number> = { '/': 0o755, '/root': 0o700, '/root/kit': 0o755, '/root/kit/node_modules': 0o750, '/usr': 0o755, '/usr/bin': 0o755 };
    const targets = ['/root/kit/node_modules/a/package.json', '/root/kit/node_modules/b/package.json', '/usr/bin/node'];
    expect(closedFolders(targets, (dir) => modes[dir] ?? 0o755)).toEqual(['/root', '/root/kit/node_modules']);
    expect(closedFolders(['/usr/bin/node'], (dir) => modes[dir] ?? 0o755)).toEqual([]);
  });

  it('gives the children Node and the tfjs packages where they are when nobody can reach them', () => {
    const files = sandboxFiles({ root: false, setpriv: null });
    expect(files.node).toMatch(/node$/);
    expect(files.packageDirs.some((d) => d.endsWith(path.join('@tensorflow', 'tfjs')))).toBe(true);
    expect(files.place('/x/y.js')).toBe('/x/y.js');
  });

  it('makes the mirror again when it has gone from the temp folder since (a cleaner, a deleted TMPDIR)', () => {
    const temp = mkdtempSync(path.join(tmpdir(), 'reachable-temp-'));
    made.push(temp);
    chmodSync(temp, 0o755);
    // As if the packages were in a clone closed to others, with the grader as root.
    const closed = path.resolve('node_modules');
    const mode = (dir: string) => (dir === closed ? 0o40700 : statSync(dir).mode);
    const tools = { root: true, setpriv: 'setpriv' };
    const tfjsJson = (dirs: string[]) => path.join(dirs.find((d) => d.endsWith(path.join('@tensorflow', 'tfjs')))!, 'package.json');
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = temp;
    try {
      const first = sandboxFiles(tools, mode);
      expect(tfjsJson(first.packageDirs).startsWith(temp + path.sep)).toBe(true);
      expect(existsSync(tfjsJson(first.packageDirs))).toBe(true);
      for (const name of readdirSync(temp)) rmSync(path.join(temp, name), { recursive: true, force: true });
      const again = sandboxFiles(tools, mode);
      expect(existsSync(tfjsJson(again.packageDirs))).toBe(true);
      expect(again.place(path.join(closed, '@tensorflow', 'tfjs', 'package.json'))).toBe(tfjsJson(again.packageDirs));
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });
});

describe('a mirror of what the children read', () => {
  const setup = () => {
    const closed = mkdtempSync(path.join(tmpdir(), 'mirror-src-'));
    made.push(closed);
    mkdirSync(path.join(closed, 'pkg', 'dist'), { recursive: true });
    writeFileSync(path.join(closed, 'pkg', 'dist', 'index.js'), 'export {}');
    writeFileSync(path.join(closed, 'pkg', 'secret.js'), 'x');
    chmodSync(path.join(closed, 'pkg', 'secret.js'), 0o600);
    chmodSync(closed, 0o700);
    const root = path.join(tmpdir(), `mirror-test-${process.pid}-${Math.random().toString(36).slice(2)}`);
    made.push(root);
    return { closed, root };
  };

  it('holds every file, readable by others, in folders others can pass, without changing the source', () => {
    const { closed, root } = setup();
    mirrorOnce(root, [{ from: path.join(closed, 'pkg'), to: path.join(root, 'packages', 'pkg') }]);
    expect(readFileSync(path.join(root, 'packages', 'pkg', 'dist', 'index.js'), 'utf8')).toBe('export {}');
    for (const d of [root, path.join(root, 'packages'), path.join(root, 'packages', 'pkg', 'dist')]) expect(statSync(d).mode & 0o777).toBe(0o755);
    // A file closed to others is copied (a hard link would share its mode), and opened for reading.
    expect(statSync(path.join(root, 'packages', 'pkg', 'secret.js')).mode & 0o004).toBe(0o004);
    expect(statSync(path.join(closed, 'pkg', 'secret.js')).mode & 0o777).toBe(0o600);
    expect(statSync(closed).mode & 0o777).toBe(0o700);
  });

  it('is made once and reused', () => {
    const { closed, root } = setup();
    const entries = [{ from: path.join(closed, 'pkg'), to: path.join(root, 'pkg') }];
    mirrorOnce(root, entries);
    const first = lstatSync(path.join(root, 'pkg')).ino;
    mirrorOnce(root, entries);
    expect(lstatSync(path.join(root, 'pkg')).ino).toBe(first);
  });

  it('refuses a folder of that name that others could change', () => {
    const { closed, root } = setup();
    mkdirSync(root);
    chmodSync(root, 0o777);
    expect(() => mirrorOnce(root, [{ from: path.join(closed, 'pkg'), to: path.join(root, 'pkg') }])).toThrow(/not a folder the grader made/);
  });
});
