import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration } from '../../grader/batch/progress.js';

function stream(isTTY: boolean) {
  const out: string[] = [];
  return { out, s: { isTTY, columns: 100, write: (x: string) => out.push(x) > 0 } };
}

describe('progress', () => {
  it('prints one plain line per submission with the ETA when not a terminal', () => {
    let t = 0;
    const { out, s } = stream(false);
    const p = createProgress({ total: 5, skipped: 1, stream: s, now: () => t });
    t = 10_000;
    p.done('alice', '26/26');
    t = 20_000;
    p.done('b\x1b[31mob', 'error: not a zip\nsecond line');
    p.finish();
    expect(out).toEqual([
      '1 of 5 already graded (use --force to regrade them)\n',
      '[1/4] alice: 26/26 (elapsed 0:10, ETA 0:30)\n',
      '[2/4] b?[31mob: error: not a zip (elapsed 0:20, ETA 0:20)\n',
    ]);
  });

  it('redraws a bar in place on a terminal', () => {
    const { out, s } = stream(true);
    const p = createProgress({ total: 2, skipped: 0, stream: s, now: () => 0 });
    p.done('alice', '26/26');
    p.finish();
    expect(out[0]).toMatch(/^\r\x1b\[2K█+░+ \[1\/2\] 50% ETA 0:00 {2}alice: 26\/26$/);
    expect(out[1]).toBe('\n');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
  });
});
