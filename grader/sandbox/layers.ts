/**
 * What a sandbox mode amounts to on this machine, told truthfully: each layer (bubblewrap,
 * setpriv, prlimit, Node's permission model), whether it is active and why not, and whether the
 * network is contained. Recorded in every result (results.json's extra_data.environment).
 */
import { addressSpaceMb, type Tools } from './launch.js';
import type { SandboxInfo, SandboxLayer } from './options.js';

type Mode = SandboxInfo['mode'];

/** Why bubblewrap is not in use, when it is not: not asked for, or the probe's reason. */
export type BwrapState = { active: true; disableUserns: boolean } | { active: false; reason: string };

export function sandboxInfo(mode: Mode, t: Tools, bwrap: BwrapState): SandboxInfo {
  const p = t.permission;
  const confined = mode !== 'none';
  const off = (why: string) => ({ active: false, note: why });
  const trustedOnly = off("mode 'none' (trusted code only)");
  const layers: SandboxLayer[] = [
    { name: 'bubblewrap', ...(bwrap.active ? { active: true, note: 'new namespaces, read-only binds' } : off(bwrap.reason)) },
    { name: 'setpriv', ...(!t.setpriv ? off('setpriv not found (Debian package util-linux)') : confined ? { active: true, note: t.root ? 'uid/gid nobody, no new privileges' : 'no new privileges' } : trustedOnly) },
    { name: 'prlimit', ...(!t.prlimit ? off('prlimit not found (Debian package util-linux)') : confined ? { active: true, note: 'address space, file size 0' } : trustedOnly) },
    { name: 'node permission model', ...(!p ? off(`Node ${process.version} has none`) : confined ? { active: true, note: `${p.flag}, Node ${process.version}` } : trustedOnly) },
  ];
  const network = bwrap.active || (confined && p?.containsNetwork === true);
  return { mode, detail: describeLayers(mode, t, bwrap.active && bwrap.disableUserns), network, layers };
}

export function describeLayers(mode: Mode, t: Tools, disableUserns = false): string {
  if (mode === 'none') return `no isolation: a plain child process (trusted code only)${t.setpriv ? ', killed when the grader dies' : ''}`;
  const parts: string[] = [];
  if (mode === 'bwrap') {
    parts.push(`bubblewrap: new user, pid, network, ipc, uts and cgroup namespaces${disableUserns ? ' (no nested ones)' : ''}, read-only binds of /usr, the temp folder and the packages, a 1 MB /tmp, cleared environment`);
  }
  if (t.setpriv) parts.push(t.root ? 'setpriv: uid/gid nobody, no new privileges, killed when the grader dies' : 'setpriv: no new privileges, killed when the grader dies');
  if (t.prlimit) parts.push(`prlimit: address space ${addressSpaceMb(0)}+ MB, file size 0${t.root ? ', 1024 processes' : ''}`);
  const p = t.permission;
  const denied = ['writes', 'child processes', 'workers', 'addons', ...(p?.containsWasi ? ['WASI'] : []), ...(p?.containsNetwork ? ['network'] : [])];
  parts.push(`node ${process.version} permission model (${p?.flag}): reads only the temp folder and the tfjs packages; no ${denied.slice(0, -1).join(', ')} or ${denied.at(-1)}`);
  if (mode === 'node') {
    const open = [...(p?.containsNetwork ? [] : [`network (Node ${process.version} cannot deny it; Node ≥ 25 or bwrap can)`]), `signals to processes of the same user${t.root && t.setpriv ? ' (nobody)' : ''}`];
    parts.push(`NOT contained: ${open.join(', ')}`);
  }
  return parts.join('; ');
}

/** The lines a result records: the mode and its layers, whether the network was contained, each layer on or off. */
export function sandboxEnvironment(info: SandboxInfo): Record<string, string> {
  return {
    sandbox: `${info.mode} (${info.detail})`,
    'sandbox network': info.network ? 'contained' : 'NOT contained',
    'sandbox layers': info.layers.map((l) => `${l.name}: ${l.active ? 'on' : 'off'} (${l.note})`).join('; '),
  };
}
