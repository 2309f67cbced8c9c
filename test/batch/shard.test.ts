import { describe, expect, it } from 'vitest';
import { engineShard, parseShard, takeShard } from '../../grader/batch/shard.js';

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
    expect(parseShard('2/4', {})).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', 'a/b', '1', '-1/2', 'auto/x']) expect(() => parseShard(bad, {})).toThrow(/--shard/);
  });
});

describe('--shard auto', () => {
  it("reads a GitHub Actions matrix job from the variables the workflow sets (0-based job index)", () => {
    expect(parseShard('auto', { STRATEGY_JOB_INDEX: '0', STRATEGY_JOB_TOTAL: '10' })).toMatchObject({ index: 1, count: 10 });
    expect(parseShard('auto', { STRATEGY_JOB_INDEX: '9', STRATEGY_JOB_TOTAL: '10' })).toMatchObject({ index: 10, count: 10 });
    expect(() => parseShard('auto', { STRATEGY_JOB_INDEX: '3' })).toThrow(/both STRATEGY_JOB_INDEX and STRATEGY_JOB_TOTAL/);
    expect(() => parseShard('auto/8', { STRATEGY_JOB_INDEX: '3', STRATEGY_JOB_TOTAL: '10' })).toThrow(/engine says 10 tasks/);
  });

  it('reads a Kubernetes Indexed Job: the index from JOB_COMPLETION_INDEX, the count from auto/N', () => {
    expect(parseShard('auto/4', { JOB_COMPLETION_INDEX: '0' })).toMatchObject({ index: 1, count: 4 });
    expect(parseShard('auto/4', { JOB_COMPLETION_INDEX: '3' })).toMatchObject({ index: 4, count: 4 });
    expect(() => parseShard('auto', { JOB_COMPLETION_INDEX: '3' })).toThrow(/auto\/N with N = spec\.completions/);
    expect(() => parseShard('auto/4', { JOB_COMPLETION_INDEX: '4' })).toThrow(/not one of 4 shards/);
  });

  it("reads a Slurm array from its task id, counted from the array's minimum in its steps", () => {
    const slurm = (id: number, o: { min?: number; step?: number; count: number }) => ({
      SLURM_ARRAY_TASK_ID: String(id),
      SLURM_ARRAY_TASK_COUNT: String(o.count),
      ...(o.min === undefined ? {} : { SLURM_ARRAY_TASK_MIN: String(o.min), SLURM_ARRAY_TASK_MAX: String(o.min + (o.count - 1) * (o.step ?? 1)) }),
      ...(o.step === undefined ? {} : { SLURM_ARRAY_TASK_STEP: String(o.step) }),
    });
    // --array=1-10: tasks 1…10 are shards 1…10.
    expect([1, 10].map((id) => parseShard('auto', slurm(id, { min: 1, count: 10 })).index)).toEqual([1, 10]);
    // --array=0-9 and --array=100-109 give the same shards.
    expect(parseShard('auto', slurm(0, { min: 0, count: 10 })).index).toBe(1);
    expect(parseShard('auto', slurm(104, { min: 100, count: 10 })).index).toBe(5);
    // --array=0-18:2: ten tasks, 0, 2, …, 18.
    expect(parseShard('auto', slurm(18, { min: 0, step: 2, count: 10 }))).toMatchObject({ index: 10, count: 10 });
    expect(() => parseShard('auto', slurm(3, { min: 0, step: 2, count: 10 }))).toThrow(/not on the array's grid/);
    expect(() => parseShard('auto', { SLURM_ARRAY_TASK_ID: '3' })).toThrow(/SLURM_ARRAY_TASK_COUNT is not/);
    // A partial array (--array=1,2,5) has no contiguous numbering: task 5 of 3 is refused.
    expect(() => parseShard('auto', slurm(5, { min: 1, count: 3 }))).toThrow(/not one of 3 shards/);
  });

  it('refuses no engine, two engines, and a variable that is not a number', () => {
    expect(() => parseShard('auto', {})).toThrow(/found no engine/);
    expect(() => parseShard('auto/2', { JOB_COMPLETION_INDEX: '0', SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_COUNT: '2', SLURM_ARRAY_TASK_MIN: '1' })).toThrow(/more than one engine/);
    expect(() => engineShard({ JOB_COMPLETION_INDEX: 'x' }, 2)).toThrow(/'x', not a whole number/);
  });
});
