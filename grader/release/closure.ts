/**
 * The files a release needs: the import closure of its entry points, read through `overrides`
 * (generated or stripped files replace the originals), and the packages they import.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Closure {
  /** Project-relative paths (posix), with the text each is released with. */
  files: Map<string, string>;
  /** Bare package names imported (`@scope/name` or `name`). */
  packages: Set<string>;
}

const IMPORT = /^[ \t]*(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** A file a module reads at run time by its own location: `new URL('./file', import.meta.url)`. */
const ASSET = /\bnew URL\(\s*['"](\.\.?\/[^'"]*[^'"/])['"]\s*,\s*import\.meta\.url\s*\)/g;

/** A package a module finds at run time: `require('pkg/package.json')`, `require.resolve(…)`, `createRequire(…).resolve(…)`. */
const REQUIRED = /\b(?:require(?:\.resolve)?|createRequire\([^)]*\)\.resolve)\(\s*['"]([^'"./][^'"]*)['"]\s*\)/g;

/**
 * Relative and bare specifiers of a module's imports, type-only ones included (tsc needs them),
 * the relative files it reads by `new URL(…, import.meta.url)` and the packages it requires.
 */
export function importsOf(text: string): string[] {
  const out: string[] = [];
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  for (const m of code.matchAll(IMPORT)) out.push(m[1] ?? m[2]);
  for (const m of code.matchAll(ASSET)) out.push(m[1]);
  for (const m of code.matchAll(REQUIRED)) out.push(m[1]);
  return out;
}

function packageOf(spec: string): string | null {
  if (spec.startsWith('node:')) return null;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

export function importClosure(root: string, entries: readonly string[], overrides: ReadonlyMap<string, string>, refuse: (file: string, from: string) => string | null): Closure {
  const files = new Map<string, string>();
  const packages = new Set<string>();
  const queue: [string, string][] = entries.map((e) => [e, '(entry)']);
  while (queue.length > 0) {
    const [file, from] = queue.shift()!;
    if (files.has(file)) continue;
    const why = refuse(file, from);
    if (why) throw new Error(why);
    const text = overrides.get(file) ?? readFileSync(path.join(root, file), 'utf8');
    files.set(file, text);
    if (!/\.(ts|mts|js|mjs)$/.test(file)) continue;
    for (const spec of importsOf(text)) {
      if (!spec.startsWith('.')) {
        const p = packageOf(spec);
        if (p && !BUILTIN.has(p)) packages.add(p);
        continue;
      }
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
      const candidates = [target.replace(/\.js$/, '.ts'), target.replace(/\.mjs$/, '.mts'), target, `${target}.ts`, `${target}/index.ts`];
      const found = candidates.find((c) => overrides.has(c) || existsSync(path.join(root, c)));
      if (!found) throw new Error(`${file} imports ${spec}, which does not exist`);
      queue.push([found, file]);
    }
  }
  return { files, packages };
}

const BUILTIN = new Set(['fs', 'path', 'url', 'os', 'crypto', 'child_process', 'worker_threads', 'zlib', 'util', 'stream', 'events', 'assert', 'module', 'process', 'buffer', 'perf_hooks', 'readline', 'v8', 'vm', 'http', 'https', 'net', 'tty']);
