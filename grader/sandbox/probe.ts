/**
 * What this machine offers, found out once per grader process: which wrappers exist, and whether
 * the whole bwrap chain actually starts a sandboxed node (it needs user namespaces, which some
 * containers forbid).
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { launchPlan, type Tools } from './launch.js';
import { describeLayers } from './layers.js';
import { nodePermission } from './node-permission.js';
import { sandboxFiles } from './reachable.js';

let tools: Tools | undefined;

export function detectTools(): Tools {
  if (tools) return tools;
  /** The command's path on PATH, if it answers `--version` (a stub that exits 127 is not bwrap). */
  const has = (cmd: string): string | null => {
    const path = onPath(cmd);
    if (!path) return null;
    const r = spawnSync(path, ['--version'], { stdio: 'ignore', timeout: 5_000 });
    return r.status === 0 ? path : null;
  };
  tools = {
    prlimit: has('prlimit'),
    setpriv: has('setpriv'),
    bwrap: has('bwrap'),
    root: typeof process.getuid === 'function' && process.getuid() === 0,
    permission: nodePermission(),
  };
  return tools;
}

function onPath(cmd: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!isAbsolute(dir)) continue;
    const p = join(dir, cmd);
    try {
      accessSync(p, constants.X_OK);
      if (statSync(p).isFile()) return realpathSync(p);
    } catch {
      /* not here */
    }
  }
  return null;
}

export interface BwrapProbe {
  ok: boolean;
  /** Whether `--disable-userns` is supported (bubblewrap ≥ 0.8). */
  disableUserns: boolean;
  detail: string;
}

let probe: Promise<BwrapProbe> | undefined;

export function probeBwrap(): Promise<BwrapProbe> {
  probe ??= (async () => {
    const t = detectTools();
    if (!t.bwrap) return { ok: false, disableUserns: false, detail: 'bwrap is not installed' };
    let last = '';
    for (const disableUserns of [true, false]) {
      const r = await tryChain(t, disableUserns);
      if (r === true) return { ok: true, disableUserns, detail: describeLayers('bwrap', t, disableUserns) };
      last = r;
    }
    return { ok: false, disableUserns: false, detail: `bwrap does not work here: ${last}` };
  })();
  return probe;
}

function tryChain(t: Tools, disableUserns: boolean): Promise<true | string> {
  const token = 'sandbox-probe-ok';
  const plan = launchPlan({
    mode: 'bwrap',
    node: sandboxFiles(t).node,
    readDirs: [],
    script: ['-e', `process.stdout.write(${JSON.stringify(token)})`],
    cwd: '/',
    memoryMb: 256,
    tools: t,
    disableUserns,
  });
  return new Promise((resolve) => {
    let out = '';
    const child = spawn(plan.command, plan.args, { env: plan.env, cwd: plan.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', (e) => { clearTimeout(timer); resolve(e.message); });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code === 0 && out.includes(token) ? true : `exit ${code}: ${out.trim().slice(0, 300)}`);
    });
  });
}
