// The permission flags come from the running Node, and agree with what its release notes say.
import { describe, expect, it } from 'vitest';
import { launchPlan } from '../../grader/sandbox/launch.js';
import { nodePermission } from '../../grader/sandbox/node-permission.js';

const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];

describe(`the permission model of this Node (${process.version})`, () => {
  const p = nodePermission();

  it('is found, spelled as this Node spells it', () => {
    expect(p).not.toBeNull();
    const renamed = major > 23 || (major === 23 && minor >= 5) || (major === 22 && minor >= 13);
    expect(p!.flag).toBe(renamed ? '--permission' : '--experimental-permission');
  });

  it('covers the network exactly from Node 25 on', () => {
    expect(p!.containsNetwork).toBe(major >= 25);
  });

  it('is what the child command line uses, without any --allow-net', () => {
    // No other tool (prlimit, setpriv, bwrap): the command line is Node's alone.
    const tools = { prlimit: null, setpriv: null, bwrap: null, root: false, permission: p };
    const plan = launchPlan({ mode: 'node', node: process.execPath, readDirs: ['/tmp/x'], script: ['entry.mjs'], cwd: '/tmp/x', memoryMb: 256, tools });
    const args = [plan.command, ...plan.args];
    expect(args).toContain(p!.flag);
    expect(args).toContain('--allow-fs-read=/tmp/x');
    expect(args.filter((a) => /^--allow-(net|child-process|worker|addons|wasi|fs-write)/.test(a))).toEqual([]);
  });
});

describe('nodePermission on the options of other Node versions', () => {
  const common = ['--allow-fs-read', '--allow-fs-write', '--allow-child-process', '--allow-worker', '--allow-addons', '--allow-wasi', '--disable-warning'];
  it('Node 20 and 22.12: --experimental-permission, network open', () => {
    expect(nodePermission(new Set(['--experimental-permission', ...common]))).toEqual({ flag: '--experimental-permission', containsNetwork: false, disableWarning: true, containsWasi: true });
  });
  it('Node 24: --permission, network open', () => {
    expect(nodePermission(new Set(['--permission', ...common]))).toMatchObject({ flag: '--permission', containsNetwork: false });
  });
  it('Node 26: --permission, network denied unless --allow-net', () => {
    expect(nodePermission(new Set(['--permission', '--allow-net', ...common]))).toMatchObject({ flag: '--permission', containsNetwork: true });
  });
  it('Node 18: no permission model', () => {
    expect(nodePermission(new Set(['--max-old-space-size']))).toBeNull();
  });
});
