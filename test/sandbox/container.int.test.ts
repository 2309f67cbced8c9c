/**
 * Inside Docker without user namespaces (Gradescope, PrairieLearn, most CI) bwrap is installed
 * but cannot start a sandbox. Simulated by a stub `bwrap` first on PATH that answers --version and
 * fails on --unshare-user / --unshare-all as bubblewrap does there: `auto` must fall back to Node's
 * permission model, say so in results.json (which layers were on and which off, and whether the
 * network was contained), and still grade; `--sandbox bwrap` must refuse in one line.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tools } from './helpers.js';

const root = mkdtempSync(join(tmpdir(), 'container-sim-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const STUB = `#!/bin/sh
for a in "$@"; do
  case "$a" in
    --version) echo "bubblewrap 0.11.0"; exit 0 ;;
    --unshare-user|--unshare-all) echo "bwrap: No permissions to create a new namespace, likely because the kernel does not allow non-privileged user namespaces." >&2; exit 1 ;;
  esac
done
exit 1
`;
chmodSync(root, 0o755); // the chain runs the stub as nobody (setpriv) when the grader is root
const bin = join(root, 'bin');
mkdirSync(bin);
writeFileSync(join(bin, 'bwrap'), STUB);
chmodSync(join(bin, 'bwrap'), 0o755);
const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}` };

function grade(args: string[]) {
  const out = mkdtempSync(join(root, 'out-'));
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'grader/cli/main.ts', 'solutions', '--only', 'convolution', '--out', out, ...args], { encoding: 'utf8', timeout: 120_000, env });
  return { ...r, results: () => JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) };
}

describe('in a container where bwrap cannot create namespaces', () => {
  it('auto falls back to node, grades in full, and results.json says which layers were on and off', () => {
    const r = grade([]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('(sandbox: node)');
    const results = r.results();
    expect(results.score).toBe(results.max_score);
    const env = results.extra_data.environment as Record<string, string>;
    expect(env.sandbox).toMatch(/^node \(.*\(bwrap unavailable: bwrap does not work here: exit 1: bwrap: No permissions/);
    expect(env['sandbox layers']).toMatch(/bubblewrap: off \(bwrap does not work here: exit 1: bwrap: No permissions/);
    expect(env['sandbox layers']).toContain(`setpriv: ${tools.setpriv ? 'on' : 'off'}`);
    expect(env['sandbox layers']).toContain(`prlimit: ${tools.prlimit ? 'on' : 'off'}`);
    expect(env['sandbox layers']).toMatch(/node permission model: on \(--(experimental-)?permission, Node v\d+/);
    // Without bwrap only a permission model with --allow-net (Node ≥ 25) keeps the network out.
    expect(env['sandbox network']).toBe(tools.permission?.containsNetwork ? 'contained' : 'NOT contained');
  });

  it('--sandbox bwrap refuses in one line, exit 2', () => {
    const r = grade(['--sandbox', 'bwrap']);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr.trim()).toMatch(/^grader: sandbox mode 'bwrap' is not available: bwrap does not work here: exit 1: bwrap: No permissions[^\n]*; install bubblewrap[^\n]*$/);
  });
});
