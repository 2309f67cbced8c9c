/**
 * The command line that starts one child, layer by layer:
 *   prlimit (address space, file size 0, process count)
 *   → setpriv (nobody when the grader is root, no new privileges, killed when the grader dies)
 *   → bwrap (bwrap mode only: every namespace, read-only binds of what the child needs)
 *   → node with the permission model (fs reads limited to the temp folder and the packages; no
 *     network where that Node's model covers it), spelled as the running Node spells it.
 * Mode `none` is a bare `node`.
 */
import { lstatSync, readlinkSync } from 'node:fs';
import type { NodePermission } from './node-permission.js';

export interface LaunchInput {
  mode: 'bwrap' | 'node' | 'none';
  /** The node binary the child runs (see sandboxFiles: a mirror when nobody could not reach the real one). */
  node: string;
  /** Folders the child may read (the temp folder first). */
  readDirs: string[];
  /** What follows node's own flags: the entry script and its arguments (or `-e`, code). */
  script: string[];
  cwd: string;
  memoryMb: number;
  tools: Tools;
  /** bwrap ≥ 0.8 can forbid nested user namespaces. */
  disableUserns?: boolean;
}

export interface LaunchPlan {
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
}

/** The wrappers found on this machine (absolute paths: what was probed is what runs), or null. */
export interface Tools {
  prlimit: string | null;
  setpriv: string | null;
  bwrap: string | null;
  root: boolean;
  /** The running Node's permission model (null: none, Node < 20). */
  permission: NodePermission | null;
}

const ENV: Record<string, string> = { PATH: '/usr/bin:/bin', LANG: 'C.UTF-8', UV_THREADPOOL_SIZE: '2', NODE_DISABLE_COLORS: '1' };
const NOBODY = '65534';

/** Address space: V8 reserves ~0.8 GB before any work; the heap limit and typed arrays come on top. */
export function addressSpaceMb(memoryMb: number): number {
  return Math.max(4096, memoryMb + 3072);
}

export function launchPlan(input: LaunchInput): LaunchPlan {
  const { node } = input;
  const nodeFlags = input.mode === 'none' ? [`--max-old-space-size=${input.memoryMb}`] : [...permissionFlags(input), `--max-old-space-size=${input.memoryMb}`, '--v8-pool-size=2'];
  const nodeCmd = [node, ...nodeFlags, ...input.script];
  if (input.mode === 'none') {
    // No restrictions; only tied to the grader's life when setpriv can do that.
    if (!input.tools.setpriv) return { command: node, args: nodeCmd.slice(1), env: { ...ENV }, cwd: input.cwd };
    return { command: input.tools.setpriv, args: ['--pdeathsig', 'SIGKILL', '--', ...nodeCmd], env: { ...ENV }, cwd: input.cwd };
  }

  const chain: string[] = [];
  const { tools } = input;
  if (tools.prlimit) {
    const as = addressSpaceMb(input.memoryMb) * 1024 * 1024;
    chain.push(tools.prlimit, `--as=${as}`, '--fsize=0', '--core=0', ...(tools.root ? ['--nproc=1024'] : []), '--');
  }
  if (tools.setpriv) {
    chain.push(tools.setpriv, ...(tools.root ? [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups'] : []), '--no-new-privs', '--pdeathsig', 'SIGKILL', '--');
  }
  if (input.mode === 'bwrap') {
    if (!tools.bwrap) throw new Error("sandbox: mode 'bwrap' without bwrap");
    chain.push(tools.bwrap, ...bwrapArgs(input, node));
  }
  chain.push(...nodeCmd);
  return { command: chain[0]!, args: chain.slice(1), env: { ...ENV }, cwd: input.cwd };
}

/** Reads of the given folders only; no `--allow-net`, `--allow-child-process`, `--allow-worker`, `--allow-addons`, `--allow-wasi`. */
function permissionFlags(input: LaunchInput): string[] {
  const p = input.tools.permission;
  if (!p) throw new Error(`sandbox: mode '${input.mode}' needs Node's permission model, which Node ${process.version} lacks`);
  return [p.flag, ...input.readDirs.map((d) => `--allow-fs-read=${d}`), ...(p.disableWarning ? ['--disable-warning=ExperimentalWarning'] : []), '--no-addons'];
}

function bwrapArgs(input: LaunchInput, node: string): string[] {
  const a = ['--unshare-all', ...(input.disableUserns ? ['--disable-userns'] : []), '--die-with-parent', '--new-session', '--clearenv'];
  for (const [k, v] of Object.entries(ENV)) a.push('--setenv', k, v);
  a.push('--hostname', 'sandbox', '--ro-bind', '/usr', '/usr');
  // The merged-/usr links (or real folders) the loader and libc expect.
  for (const top of ['/bin', '/sbin', '/lib', '/lib64', '/lib32', '/libx32']) {
    const st = lstatOrNull(top);
    if (!st) continue;
    if (st.isSymbolicLink()) a.push('--symlink', readlinkSync(top), top);
    else if (st.isDirectory()) a.push('--ro-bind', top, top);
  }
  a.push('--ro-bind-try', '/etc/ld.so.cache', '/etc/ld.so.cache');
  a.push('--proc', '/proc', '--dev', '/dev', '--size', String(1024 * 1024), '--tmpfs', '/tmp');
  if (!node.startsWith('/usr/')) a.push('--ro-bind', node, node);
  for (const d of input.readDirs) a.push('--ro-bind', d, d);
  a.push('--chdir', input.cwd, '--');
  return a;
}

function lstatOrNull(p: string) {
  try {
    return lstatSync(p);
  } catch {
    return null;
  }
}
