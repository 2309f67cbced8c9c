import { describe, expect, it } from 'vitest';
import { closedFolders, sandboxTargets } from '../../grader/sandbox/reachable.js';

describe('what the sandbox user can reach', () => {
  it('names every folder on the way that others cannot pass, once', () => {
    const modes: Record<string, number> = { '/': 0o755, '/root': 0o700, '/root/kit': 0o755, '/root/kit/node_modules': 0o750, '/usr': 0o755, '/usr/bin': 0o755 };
    const targets = ['/root/kit/node_modules/a/package.json', '/root/kit/node_modules/b/package.json', '/usr/bin/node'];
    expect(closedFolders(targets, (dir) => modes[dir] ?? 0o755)).toEqual(['/root', '/root/kit/node_modules']);
    expect(closedFolders(['/usr/bin/node'], (dir) => modes[dir] ?? 0o755)).toEqual([]);
  });

  it('looks for Node and the tfjs packages', () => {
    const targets = sandboxTargets();
    expect(targets[0]).toMatch(/node$/);
    expect(targets.some((t) => t.endsWith('@tensorflow/tfjs/package.json'))).toBe(true);
  });
});
