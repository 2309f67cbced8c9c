import { SANDBOX_DEFAULTS } from '../config/sandbox-defaults.js';
import type { ExerciseRuntimes } from '../core/exercise-runtime.js';

/** How untrusted code is isolated. Partial options become complete ones once, in `resolveSandboxOptions`. */
export type SandboxMode = 'auto' | 'bwrap' | 'node' | 'none';

export interface SandboxOptions {
  /**
   * `bwrap`: bubblewrap namespaces + setpriv + prlimit + Node's permission model;
   * `node`: Node's permission model (+ prlimit, + setpriv when the grader runs as root);
   * `none`: a plain child process (trusted code only); `auto`: bwrap when it works here, else node.
   */
  mode: SandboxMode;
  /** Wall-clock limit for one call. */
  callTimeoutMs: number;
  /**
   * Wall-clock limit for loading a module (its top-level code and imports; tfjs alone takes
   * ~0.3 s, more on a busy machine). Default: the larger of callTimeoutMs and 15 s.
   */
  loadTimeoutMs?: number;
  /** Wall-clock budget for all calls (and loads) of one exercise. */
  exerciseTimeoutMs: number;
  /** V8 heap limit of a child (`--max-old-space-size`); the address-space limit is derived from it. */
  memoryMb: number;
  /** How much of a child's stdout + stderr is kept per exercise; the rest is counted and dropped. */
  outputCapBytes: number;
  /** Shown in messages and reports; defaults to the folder name. */
  label?: string;
  /** What each exercise's code needs beyond these defaults (its manifest's `runtime`): a tfjs model, longer limits. */
  runtimes?: ExerciseRuntimes;
}

/** What was actually used. */
export interface SandboxInfo {
  mode: 'bwrap' | 'node' | 'none';
  /** The active layers in words. */
  detail: string;
  /** Whether student code was kept off the network (bwrap's namespace, or Node ≥ 25's permission model). */
  network: boolean;
  /** Every layer the grader knows, whether it was active, and what it did or why it was off. */
  layers: SandboxLayer[];
}

export interface SandboxLayer {
  name: 'bubblewrap' | 'setpriv' | 'prlimit' | 'node permission model';
  active: boolean;
  note: string;
}

/** The grader's one table of sandbox defaults (grader/config/sandbox-defaults.ts). */
export const DEFAULT_SANDBOX_OPTIONS: Readonly<Required<Omit<SandboxOptions, 'label' | 'loadTimeoutMs' | 'runtimes'>>> = SANDBOX_DEFAULTS;

/** Limits on what crosses the boundary (not options: the parent's safety depends on them). */
export const TRANSFER_LIMITS = Object.freeze({
  /** Numbers in one returned value (array elements, typed-array elements, object values). */
  maxNumbers: 50_000_000,
  /** Characters of all strings in one returned value. */
  maxStringChars: 10_000_000,
  /** Nesting depth of one returned value. */
  maxDepth: 200,
  /** Bytes of one serialized message from a child; a larger one kills the child. */
  maxFrameBytes: 512 * 1024 * 1024,
  /** Characters of a message (an error's text) inside an outcome. */
  maxMessageChars: 2_000,
});

export const MIN_LOAD_TIMEOUT_MS = 15_000;

/** Time a child may take to start before any student code runs (a machine problem, not the student's). */
export const STARTUP_TIMEOUT_MS = 20_000;

export interface ResolvedSandboxOptions extends Required<SandboxOptions> {}

export function resolveSandboxOptions(dir: string, options: Partial<SandboxOptions> = {}): ResolvedSandboxOptions {
  const o = { ...DEFAULT_SANDBOX_OPTIONS, ...stripUndefined(options) };
  const modes: SandboxMode[] = ['auto', 'bwrap', 'node', 'none'];
  if (!modes.includes(o.mode)) throw new Error(`sandbox: mode must be one of ${modes.join(', ')}, got ${String(o.mode)}`);
  const loadTimeoutMs = o.loadTimeoutMs ?? Math.max(o.callTimeoutMs, MIN_LOAD_TIMEOUT_MS);
  for (const key of ['callTimeoutMs', 'exerciseTimeoutMs', 'memoryMb', 'outputCapBytes'] as const) {
    const v = o[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new Error(`sandbox: ${key} must be a positive number, got ${String(v)}`);
  }
  const label = options.label ?? (dir.replace(/[/\\]+$/, '').split(/[/\\]/).pop() || dir);
  if (typeof loadTimeoutMs !== 'number' || !Number.isFinite(loadTimeoutMs) || loadTimeoutMs <= 0) {
    throw new Error(`sandbox: loadTimeoutMs must be a positive number, got ${String(loadTimeoutMs)}`);
  }
  return { ...o, loadTimeoutMs, label, runtimes: options.runtimes ?? {} };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
