/** What the grader and a child say to each other (see framing.ts for the bytes). */
import type { CallOutcome } from '../core/submission.js';

/** Given to the child as its only command-line argument (JSON). */
export interface ChildConfig {
  /** The transpiled student module. */
  modulePath: string;
  /** The student's file name, for messages (e.g. `convolution.ts`). */
  sourceName: string;
  /** Set for an exercise that builds a model: where tfjs is, for `modelExport`. */
  tfjsUrl: string | null;
  /** The export that is called with tfjs and answers with the model's JSON topology (the exercise's runtime), if any. */
  modelExport: string | null;
  maxFrameBytes: number;
  maxMessageChars: number;
  maxNumbers: number;
  maxStringChars: number;
  maxDepth: number;
}

/** Grader → child. `args === undefined` reads the export. */
export interface CallRequest {
  id: number;
  name: string;
  args?: unknown[];
}

/**
 * A call's outcome as the child reports it. `after` is the call's arguments as they were when it
 * returned (plain data; null when they no longer are): the grader compares them with what it
 * sent and decides `mutated` itself (exercise-runner.ts), never taking the child's word for it.
 */
export type ChildOutcome = Exclude<CallOutcome, { kind: 'returned' }> | { kind: 'returned'; value: unknown; after?: unknown[] | null };

/** Child → grader. Untrusted: the grader validates every field. */
export type ChildMessage =
  | { id: number; outcome: ChildOutcome }
  | { event: 'started' }
  | { event: 'loaded' }
  | { event: 'load-failed'; message: string }
  /** An uncaught error or rejection outside any call; the child exits right after. */
  | { event: 'fatal'; message: string };
