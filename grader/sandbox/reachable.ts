import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { packageDirs } from './packages.js';

/**
 * The folders a process of another user cannot pass on its way to `targets`: those without the
 * execute bit for others. When the grader is root, student code runs as nobody, and must reach
 * the node binary and the tfjs packages (a clone under /root, or in a `mktemp -d` folder, is
 * closed to it).
 */
export function closedFolders(targets: string[], mode: (dir: string) => number = (dir) => statSync(dir).mode): string[] {
  const closed = new Set<string>();
  for (const target of targets) {
    for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
      if ((mode(dir) & 0o001) === 0) closed.add(dir);
      if (dir === path.dirname(dir)) break;
    }
  }
  return [...closed].sort();
}

/** What the sandbox's user must reach: the node binary and the packages a submission may import. */
export function sandboxTargets(): string[] {
  return [realpathSync(process.execPath), ...packageDirs().map((dir) => path.join(dir, 'package.json'))];
}
