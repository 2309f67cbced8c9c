/**
 * How a batch is stopped from outside: SIGINT (Ctrl-C, or npm forwarding it), SIGTERM, SIGHUP,
 * or the command that started it ending (npm or tsx killed outright). The first aborts the batch
 * (its workers are killed, what is graded stays graded); a second one ends the process at once.
 */
import { watchLaunchers } from './process-tree.js';

/** The batch was stopped: one line on how far it got and how to go on; exit code 128 + signal. */
export class BatchStopped extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

export interface StopWatch {
  signal: AbortSignal;
  /** Why it stopped and the exit code, once it has. */
  stopped(): { why: string; exitCode: number } | undefined;
  dispose(): void;
}

export function stopOnSignals(): StopWatch {
  const controller = new AbortController();
  let reason: { why: string; exitCode: number } | undefined;
  const stop = (why: string, exitCode: number) => {
    if (reason) process.exit(reason.exitCode); // asked twice: no more waiting
    reason = { why, exitCode };
    controller.abort();
  };
  const handlers = Object.entries(SIGNALS).map(([sig, code]) => [sig, () => stop(sig, code)] as const);
  for (const [sig, h] of handlers) process.on(sig, h);
  const unwatch = watchLaunchers((who) => stop(who, SIGNALS.SIGHUP));
  return {
    signal: controller.signal,
    stopped: () => reason,
    dispose() {
      for (const [sig, h] of handlers) process.removeListener(sig, h);
      unwatch();
    },
  };
}
