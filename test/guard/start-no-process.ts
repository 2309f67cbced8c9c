/**
 * The unit layer's guard (a setupFile of vitest's `unit` project): a unit test starts no process.
 * Every way to start one (child_process's spawn, fork and exec families, worker_threads' Worker,
 * cluster.fork) throws, and a test that tried fails even when the code under test caught that
 * error, as the sandbox does when it turns a failed spawn into an "internal error" verdict.
 */
import childProcess from 'node:child_process';
import cluster from 'node:cluster';
import { syncBuiltinESMExports } from 'node:module';
import workerThreads from 'node:worker_threads';
import { afterAll, afterEach } from 'vitest';

export const START_NO_PROCESS = 'unit tests start no process: name the test file *.int.test.ts';

/** The calls refused since the last check, on a global so that every copy of this module shares them. */
const refused: string[] = ((globalThis as Record<symbol, string[] | undefined>)[Symbol.for('start-no-process')] ??= []);

/** The refused calls so far, forgotten once read (the guard's own test reads its expected refusals). */
export function takeRefused(): string[] {
  return refused.splice(0);
}

function refuse(name: string): never {
  refused.push(name);
  throw new Error(`${START_NO_PROCESS} (${name} was called)`);
}

const CHILD_PROCESS = ['spawn', 'spawnSync', 'fork', 'exec', 'execSync', 'execFile', 'execFileSync'] as const;

if (!(childProcess.spawn as { refuses?: true }).refuses) {
  for (const name of CHILD_PROCESS) {
    Object.assign(childProcess, { [name]: Object.assign(() => refuse(`child_process.${name}`), { refuses: true }) });
  }
  Object.assign(cluster, { fork: () => refuse('cluster.fork') });
  Object.assign(workerThreads, {
    Worker: class {
      constructor() {
        refuse('new worker_threads.Worker');
      }
    },
  });
  // `import { spawn } from 'node:child_process'` reads the ESM view of the module: update it too.
  syncBuiltinESMExports();
}

function failIfRefused(): void {
  const calls = takeRefused();
  if (calls.length > 0) throw new Error(`${START_NO_PROCESS} (${[...new Set(calls)].join(', ')} was called)`);
}
afterEach(failIfRefused);
afterAll(failIfRefused);
