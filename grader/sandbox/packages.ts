/**
 * The only packages a submission may import: @tensorflow/tfjs and the @tensorflow packages it is
 * made of, resolved to this repository's node_modules. Also the folders a child must be able to
 * read for them (the packages and everything they depend on).
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const TFJS = '@tensorflow/tfjs';
const ALLOWED = new Set([
  TFJS,
  '@tensorflow/tfjs-core',
  '@tensorflow/tfjs-layers',
  '@tensorflow/tfjs-converter',
  '@tensorflow/tfjs-data',
  '@tensorflow/tfjs-backend-cpu',
  '@tensorflow/tfjs-backend-webgl',
]);

const require = createRequire(import.meta.url);

/** The allowed package a bare specifier names (`@tensorflow/tfjs-core/dist/x` → `@tensorflow/tfjs-core`), or null. */
export function allowedPackageOf(specifier: string): string | null {
  const m = /^(@tensorflow\/[a-z0-9-]+)(\/.*)?$/.exec(specifier);
  return m && ALLOWED.has(m[1]!) ? m[1]! : null;
}

/** The file URL a child imports for an allowed specifier (the CommonJS build, as `require` sees it, so all share one tfjs). */
export function resolveAllowedPackage(specifier: string): string {
  return pathToFileURL(realpathSync(require.resolve(specifier))).href;
}

export function tfjsUrl(): string {
  return resolveAllowedPackage(TFJS);
}

let dirs: string[] | undefined;

/** Real paths of the allowed packages and their runtime dependencies (not @types). */
export function packageDirs(): string[] {
  if (dirs) return dirs;
  const found = new Set<string>();
  const queue: string[] = [...ALLOWED].map((name) => packageDir(name, dirname(require.resolve(TFJS)))).filter((d): d is string => d !== null);
  while (queue.length > 0) {
    const dir = queue.pop()!;
    if (found.has(dir)) continue;
    found.add(dir);
    let deps: Record<string, string> = {};
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
      deps = pkg.dependencies ?? {};
    } catch {
      continue;
    }
    for (const dep of Object.keys(deps)) {
      if (dep.startsWith('@types/')) continue;
      const d = packageDir(dep, dir);
      if (d) queue.push(d);
    }
  }
  // A folder inside another listed folder is readable already.
  const sorted = [...found].sort();
  dirs = sorted.filter((d) => !sorted.some((o) => o !== d && d.startsWith(o + '/')));
  return dirs;
}

/** Node's lookup: `<dir>/node_modules/<name>`, then the same in each parent folder. */
function packageDir(name: string, from: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) return null;
  }
}
