/** The unit layer's guard fires on every way to start a process, and names the fix. */
import * as childProcess from 'node:child_process';
import { spawn } from 'node:child_process';
import cluster from 'node:cluster';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { START_NO_PROCESS, takeRefused } from './start-no-process.js';

const require = createRequire(import.meta.url);
const refusal = new RegExp(`^${START_NO_PROCESS.replace(/[.*]/g, '\\$&')}`);

describe('the unit layer starts no process', () => {
  afterEach(() => {
    takeRefused();
  });

  it('refuses the named import, the namespace, and require()', () => {
    expect(() => spawn(process.execPath, ['-e', ''])).toThrow(refusal);
    expect(() => childProcess.execFileSync(process.execPath, ['-e', ''])).toThrow(/child_process\.execFileSync was called/);
    const cp = require('node:child_process') as typeof childProcess;
    for (const start of [() => cp.fork('x.js'), () => cp.exec('true'), () => cp.execSync('true'), () => cp.spawnSync('true'), () => cp.execFile('true')]) {
      expect(start).toThrow(refusal);
    }
  });

  it('refuses worker threads and cluster forks', () => {
    expect(() => new Worker('process.exit(0)', { eval: true })).toThrow(/new worker_threads\.Worker was called/);
    expect(() => cluster.fork()).toThrow(/cluster\.fork was called/);
  });

  it('remembers a refusal the code under test swallowed, so that the test still fails', () => {
    try {
      spawn('true');
    } catch {
      /* as a sandbox would, turning it into a verdict */
    }
    expect(takeRefused()).toEqual(['child_process.spawn']);
  });
});

describe('a test whose code swallowed a refusal', () => {
  // The guard's afterEach fails it: `it.fails` passes only because it did.
  it.fails('fails all the same', () => {
    try {
      spawn('true');
    } catch {
      /* swallowed */
    }
  });
});
