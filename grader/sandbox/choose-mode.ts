/**
 * Which sandbox a submission gets here: the asked-for mode if this machine has it, `auto`'s best
 * (bwrap when the whole chain starts a sandboxed node, else node), or MachineLacks naming the
 * cause and the fix. Found out once per grader process (the probes are cached).
 */
import { MachineLacks } from '../core/machine-lacks.js';
import { sandboxInfo } from './layers.js';
import type { SandboxInfo, SandboxMode } from './options.js';
import { detectTools, probeBwrap } from './probe.js';
import { sandboxFiles } from './reachable.js';

export interface SandboxChoice {
  info: SandboxInfo;
  /** bwrap ≥ 0.8 forbids nested user namespaces. */
  disableUserns: boolean;
}

const BWRAP_FIX = 'install bubblewrap (Debian/Ubuntu: apt-get install bubblewrap) where user namespaces are allowed, or use --sandbox auto or node';

export async function chooseSandbox(mode: SandboxMode): Promise<SandboxChoice> {
  const tools = detectTools();
  if (mode !== 'none' && !tools.permission) {
    throw new MachineLacks(`sandbox mode '${mode}' needs Node's permission model, which Node ${process.version} does not have`, 'use Node 20.19 or newer (Node 26 LTS recommended)');
  }
  // As root, a mirror of Node and the packages where nobody can reach them (or MachineLacks).
  if (mode !== 'none') sandboxFiles(tools);
  if (mode === 'none' || mode === 'node') return { info: sandboxInfo(mode, tools, { active: false, reason: `not asked for (--sandbox ${mode})` }), disableUserns: false };
  const p = await probeBwrap();
  if (p.ok) return { info: sandboxInfo('bwrap', tools, { active: true, disableUserns: p.disableUserns }), disableUserns: p.disableUserns };
  if (mode === 'bwrap') throw new MachineLacks(`sandbox mode 'bwrap' is not available: ${p.detail}`, BWRAP_FIX);
  const info = sandboxInfo('node', tools, { active: false, reason: p.detail });
  return { info: { ...info, detail: `${info.detail} (bwrap unavailable: ${p.detail})` }, disableUserns: false };
}
