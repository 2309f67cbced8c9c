/**
 * A submission whose code runs only in child processes: one per exercise, started on first use.
 * The temp folder holds the transpiled student files (read-only for the children) and the
 * grader's child runtime, written last so that it replaces anything of the same name.
 */
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ExerciseId } from '../core/contract.js';
import type { CallOutcome, Submission } from '../core/submission.js';
import { exerciseTimeouts } from '../core/exercise-runtime.js';
import { trackDir, untrackDir } from './cleanup.js';
import { ExerciseRunner } from './exercise-runner.js';
import { launchPlan } from './launch.js';
import { TRANSFER_LIMITS, resolveSandboxOptions, type ResolvedSandboxOptions, type SandboxInfo, type SandboxOptions } from './options.js';
import { tfjsUrl } from './packages.js';
import { sandboxFiles, type SandboxFiles } from './reachable.js';
import { chooseSandbox } from './choose-mode.js';
import { detectTools } from './probe.js';
import type { ChildConfig } from './protocol.js';
import { childRuntimeCode } from './runtime.js';
import { prepareSubmission, type PreparedExercise, type PreparedSubmission } from './transpile.js';

export type SandboxedSubmission = Submission & {
  readonly sandbox: SandboxInfo;
  /** The exercise's captured stdout + stderr, sanitised and capped (empty if it never ran). */
  output(exercise: ExerciseId): string;
  release(exercise: ExerciseId): Promise<void>;
  /** The temp folder with the transpiled files (gone after close); for diagnostics and tests. */
  readonly workDir: string;
};

export async function openSandboxedSubmission(dir: string, options: Partial<SandboxOptions> = {}): Promise<SandboxedSubmission> {
  const o = resolveSandboxOptions(dir, options);
  const { info: sandbox, disableUserns } = await chooseSandbox(o.mode);
  const files = sandboxFiles(detectTools());
  const temp = await mkdtemp(join(tmpdir(), 'cnn-sandbox-'));
  trackDir(temp);
  try {
    await chmod(temp, 0o755); // readable by nobody
    const prepared = await prepareSubmission(dir, join(temp, 'submission'), files.place);
    await mkdir(join(temp, 'runtime'), { recursive: true, mode: 0o755 });
    const entry = join(temp, 'runtime', 'child.mjs');
    await writeFile(entry, await childRuntimeCode(), { mode: 0o644 });
    return new Sandboxed(o, sandbox, temp, prepared, entry, disableUserns, files);
  } catch (e) {
    await rm(temp, { recursive: true, force: true });
    untrackDir(temp);
    throw e;
  }
}

class Sandboxed implements SandboxedSubmission {
  readonly label: string;
  private readonly runners = new Map<ExerciseId, ExerciseRunner>();
  /** Exercises a call has asked for: their files are transpiled, or being transpiled. */
  private readonly asked = new Set<ExerciseId>();
  private closing: Promise<void> | null = null;

  constructor(
    private readonly o: ResolvedSandboxOptions,
    readonly sandbox: SandboxInfo,
    readonly workDir: string,
    private readonly prepared: PreparedSubmission,
    private readonly entry: string,
    private readonly disableUserns: boolean,
    private readonly files: SandboxFiles,
  ) {
    this.label = o.label;
  }

  async get(exercise: ExerciseId, name: string, args?: unknown[]): Promise<CallOutcome> {
    if (typeof exercise !== 'string') throw new Error('sandbox: an exercise id must be a string');
    if (typeof name !== 'string') throw new Error('sandbox: an export name must be a string');
    if (args !== undefined && !Array.isArray(args)) throw new Error('sandbox: args must be an array or undefined');
    if (this.closing) return { kind: 'crashed', message: 'the grader closed this submission before the call' };
    this.asked.add(exercise);
    const p = await this.prepared.exercise(exercise);
    if (this.closing) return { kind: 'crashed', message: 'the grader closed this submission before the call' };
    if (!p.ok) return { kind: 'missing', message: p.message };
    return this.runner(exercise, p).call(name, args);
  }

  output(exercise: ExerciseId): string {
    return this.runners.get(exercise)?.output.text() ?? '';
  }

  async release(exercise: ExerciseId): Promise<void> {
    // A call asked for just before may still be waiting for its files to be transpiled: let it
    // reach its child first (the same memoised promise resolves the call's continuation first).
    if (this.asked.has(exercise)) await this.prepared.exercise(exercise).catch(() => undefined);
    await this.runners.get(exercise)?.release();
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.runners.values()].map((r) => r.close()));
      await rm(this.workDir, { recursive: true, force: true }).catch(() => {});
      untrackDir(this.workDir);
    })();
    return this.closing;
  }

  private runner(exercise: ExerciseId, p: Extract<PreparedExercise, { ok: true }>): ExerciseRunner {
    let r = this.runners.get(exercise);
    if (r) return r;
    const runtime = this.o.runtimes[exercise] ?? {};
    const limits = runtime.limits;
    const { callTimeoutMs, loadTimeoutMs } = exerciseTimeouts(runtime, this.o);
    const memoryMb = limits ? Math.max(limits.minMemoryMb, this.o.memoryMb) : this.o.memoryMb;
    const budgetMs = limits ? Math.max(this.o.exerciseTimeoutMs, 2 * callTimeoutMs) : this.o.exerciseTimeoutMs;
    const config: ChildConfig = {
      modulePath: p.modulePath,
      sourceName: p.sourceName,
      tfjsUrl: runtime.modelExport ? pathToFileURL(this.files.place(fileURLToPath(tfjsUrl()))).href : null,
      modelExport: runtime.modelExport ?? null,
      maxFrameBytes: TRANSFER_LIMITS.maxFrameBytes,
      maxMessageChars: TRANSFER_LIMITS.maxMessageChars,
      maxNumbers: TRANSFER_LIMITS.maxNumbers,
      maxStringChars: TRANSFER_LIMITS.maxStringChars,
      maxDepth: TRANSFER_LIMITS.maxDepth,
    };
    const plan = launchPlan({
      mode: this.sandbox.mode,
      node: this.files.node,
      readDirs: [this.workDir, ...this.files.packageDirs],
      script: [this.entry, JSON.stringify(config)],
      cwd: this.workDir,
      memoryMb,
      tools: detectTools(),
      disableUserns: this.disableUserns,
    });
    r = new ExerciseRunner({ sourceName: p.sourceName, plan, callTimeoutMs, loadTimeoutMs, budgetMs, outputCapBytes: this.o.outputCapBytes });
    this.runners.set(exercise, r);
    return r;
  }
}

