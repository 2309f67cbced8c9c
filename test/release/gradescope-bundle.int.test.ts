import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gradescopeBundle } from '../../grader/release/gradescope-bundle.js';
import { IMAGE_CONFIG_FILE } from '../../grader/deploy/image-config.js';
import { releaseCommand } from '../../grader/release/command.js';

/** Reads a zip's central directory: name → { data, mode, year } (the bundle's subset: deflate only). */
function unzip(buf: Buffer): Map<string, { data: Buffer; mode: number; year: number }> {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const out = new Map<string, { data: Buffer; mode: number; year: number }>();
  for (let i = 0; i < count; i++) {
    const size = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const mode = buf.readUInt32LE(p + 38) >>> 16;
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const year = 1980 + (buf.readUInt16LE(p + 14) >> 9); // the MS-DOS date's year
    out.set(name, { data: inflateRawSync(buf.subarray(start, start + size)), mode: mode & 0o777, year });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

describe('the Gradescope autograder bundle', () => {
  it('holds setup.sh and run_autograder at the root, and the whole grader with the hidden checks and the reference', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gradescope-'));
    try {
      const file = path.join(dir, 'autograder.zip');
      const b = await gradescopeBundle(file, { config: {} });
      const files = unzip(readFileSync(file));
      expect(files.size).toBe(b.entries);
      // Dated when it was made, not 1980-00-00.
      for (const [name, f] of files) expect(f.year, name).toBe(new Date().getFullYear());
      expect(files.get('setup.sh')!.mode).toBe(0o755);
      expect(files.get('run_autograder')!.mode).toBe(0o755);
      // Gradescope unpacks the zip into /autograder/source: the grader's files sit at the root too.
      for (const f of ['package.json', 'package-lock.json', 'grader/cli/main.ts', 'grader/exercises/convolution/checks.ts', 'solutions/convolution.ts', 'datasets/prepare-mnist.ts']) expect(files.has(f), f).toBe(true);
      expect([...files.keys()].some((f) => f.startsWith('source/'))).toBe(false);
      expect([...files.keys()].some((f) => f.includes('node_modules') || f.startsWith('datasets/cache/'))).toBe(false);
      const run = files.get('run_autograder')!.data.toString();
      expect(run).toContain('root="${AUTOGRADER_ROOT:-/autograder}"');
      expect(run).toContain('grader/deploy/gradescope-autograder.ts');
      const setup = files.get('setup.sh')!.data.toString();
      expect(setup).toMatch(/set -euo pipefail[\s\S]*setup_26\.x[\s\S]*npm ci[\s\S]*npm run --silent mnist/);
      expect(setup).toContain('-lt 20'); // Node is installed only when absent or older than 20
      for (const script of ['setup.sh', 'run_autograder']) {
        const r = spawnSync('bash', ['-n'], { input: files.get(script)!.data });
        expect(r.status, r.stderr.toString()).toBe(0);
      }
      if (spawnSync('unzip', ['-v']).status === 0) expect(execFileSync('unzip', ['-tq', file]).toString()).toMatch(/No errors/);
      // The config it grades with is the one it was built with, never the repository's file.
      expect(JSON.parse(files.get(IMAGE_CONFIG_FILE)!.data.toString())).toEqual({ config: {} });
      expect([...files.keys()].filter((f) => f.startsWith('grader.config'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('release --config … --homework carries that config, as written, and the homework beside the grader', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gradescope-'));
    try {
      const file = path.join(dir, 'autograder.zip');
      const written = { numRuns: 7, checks: { 'convolution.linear': { points: 9 }, 'convolution.identity': { enabled: false } }, homeworks: { hw1: ['convolution', 'convolution2d'] } };
      const config = path.join(dir, 'my.config.ts');
      writeFileSync(config, `export default ${JSON.stringify(written)};\n`);
      const log: string[] = [];
      await releaseCommand({ gradescope: file, configFile: config, homework: 'hw1', log: (l) => log.push(l) });
      expect(log.join('\n')).toContain('grades homework hw1 (convolution, convolution2d) only');
      expect(JSON.parse(unzip(readFileSync(file)).get(IMAGE_CONFIG_FILE)!.data.toString())).toEqual({ config: written, homework: 'hw1' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('release --config with a config that does not load stops before writing anything (one line, exit code 2)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gradescope-'));
    try {
      const [zip, image] = [path.join(dir, 'autograder.zip'), path.join(dir, 'image')];
      const broken = path.join(dir, 'broken.config.ts');
      writeFileSync(broken, 'export default { checks: { ');
      await expect(releaseCommand({ gradescope: zip, prairielearn: image, configFile: broken, log: () => {} })).rejects.toMatchObject({ code: 'E_CONFIG', message: expect.stringMatching(/^\S*broken\.config\.ts: invalid configuration: cannot be loaded: [^\n]+$/) });
      writeFileSync(broken, "export default { checks: { 'convolution.linear': { points: -1 } } };\n");
      await expect(releaseCommand({ gradescope: zip, prairielearn: image, configFile: broken, log: () => {} })).rejects.toMatchObject({ code: 'E_CONFIG', message: expect.stringContaining("checks['convolution.linear'].points") });
      expect([existsSync(zip), existsSync(image)]).toEqual([false, false]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
