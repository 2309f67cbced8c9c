/**
 * What the sandbox's children read outside their temp folder: the node binary and the allowed
 * packages. When the grader is root, student code runs as nobody, who cannot pass a folder closed
 * to others (a clone under /root or in a `mktemp -d` folder). Then the children get a read-only
 * mirror of exactly those files in the temp folder (hard links where the file system allows, else
 * copies), made once per Node and package versions and reused; the user's folders keep their
 * permissions.
 */
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MachineLacks } from '../core/machine-lacks.js';
import type { Tools } from './launch.js';
import { mirrorIntact, mirrorOnce } from './mirror.js';
import { packageDirs } from './packages.js';

export interface SandboxFiles {
  /** The node binary the children run. */
  node: string;
  /** The allowed packages' folders, as the children see them. */
  packageDirs: string[];
  /** A file of the allowed packages (its real path) → the same file as the children see it. */
  place(file: string): string;
}

/** What was found, per user and temp folder, with the mirror it relies on (if any). */
const found = new Map<string, { files: SandboxFiles; mirror: string | null }>();

/**
 * Found once per grader process; a mirror is made only when the children could not pass. A mirror
 * that has gone since (a temp cleaner, or a temp folder deleted under a long-running process) is
 * made again rather than handed out as paths that no longer exist.
 */
export function sandboxFiles(tools: Pick<Tools, 'root' | 'setpriv'>, mode?: (dir: string) => number): SandboxFiles {
  const key = `${tools.root}\0${tools.setpriv}\0${tmpdir()}`;
  const known = found.get(key);
  if (known && (known.mirror === null || mirrorIntact(known.mirror))) return known.files;
  const result = findSandboxFiles(tools, mode);
  found.set(key, result);
  return result.files;
}

function findSandboxFiles(tools: Pick<Tools, 'root' | 'setpriv'>, mode?: (dir: string) => number): { files: SandboxFiles; mirror: string | null } {
  const node = realpathSync(process.execPath);
  const dirs = packageDirs();
  const asNobody = tools.root && tools.setpriv !== null;
  const nodeClosed = asNobody && closedFolders([node], mode).length > 0;
  const packagesClosed = asNobody && closedFolders(dirs.map((d) => path.join(d, 'package.json')), mode).length > 0;
  if (!nodeClosed && !packagesClosed) return { files: { node, packageDirs: dirs, place: (f) => f }, mirror: null };

  const root = path.join(tmpdir(), `cnn-grader-reachable-${mirrorKey(node, dirs)}`);
  const closedTemp = closedFolders([root], mode);
  if (closedTemp.length > 0) {
    throw new MachineLacks(`the sandbox runs student code as user nobody, who cannot pass ${closedTemp.join(', ')} to reach the temp folder`, 'set TMPDIR to a folder others can pass (such as /tmp)');
  }
  // Relative to the folder above their node_modules, so that Node's lookup from one package finds the others.
  const base = aboveNodeModules(dirs.reduce(commonFolder));
  const copyOf = (d: string) => path.join(root, 'packages', path.relative(base, d));
  mirrorOnce(root, [
    ...(nodeClosed ? [{ from: node, to: path.join(root, 'bin', 'node') }] : []),
    ...(packagesClosed ? dirs.map((d) => ({ from: d, to: copyOf(d) })) : []),
  ]);
  const files: SandboxFiles = {
    node: nodeClosed ? path.join(root, 'bin', 'node') : node,
    packageDirs: packagesClosed ? dirs.map(copyOf) : dirs,
    place: (f) => {
      const d = packagesClosed ? dirs.find((x) => f.startsWith(x + path.sep)) : undefined;
      return d ? path.join(copyOf(d), path.relative(d, f)) : f;
    },
  };
  return { files, mirror: root };
}

/** Which Node and which package versions: another install gets another mirror. */
function mirrorKey(node: string, dirs: string[]): string {
  const h = createHash('sha256').update(`${node}\0${process.version}\0${statSync(node).size}\0${statSync(node).mtimeMs}`);
  for (const d of dirs) {
    h.update(`\0${d}\0`);
    try {
      h.update(readFileSync(path.join(d, 'package.json')));
    } catch {
      /* a folder without package.json: its path alone */
    }
  }
  return h.digest('hex').slice(0, 16);
}

function commonFolder(a: string, b: string): string {
  while (!(b === a || b.startsWith(a.endsWith(path.sep) ? a : a + path.sep))) a = path.dirname(a);
  return a;
}

function aboveNodeModules(dir: string): string {
  const parts = dir.split(path.sep);
  const i = parts.indexOf('node_modules');
  return i > 0 ? parts.slice(0, i).join(path.sep) || path.sep : path.dirname(dir);
}

/**
 * The folders a process of another user cannot pass on its way to `targets`: those without the
 * execute bit for others.
 */
export function closedFolders(targets: string[], mode: (dir: string) => number = statMode): string[] {
  const closed = new Set<string>();
  for (const target of targets) {
    for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
      if ((mode(dir) & 0o001) === 0) closed.add(dir);
      if (dir === path.dirname(dir)) break;
    }
  }
  return [...closed].sort();
}

function statMode(dir: string): number {
  return statSync(dir).mode;
}
