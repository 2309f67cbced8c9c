/**
 * The one table of sandbox defaults. The config's defaults (config/defaults.ts), the sandbox itself
 * (DEFAULT_SANDBOX_OPTIONS, for callers that pass no config: bench, tests) and therefore the
 * grade command, batch and the student's `npm run grade -- --sandbox` all start from it.
 */
export const SANDBOX_DEFAULTS = Object.freeze({
  mode: 'auto' as const,
  /** Wall-clock limit for one call. */
  callTimeoutMs: 5_000,
  /** Wall-clock budget for all calls of one exercise. */
  exerciseTimeoutMs: 120_000,
  /** V8 heap limit of a child, in MB. */
  memoryMb: 2_048,
  /** How much of a child's stdout + stderr is kept per exercise. */
  outputCapBytes: 64 * 1024,
});
