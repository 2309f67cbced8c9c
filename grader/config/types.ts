import type { Visibility } from '../core/verdict.js';
import type { TrainingLimits } from '../ml/limits.js';

export type { TrainingLimits };

export interface CheckOverride {
  points?: number;
  visibility?: Visibility;
  enabled?: boolean;
  seed?: number;
  numRuns?: number;
}

/** Resolved configuration: every field present. Built once by `resolveConfig`. */
export interface GraderConfig {
  /** The run's seed; each check derives its own from it and its id. */
  seed: number;
  /** fast-check runs per property. */
  numRuns: number;
  /**
   * Per-check overrides of points and visibility, `enabled: false` to drop a check, and a pinned
   * seed or number of runs (see checkSettings in per-check.ts).
   */
  checks: Record<string, CheckOverride>;
  /** Homeworks: a name → the exercises it grades (`--homework NAME` in release, batch, the gradebooks). */
  homeworks: Record<string, string[]>;
  training: {
    limits: TrainingLimits;
    /** Accuracy for full points, and below which no points are given (linear between). */
    fullPointsAccuracy: number;
    zeroPointsAccuracy: number;
    backend: 'auto' | 'node' | 'wasm' | 'cpu';
  };
  sandbox: {
    mode: 'auto' | 'bwrap' | 'node' | 'none';
    callTimeoutMs: number;
    exerciseTimeoutMs: number;
    memoryMb: number;
  };
}
