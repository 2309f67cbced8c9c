/**
 * What running an exercise's code needs beyond the defaults, set in its manifest
 * (grader/exercises/<id>/index.ts) and handed by the pipeline to whatever runs the submission, so
 * that neither the sandbox nor the in-process runner knows any exercise by name.
 */
export interface ExerciseRuntime {
  /**
   * The export that builds a TensorFlow.js model: it is called with `tf` (whatever arguments the
   * grader sent are ignored) and its model crosses any boundary only as its JSON topology.
   */
  readonly modelExport?: string;
  /** Floors and a factor on the sandbox's limits, for code that needs more (tfjs alone takes seconds to load). */
  readonly limits?: ExerciseLimits;
}

export interface ExerciseLimits {
  /** The call time limit is at least this… */
  readonly minCallTimeoutMs: number;
  /** …and at least the configured one times this. */
  readonly callTimeoutFactor: number;
  readonly minMemoryMb: number;
}

/** Runtimes by exercise id; an exercise absent here runs with the defaults. */
export type ExerciseRuntimes = Readonly<Record<string, ExerciseRuntime>>;

/** How long one call of an exercise's code, and loading its file, may take: the configured limits raised by its runtime's. */
export function exerciseTimeouts(runtime: ExerciseRuntime | undefined, o: { callTimeoutMs: number; loadTimeoutMs: number }): { callTimeoutMs: number; loadTimeoutMs: number } {
  const limits = runtime?.limits;
  const callTimeoutMs = limits ? Math.max(limits.minCallTimeoutMs, o.callTimeoutMs * limits.callTimeoutFactor) : o.callTimeoutMs;
  return { callTimeoutMs, loadTimeoutMs: limits ? Math.max(o.loadTimeoutMs, callTimeoutMs) : o.loadTimeoutMs };
}
