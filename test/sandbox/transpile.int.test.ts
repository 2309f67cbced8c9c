import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareSubmission } from '../../grader/sandbox/transpile.js';
import { fixture } from './helpers.js';

let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'sandbox-transpile-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

describe('prepareSubmission', () => {
  it('transpiles file by file and rewrites relative imports to the transpiled names', async () => {
    const p = await prepareSubmission(fixture('honest-multifile'), out);
    expect((await p.exercise('convolution'))).toEqual({ ok: true, sourceName: 'convolution.ts', modulePath: join(out, 'convolution.mjs') });
    const code = readFileSync(join(out, 'convolution.mjs'), 'utf8');
    expect(code).toContain('from "./helpers/arrays.mjs"');
    expect(code).toContain('from "./maths.mjs"');
    expect(code).not.toMatch(/function dot/); // not bundled
    expect(readFileSync(join(out, 'helpers/arrays.mjs'), 'utf8')).toContain('from "../maths.mjs"');
    expect((await p.exercise('filters'))).toMatchObject({ ok: false, message: 'the submission has no filters.ts (nor filters.js or filters.mjs)' });
  });

  it('maps tfjs to this repository and Node built-ins to node: names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-src-'));
    try {
      writeFileSync(join(dir, 'cnn.ts'), "import * as tf from '@tensorflow/tfjs';\nimport fs from 'fs';\nexport const x = [tf, fs];\n");
      const p = await prepareSubmission(dir, out);
      expect((await p.exercise('cnn')).ok).toBe(true);
      const code = readFileSync(join(out, 'cnn.mjs'), 'utf8');
      expect(code).toMatch(/from "file:\/\/\/.*node_modules\/@tensorflow\/tfjs\/dist\/tf\.node\.js"/);
      expect(code).toContain('from "node:fs"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses other packages, tfjs-node, absolute paths and escapes, naming file and import', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-src-'));
    try {
      mkdirSync(join(dir, 'sub'));
      writeFileSync(join(dir, 'convolution.ts'), "import '@tensorflow/tfjs-node';\n");
      writeFileSync(join(dir, 'filters.ts'), "import x from 'file:///etc/passwd';\nexport { x };\n");
      writeFileSync(join(dir, 'augment.ts'), "export * from './sub/deeper.js';\n");
      writeFileSync(join(dir, 'sub', 'deeper.ts'), "export * from '../../outside.js';\n");
      writeFileSync(join(dir, 'layers.ts'), "const m = await import('../x.js');\nexport { m };\n");
      writeFileSync(join(dir, 'parameters.ts'), "import data from './data.json';\nexport { data };\n");
      writeFileSync(join(dir, 'data.json'), '{}');
      const p = await prepareSubmission(dir, out);
      const msg = async (id: string) => ((await p.exercise(id)) as { message?: string }).message;
      expect(await msg('convolution')).toBe("convolution.ts imports '@tensorflow/tfjs-node': a submission may import only its own files, Node's built-ins and @tensorflow/tfjs");
      expect(await msg('filters')).toMatch(/^filters\.ts imports 'file:\/\/\/etc\/passwd': a submission may import only/);
      expect(await msg('augment')).toMatch(/^sub\/deeper\.ts imports '\.\.\/\.\.\/outside\.js': a submission may import only/);
      expect(await msg('layers')).toMatch(/^layers\.ts imports '\.\.\/x\.js'/);
      expect(await msg('parameters')).toMatch(/only \.ts, \.mts, \.js and \.mjs files can be imported/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('CommonJS gets "use import" / "use export", not esbuild\'s runtime error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-src-'));
    try {
      writeFileSync(join(dir, 'convolution.js'), "const h = require('./helper.js');\nexport function convolve(a) { return h.f(a); }\n");
      writeFileSync(join(dir, 'helper.js'), 'exports.f = (a) => a;\n');
      writeFileSync(join(dir, 'filters.js'), 'function blur(i) { return i; }\nmodule.exports = { blur };\n');
      const p = await prepareSubmission(dir, out);
      expect((await p.exercise('convolution'))).toMatchObject({ ok: false, message: "convolution.js uses require('./helper.js'), which ES modules do not have: use `import … from './helper.js'` instead" });
      expect((await p.exercise('filters'))).toMatchObject({ ok: false, message: 'filters.js uses module.exports or exports (CommonJS): write `export function …` instead' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a missing folder is a fault of the caller', async () => {
    await expect(prepareSubmission('/nonexistent/submission', out)).rejects.toThrow(/cannot read the submission folder/);
  });
});
