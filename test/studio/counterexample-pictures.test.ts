/** A failing check's counterexample as the studio draws it: pictures that differ where the values do, index axes in whole numbers. */
import { describe, expect, it } from 'vitest';
import { counterexamplePictures } from '../../grader/studio/counterexample-pictures.js';

const svgOf = (uri: string) => decodeURIComponent(uri.slice(uri.indexOf(',') + 1));

describe('counterexample pictures', () => {
  it('draws an unnormalised 2×2 box kernel (all 1 where 0.25 is expected) unlike the expected one, on one stated range', async () => {
    const drawn = await counterexamplePictures({ input: { size: 2 }, expected: [[0.25, 0.25], [0.25, 0.25]], got: [[1, 1], [1, 1]], calls: [] });
    const [expected, yours, difference] = drawn!.images;
    expect([expected.label, yours.label, difference.label]).toEqual(['expected', 'your code', '|yours − expected|']);
    expect(expected.dataUri).not.toBe(yours.dataUri);
    expect(expected.caption).toBe('2 × 2; 0 → black, 1 → white');
    expect(yours.caption).toBe(expected.caption);
    expect(difference.caption).toContain('largest difference 0.75');
  });

  it('says how many values are NaN', async () => {
    const drawn = await counterexamplePictures({ input: {}, expected: [[0, 1], [1, 0]], got: [[Number.NaN, 1], [1, 0]], calls: [] });
    expect(drawn!.images[1].caption).toContain('1 NaN/Infinity drawn magenta');
  });

  it('ticks the index axis of a signal at whole numbers only', async () => {
    const drawn = await counterexamplePictures({ input: { a: [1, 2, 3], v: [0, 1] }, expected: [0, 1, 2, 3], got: [0, 1, 2, 4], calls: [] });
    expect(drawn!.charts.length).toBe(2);
    for (const chart of drawn!.charts) {
      const svg = svgOf(chart.dataUri);
      // The x-axis tick labels sit just below the plot (y = bottom + 22); none may be a fraction.
      const labels = [...svg.matchAll(/<text x="[\d.]+" y="([\d.]+)" text-anchor="middle" font-size="14"[^>]*>([^<]*)<\/text>/g)].map((m) => m[2]);
      expect(labels.length).toBeGreaterThan(1);
      expect(labels.filter((l) => !/^-?\d+$/.test(l))).toEqual([]);
    }
  });
});
