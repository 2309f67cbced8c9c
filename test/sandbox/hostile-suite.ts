/**
 * The attacks of test/fixtures/hostile, run against one sandbox mode. Every test: the grader
 * survives, the outcome has the right kind, no file changed, no process is left behind.
 */
import { mkdtempSync, existsSync, rmSync, cpSync, symlinkSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallOutcome } from '../../grader/core/submission.js';
import { RUNTIMES } from '../../grader/exercises/registry.js';
import { FIXTURES, QUICK, REPO, fixture, processesMentioning, tools, treeDigest, withSubmission } from './helpers.js';

type Mode = 'node' | 'bwrap';

const threw = (o: CallOutcome): string => {
  expect(o.kind, JSON.stringify(o)).toBe('threw');
  return (o as { message: string }).message;
};
const missing = (o: CallOutcome): string => {
  expect(o.kind, JSON.stringify(o)).toBe('missing');
  return (o as { message: string }).message;
};
const crashed = (o: CallOutcome): string => {
  expect(o.kind, JSON.stringify(o)).toBe('crashed');
  return (o as { message: string }).message;
};
const returned = (o: CallOutcome): unknown => {
  expect(o.kind, JSON.stringify(o)).toBe('returned');
  return (o as { value: unknown }).value;
};

export function defineHostileSuite(mode: Mode): void {
  // What the pipeline hands the sandbox: the cnn's buildModel is given tfjs and crosses as its topology.
  const options = { ...QUICK, mode, runtimes: RUNTIMES };
  const open = <T>(name: string, fn: Parameters<typeof withSubmission<T>>[2], extra = {}) =>
    withSubmission(fixture(name), { ...options, ...extra }, fn);
  const marker = join(tmpdir(), `sandbox-marker-${mode}-${process.pid}`);
  let before: { fixtures: string; solutions: string; exercises: string };

  beforeEach(() => {
    before = { fixtures: treeDigest(FIXTURES), solutions: treeDigest(join(REPO, 'solutions')), exercises: treeDigest(join(REPO, 'exercises')) };
  });
  afterEach(() => {
    expect(treeDigest(FIXTURES), 'fixtures unchanged').toBe(before.fixtures);
    expect(treeDigest(join(REPO, 'solutions')), 'solutions unchanged').toBe(before.solutions);
    expect(treeDigest(join(REPO, 'exercises')), 'exercises unchanged').toBe(before.exercises);
    expect(existsSync(marker), 'no marker file written').toBe(false);
  });
  afterAll(() => rmSync(marker, { force: true, recursive: true }));

  it('reports which layers it used', async () => {
    await open('honest-multifile', async (s) => {
      expect(s.sandbox.mode).toBe(mode);
      expect(s.sandbox.detail).toMatch(/permission model/);
      if (mode === 'bwrap') expect(s.sandbox.detail).toMatch(/namespaces/);
      const active = Object.fromEntries(s.sandbox.layers.map((l) => [l.name, l.active]));
      expect(active).toEqual({ bubblewrap: mode === 'bwrap', setpriv: tools.setpriv !== null, prlimit: tools.prlimit !== null, 'node permission model': true });
      expect(s.sandbox.detail).toContain(`(${tools.permission!.flag})`);
    });
  });

  it('exit on load: the exercise is missing, with the reason, every time', async () => {
    await open('exit-on-load', async (s) => {
      const m = missing(await s.get('convolution', 'convolve', [[1], [1]]));
      expect(m).toContain('convolution.ts stopped the process while loading: exited with code 3 (process.exit?)');
      expect(await s.get('convolution', 'movingAverageKernel', [3])).toEqual({ kind: 'missing', message: m });
    });
  });

  it('exit and abort in a call: crashed, then a fresh process answers', async () => {
    await open('exit-in-call', async (s) => {
      expect(crashed(await s.get('convolution', 'convolve', []))).toBe('the process running your code exited with code 3 (process.exit?)');
      expect(returned(await s.get('convolution', 'movingAverageKernel', [2]))).toEqual([0.5, 0.5]);
      expect(crashed(await s.get('convolution', 'binomialKernel', [3]))).toMatch(/aborted \(SIGABRT\)/);
      expect(returned(await s.get('convolution', 'movingAverageKernel', [1]))).toEqual([1]);
    });
  });

  it('endless loop on load: missing after the load timeout', async () => {
    await open('loop-on-load', async (s) => {
      const t0 = Date.now();
      expect(missing(await s.get('convolution', 'convolve', []))).toMatch(/did not finish loading within 2000 ms/);
      expect(Date.now() - t0).toBeLessThan(8_000);
      expect((await s.get('convolution', 'convolve', [])).kind).toBe('missing');
    });
  });

  it('endless loop in a call: timeout, the process is killed, the next call works', async () => {
    await open('loop-in-call', async (s) => {
      expect(await s.get('convolution', 'convolve', [])).toEqual({ kind: 'timeout', ms: 1000 });
      expect(returned(await s.get('convolution', 'movingAverageKernel', [4]))).toEqual([0.25, 0.25, 0.25, 0.25]);
    });
  });

  it('a promise that never settles: timeout', async () => {
    await open('never-settles', async (s) => {
      expect(await s.get('convolution', 'smooth', [[1], [1]])).toEqual({ kind: 'timeout', ms: 1000 });
      expect(returned(await s.get('convolution', 'movingAverageKernel', [1]))).toEqual([1]);
    });
  });

  it('the exercise budget bounds all calls together', async () => {
    await open('loop-in-call', async (s) => {
      expect(returned(await s.get('convolution', 'binomialKernel', [400]))).toEqual([1]);
      let last: CallOutcome = { kind: 'returned', value: null };
      for (let i = 0; i < 6 && last.kind === 'returned'; i++) last = await s.get('convolution', 'binomialKernel', [400]);
      expect(last.kind).toBe('timeout');
      expect(await s.get('convolution', 'movingAverageKernel', [1])).toEqual({ kind: 'timeout', ms: 1_200 });
    }, { exerciseTimeoutMs: 1_200 });
  });

  it('imports out of the folder or of other packages are refused, transitively', async () => {
    await open('import-escape', async (s) => {
      expect(missing(await s.get('convolution', 'convolve', [[1], [1]]))).toBe(
        "convolution.ts imports '../../../../solutions/convolution.js': a submission may import only its own files, Node's built-ins and @tensorflow/tfjs",
      );
      expect(missing(await s.get('convolution2d', 'convolve2d', [[[1]], [[1]]]))).toContain("imports '/work/main/solutions/convolution2d.js'");
      expect(missing(await s.get('filters', 'HIGH_PASS'))).toContain("filters.ts imports 'fast-check'");
      expect(missing(await s.get('layers', 'conv2dForward', []))).toContain("helper.ts imports '../../../../solutions/layers.js'");
      expect(returned(await s.get('parameters', 'countParameters', []))).toBe(2);
      // A computed import is not seen by the loader: the sandbox refuses the read.
      const m = threw(await s.get('augment', 'translate', [join(REPO, 'node_modules/esbuild/lib/main.js')]));
      expect(m).toMatch(/ERR_ACCESS_DENIED|restricted|no such file|Cannot find/i);
    });
  });

  it('symbolic links that leave the folder are refused; links inside it work', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-symlink-'));
    try {
      cpSync(fixture('symlink-outside'), dir, { recursive: true });
      symlinkSync(join(REPO, 'solutions/convolution.ts'), join(dir, 'linked.ts'));
      symlinkSync(join(REPO, 'solutions/convolution.ts'), join(dir, 'convolution.ts'));
      symlinkSync('real.ts', join(dir, 'inside.ts'));
      await withSubmission(dir, options, async (s) => {
        expect(missing(await s.get('convolution', 'convolve', [[1], [1]]))).toContain('convolution.ts is a symbolic link to a file outside the submission');
        expect(missing(await s.get('filters', 'HIGH_PASS'))).toMatch(/filters\.ts imports '\.\/linked\.js': it is a symbolic link to a file outside the submission/);
        expect(returned(await s.get('augment', 'translate', [[[1, 2]], 0, 0]))).toEqual([[1, 2]]);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads outside the submission fail; the environment holds no secrets', async () => {
    process.env.SANDBOX_TEST_SECRET = 'hunter2';
    try {
      await open('read-outside', async (s) => {
        expect(threw(await s.get('convolution', 'readFile', ['/etc/passwd']))).toMatch(/ERR_ACCESS_DENIED|restricted|no such file/i);
        expect(threw(await s.get('convolution', 'readFile', [join(REPO, 'solutions/convolution.ts')]))).toMatch(/ERR_ACCESS_DENIED|restricted|no such file/i);
        expect(threw(await s.get('convolution', 'listDir', [REPO]))).toMatch(/ERR_ACCESS_DENIED|restricted|no such file/i);
        // Its own (transpiled) file is readable: the test above is not vacuous.
        expect(returned(await s.get('convolution', 'readFile', [join(s.workDir, 'submission/convolution.mjs')]))).toContain('readFileSync');
        const env = returned(await s.get('convolution', 'env', [])) as Record<string, string>;
        expect(env.SANDBOX_TEST_SECRET).toBeUndefined();
        const allowed = ['LANG', 'NODE_DISABLE_COLORS', 'PATH', 'PWD', 'UV_THREADPOOL_SIZE'];
        expect(Object.keys(env).filter((k) => !allowed.includes(k))).toEqual([]);
      });
    } finally {
      delete process.env.SANDBOX_TEST_SECRET;
    }
  });

  it('writes fail everywhere: a given path, beside itself, over itself', async () => {
    await open('write-file', async (s) => {
      expect(threw(await s.get('convolution', 'write', [marker]))).toMatch(/ERR_ACCESS_DENIED|restricted|read-only/i);
      expect(threw(await s.get('convolution', 'write', [join(fixture('write-file'), 'evil.txt')]))).toMatch(/ERR_ACCESS_DENIED|restricted|read-only|no such file/i);
      expect(threw(await s.get('convolution', 'writeBesideSelf', []))).toMatch(/ERR_ACCESS_DENIED|restricted|read-only/i);
      expect(threw(await s.get('convolution', 'overwriteSelf', []))).toMatch(/ERR_ACCESS_DENIED|restricted|read-only/i);
      expect(threw(await s.get('convolution', 'makeDir', [marker]))).toMatch(/ERR_ACCESS_DENIED|restricted|read-only/i);
      expect(readdirSync(join(s.workDir, 'submission'))).toEqual(['convolution.mjs']);
    });
  });

  it('no processes or threads can be started', async () => {
    await open('spawn-process', async (s) => {
      expect(threw(await s.get('convolution', 'shell', [marker]))).toMatch(/ERR_ACCESS_DENIED|restricted/i);
      expect(threw(await s.get('convolution', 'forkSelf', []))).toMatch(/ERR_ACCESS_DENIED|restricted/i);
      expect(threw(await s.get('convolution', 'worker', []))).toMatch(/ERR_ACCESS_DENIED|restricted/i);
    });
  });

  it.skipIf(mode === 'node' && !(tools.root && tools.setpriv))('cannot kill the grader', async () => {
    await open('kill-parent', async (s) => {
      const o = await s.get('convolution', 'killParent', []);
      if (mode === 'node') expect(threw(o)).toMatch(/EPERM/);
      else expect(o.kind).toMatch(/returned|threw/);
      const ppid = returned(await s.get('convolution', 'parentPid', []));
      // In node mode the parent is this very process, still alive; in bwrap it is not even visible.
      if (mode === 'bwrap') expect(ppid).not.toBe(process.pid);
      else expect(ppid).toBe(process.pid);
    });
  });

  it.skipIf(mode === 'node')('bwrap: kill(-1) reaches nothing outside the sandbox', async () => {
    // A bystander running as the same user as the children (nobody when the grader is root).
    const ids = tools.root && tools.setpriv ? [tools.setpriv, '--reuid=65534', '--regid=65534', '--clear-groups', '--'] : [];
    const bystander = spawn(ids[0] ?? 'sleep', [...ids.slice(1), ...(ids.length ? ['sleep'] : []), '30'], { stdio: 'ignore' });
    try {
      await new Promise((r) => setTimeout(r, 100));
      await open('kill-parent', async (s) => {
        expect((await s.get('convolution', 'killEverything', [])).kind).toMatch(/returned|threw|crashed/);
      });
      expect(bystander.exitCode).toBe(null);
      expect(bystander.signalCode).toBe(null);
    } finally {
      bystander.kill('SIGKILL');
    }
  });

  describe('network', () => {
    let server: Server;
    let connections = 0;
    let port = 0;
    beforeAll(async () => {
      server = createServer((sock) => {
        connections++;
        sock.destroy();
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
      port = (server.address() as { port: number }).port;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    // bwrap's network namespace holds on every Node; in 'node' mode only a permission model with --allow-net (Node ≥ 25) does.
    const contained = mode === 'bwrap' || tools.permission?.containsNetwork === true;
    if (contained) {
      it(`${mode}: no connection reaches a server on 127.0.0.1 (Node ${process.version})`, async () => {
        await open('network', async (s) => {
          expect(s.sandbox.network).toBe(true);
          const v = returned(await s.get('convolution', 'reach', [port]));
          expect(v).toMatch(/^error/);
        });
        expect(connections).toBe(0);
      });
    } else {
      it(`node mode on Node ${process.version} does NOT contain the network, and says so`, async () => {
        await open('network', async (s) => {
          expect(s.sandbox.network).toBe(false);
          expect(s.sandbox.detail).toMatch(/NOT contained: network/);
          expect(returned(await s.get('convolution', 'reach', [port]))).toBe('connected');
        });
        expect(connections).toBe(1);
      });
    }
  });

  it.skipIf(!tools.prlimit)('memory bombs: a huge typed array throws, a heap bomb crashes, the next call works', async () => {
    await open('memory-bomb', async (s) => {
      expect(threw(await s.get('convolution', 'typedArrayBomb', [6]))).toMatch(/RangeError|allocation failed/i);
      expect(crashed(await s.get('convolution', 'heapBomb', []))).toMatch(/memory/);
      expect(returned(await s.get('convolution', 'movingAverageKernel', [1]))).toEqual([1]);
    }, { callTimeoutMs: 10_000 });
  });

  it('an output flood is drained, capped and sanitised, never echoed', async () => {
    await open('output-flood', async (s) => {
      expect(returned(await s.get('convolution', 'flood', [2]))).toBe('done');
      const out = s.output('convolution');
      expect(out).toContain('RED <b>bold</b>');
      expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
      expect(out).toMatch(/more bytes of output not shown/);
      expect(out.length).toBeLessThan(16 * 1024 + 200);
      expect(s.output('filters')).toBe('');
    });
  });

  it('messages are stripped of control characters and capped', async () => {
    await open('ansi-message', async (s) => {
      const m = threw(await s.get('convolution', 'convolve', [[1], [1]]));
      expect(m).toContain('<script>alert(1)</script>evil');
      expect(m).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
      expect(m.length).toBeLessThanOrEqual(2_100);
      expect(threw(await s.get('convolution', 'smooth', [[1], [1]]))).toMatch(/^threw a value that is not an Error: a string, not an Error\s*$/);
      expect(threw(await s.get('convolution', 'binomialKernel', [0]))).toBe('RangeError: size must be positive');
    });
  });

  it('only plain data crosses; NaN, Infinity, -0 and typed arrays survive', async () => {
    await open('not-plain', async (s) => {
      const bad: Record<string, RegExp> = {
        proxy: /Proxy/, getter: /getter/, fn: /function/, instance: /instance of Point/, map: /instance of Map/, cycle: /cycle/,
        ints: /Int32Array/, deep: /deeper than/, bigint: /bigint/, symbol: /symbol/,
      };
      for (const [name, re] of Object.entries(bad)) {
        const m = threw(await s.get('convolution', name, []));
        expect(m, name).toMatch(/^returned a value that is not plain data: /);
        expect(m, name).toMatch(re);
      }
      expect(threw(await s.get('convolution', 'promiseValue'))).toMatch(/Promise/);
      const plain = returned(await s.get('convolution', 'plain', [])) as Record<string, unknown>;
      expect(plain.f32).toBeInstanceOf(Float32Array);
      expect(plain.f64).toBeInstanceOf(Float64Array);
      expect(Number.isNaN((plain.f32 as Float32Array)[1])).toBe(true);
      expect(Object.is((plain.f64 as Float64Array)[1], -0)).toBe(true);
      expect(plain).toMatchObject({ a: [1, 2, { b: null }], s: 'ok', t: true });
      const special = returned(await s.get('convolution', 'special', [])) as number[];
      expect(special.map(String)).toEqual(['NaN', 'Infinity', '-Infinity', '0', String(Number.MAX_VALUE), String(Number.MIN_VALUE)]);
      expect(Object.is(special[3], -0)).toBe(true);
      expect(returned(await s.get('convolution', 'HIGH_PASS'))).toEqual([[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]]);
      expect(missing(await s.get('convolution', 'HIGH_PASS', []))).toMatch(/not a function/);
    });
  });

  it('prototype poisoning stays in its own process', async () => {
    await open('prototype-poison', async (s) => {
      expect(returned(await s.get('convolution', 'convolve', [[1, 2]]))).toEqual([42, 42]);
      expect(returned(await s.get('convolution', 'polluted', []))).toBe('yes');
      expect((await s.get('convolution', 'sneaky', [])).kind).toBe('threw');
      expect(returned(await s.get('convolution2d', 'correlate2d', [[[1, 2]]]))).toEqual([[2, 4]]);
      expect(returned(await s.get('convolution2d', 'polluted', []))).toBe('clean');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  it('broken modules: compile error, throw on load, missing import, error from a timer', async () => {
    await open('broken-modules', async (s) => {
      expect(missing(await s.get('convolution', 'convolve', []))).toMatch(/^convolution\.js could not be compiled: .*\(line 3, column \d+\)/);
      expect(missing(await s.get('convolution2d', 'convolve2d', []))).toBe('convolution2d.ts failed to load: TypeError: boom while loading');
      expect(missing(await s.get('filters', 'HIGH_PASS'))).toMatch(/filters\.ts imports '\.\/nope\.js': there is no such file/);
      expect(crashed(await s.get('augment', 'translate', [[[1]], 0, 0]))).toBe(
        'the process running your code stopped on an error thrown outside any call: thrown from a timer',
      );
      expect(returned(await s.get('augment', 'rotate', [[[1]], 0]))).toEqual([[1]]);
      const x = { shape: [1], data: new Float32Array([3]) };
      expect(returned(await s.get('layers', 'maxPool2dForward', [x, { size: 1, stride: 1 }]))).toEqual(x);
      expect(missing(await s.get('cnn', 'buildModel', []))).toMatch(/has no cnn\.ts/);
    });
  });

  it('a forged reply on the channel claims nothing', async () => {
    await open('forged-message', async (s) => {
      expect(crashed(await s.get('convolution', 'convolve', []))).toMatch(/did not expect/);
      const o = await s.get('convolution', 'smooth', []);
      expect(o.kind).toMatch(/threw|crashed/);
      expect(JSON.stringify(o)).not.toMatch(/score|passed/);
    });
  });

  it('cnn: buildModel crosses as its JSON topology only', async () => {
    await open('cnn-model', async (s) => {
      const topology = returned(await s.get('cnn', 'buildModel', [])) as { class_name: string; config: { layers: Array<{ class_name: string }> } };
      expect(topology.class_name).toBe('Sequential');
      expect(topology.config.layers.map((l) => l.class_name)).toEqual(['Conv2D', 'MaxPooling2D', 'Flatten', 'Dense']);
      expect(returned(await s.get('cnn', 'training'))).toEqual({ epochs: 1, batchSize: 64, optimizer: 'adam', learningRate: 0.001 });
      expect(returned(await s.get('parameters', 'countParameters', []))).toBe(3);
    }, { loadTimeoutMs: 30_000 });
    await open('cnn-not-model', async (s) => {
      expect(threw(await s.get('cnn', 'buildModel', []))).toMatch(/buildModel must return a tf\.LayersModel/);
    });
  });

  it('leaves no process behind even when closed mid-call', async () => {
    let dir = '';
    await open('loop-in-call', async (s) => {
      dir = s.workDir;
      const pending = s.get('convolution', 'convolve', []);
      await new Promise((r) => setTimeout(r, 300));
      expect(processesMentioning(dir).length).toBeGreaterThan(0);
      await s.close();
      expect(await pending).toEqual({ kind: 'crashed', message: 'the grader closed this submission during the call' });
    });
    expect(processesMentioning(dir)).toEqual([]);
  });
}
