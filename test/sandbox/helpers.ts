/** Shared by the sandbox tests: fixture paths, available modes, leftover-process and file-change checks. */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSandboxedSubmission, probeBwrap, type SandboxOptions, type SandboxedSubmission } from '../../grader/sandbox/index.js';
import { detectTools } from '../../grader/sandbox/probe.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));
export const fixture = (name: string): string => join(FIXTURES, name);

export const bwrap = await probeBwrap();
export const tools = detectTools();
/** The strongest mode this machine has: hostile submissions are graded in it when bwrap is missing, and must be contained there too. */
export const strongest: 'bwrap' | 'node' = bwrap.ok ? 'bwrap' : 'node';

/** Small limits so that hostile tests are quick. */
export const QUICK: Partial<SandboxOptions> = { callTimeoutMs: 1_000, loadTimeoutMs: 2_000, exerciseTimeoutMs: 30_000, memoryMb: 256, outputCapBytes: 16 * 1024 };

/** Pids of live processes whose command line mentions `text` (the sandbox's temp folder). */
export function processesMentioning(text: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const state = /^State:\s+(\w)/m.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1];
      if (cmd.includes(text) && state !== 'Z') found.push(Number(entry));
    } catch {
      /* gone meanwhile */
    }
  }
  return found;
}

/** Waits (briefly) until no process mentions `text`; returns those that remain. */
export async function leftovers(text: string, waitMs = 3_000): Promise<number[]> {
  const end = Date.now() + waitMs;
  for (;;) {
    const p = processesMentioning(text);
    if (p.length === 0 || Date.now() > end) return p;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A digest of every file (content, symlink target) under `dir`, to prove nothing changed. */
export function treeDigest(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = lstatSync(p);
      h.update(relative(dir, p));
      if (st.isSymbolicLink()) h.update(`-> ${readlinkSync(p)}`);
      else if (st.isDirectory()) walk(p);
      else h.update(readFileSync(p));
    }
  };
  if (existsSync(dir)) walk(dir);
  return h.digest('hex');
}

/** Opens `dir`, runs `fn`, closes, and checks that no process and no temp folder is left behind. */
export async function withSubmission<T>(dir: string, options: Partial<SandboxOptions>, fn: (s: SandboxedSubmission) => Promise<T>): Promise<T> {
  const s = await openSandboxedSubmission(dir, options);
  try {
    return await fn(s);
  } finally {
    await s.close();
    const left = await leftovers(s.workDir);
    if (left.length > 0) throw new Error(`processes left behind: ${left.join(', ')}`);
    if (existsSync(s.workDir)) throw new Error(`temp folder left behind: ${s.workDir}`);
  }
}
