import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One process of a tree: what it is (its program, and the exercise file a sandbox child runs) and its RSS. */
export interface ProcessMemory {
  pid: number;
  what: string;
  rssBytes: number;
}

/**
 * The resident memory of a process and all its descendants (Linux /proc), one entry each: their
 * sum is what a container's memory limit (Gradescope's 768 MB) counts, unlike one process's
 * maxRSS. (Pages shared between processes, such as the node binary's, are counted in each.)
 */
export function treeProcesses(root: number): ProcessMemory[] {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      rss.set(pid, Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {
      // the process ended while we looked
    }
  }
  const tree: ProcessMemory[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    if (rss.has(pid)) tree.push({ pid, what: describe(pid), rssBytes: rss.get(pid)! });
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** "node (filters.ts)" for a sandbox child, "node" for the grader, "esbuild", "bwrap", … */
function describe(pid: number): string {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const program = path.basename(argv[0] ?? '?');
    const source = /"sourceName":"([^"]+)"/.exec(argv.join(' '))?.[1];
    return source ? `${program} (${source})` : program;
  } catch {
    return '?';
  }
}

/** Samples the tree every `everyMs` until stopped; `stop()` returns the peak in bytes and the processes at that moment. */
export function watchPeak(pid: number, everyMs = 100): { stop: () => { peak: number; atPeak: ProcessMemory[] } } {
  let peak = 0;
  let atPeak: ProcessMemory[] = [];
  const sample = () => {
    const tree = treeProcesses(pid);
    const total = tree.reduce((sum, p) => sum + p.rssBytes, 0);
    if (total > peak) [peak, atPeak] = [total, tree];
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return { peak, atPeak };
    },
  };
}
