import { describe, expect, it } from 'vitest';
import { parseShard, takeShard } from '../../grader/batch/shard.js';

describe('shards', () => {
  it('partition the submissions: each in exactly one shard, whatever order they come in', () => {
    const names = Array.from({ length: 23 }, (_, i) => `student-${(i * 7) % 23}`);
    for (const n of [1, 2, 3, 5, 23, 30]) {
      const shards = Array.from({ length: n }, (_, k) => takeShard(names, { index: k + 1, count: n }, (s) => s));
      const all = shards.flat();
      expect(all.sort()).toEqual([...names].sort());
      expect(new Set(all).size).toBe(names.length);
      // Deterministic: a reversed listing gives the same shards; sizes differ by at most one.
      const again = Array.from({ length: n }, (_, k) => takeShard([...names].reverse(), { index: k + 1, count: n }, (s) => s));
      expect(again).toEqual(shards.map((s) => [...s].sort()));
      const sizes = shards.map((s) => s.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('parses k/n and refuses nonsense', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', 'a/b', '1', '-1/2']) expect(() => parseShard(bad)).toThrow(/--shard/);
  });
});
