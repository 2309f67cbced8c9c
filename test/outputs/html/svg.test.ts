import { describe, expect, it } from 'vitest';
import { lineChart } from '../../../grader/outputs/html/svg/line-chart.js';
import { compactNumber, logBarChart, powerLabel } from '../../../grader/outputs/html/svg/log-bar-chart.js';
import { histogram } from '../../../grader/outputs/html/svg/histogram.js';
import { niceTicks } from '../../../grader/outputs/html/svg/scale.js';

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;
const polylinePoints = (svg: string) => [...svg.matchAll(/<polyline[^>]* points="([^"]*)"/g)].map((m) => m[1].trim().split(/\s+/).filter(Boolean));

describe('niceTicks', () => {
  it('gives round steps covering the range', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0, 100, 5)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(-45, 45, 6)).toEqual([-40, -20, 0, 20, 40]);
    expect(niceTicks(3, 3)).toEqual([3]);
    expect(niceTicks(Number.NaN, 1)).toEqual([]);
  });
});

describe('lineChart', () => {
  const svg = lineChart({
    title: 'Accuracy',
    xLabel: 'shift',
    yLabel: 'accuracy',
    yDomain: [0, 1],
    series: [
      { name: 'CNN', color: '#00f', points: [[0, 0.9], [1, 0.8], [2, 0.7]] },
      { name: 'dense', color: '#f00', dashed: true, marker: 'square', points: [[0, 0.9], [1, Number.NaN], [2, 0.2], [3, 0.1]] },
    ],
  });

  it('is one svg element with a title', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(count(svg, /<svg/g)).toBe(1);
    expect(svg).toContain('<title>Accuracy</title>');
  });

  it('draws one polyline per series with one point per finite data point', () => {
    const lines = polylinePoints(svg);
    expect(lines.map((l) => l.length)).toEqual([3, 3]);
    for (const p of lines.flat()) expect(p).toMatch(/^-?\d+(\.\d)?,-?\d+(\.\d)?$/);
    // 3 + 3 data markers, plus one legend marker per series.
    expect(count(svg, /class="marker"/g)).toBe(8);
    expect(svg).toContain('stroke-dasharray');
  });

  it('puts higher values higher up (smaller y)', () => {
    const [cnn] = polylinePoints(svg);
    const ys = cnn.map((p) => Number(p.split(',')[1]));
    expect(ys[0]).toBeLessThan(ys[1]);
    expect(ys[1]).toBeLessThan(ys[2]);
  });

  it('escapes every label', () => {
    const evil = lineChart({ title: '<script>t</script>', xLabel: '<b>x', yLabel: '"y"', series: [{ name: '</svg><script>', color: '"red" onload="x"', points: [[1, 1]] }] });
    expect(evil).not.toMatch(/<script|<b>|<\/svg><|" onload/);
    expect(evil).toContain('&lt;script&gt;t&lt;/script&gt;');
  });

  it('copes with no data and with a single point', () => {
    expect(polylinePoints(lineChart({ title: 't', xLabel: 'x', yLabel: 'y', series: [{ name: 'a', color: '#000', points: [] }] }))).toEqual([[]]);
    const one = lineChart({ title: 't', xLabel: 'x', yLabel: 'y', series: [{ name: 'a', color: '#000', points: [[1, 0.5]] }] });
    expect(polylinePoints(one)[0]).toHaveLength(1);
    expect(one).not.toContain('NaN');
  });
});

describe('logBarChart', () => {
  const bars = [
    { label: 'LeNet-5', value: 6e4 },
    { label: 'Yours', value: 225_034, highlight: true },
    { label: 'GPT-4', value: 1.8e12, display: '1.8T (reported)' },
    { label: 'broken', value: 0 },
  ];
  const svg = logBarChart({ title: 'Parameters', xLabel: 'parameters', bars });

  it('draws a bar for every positive value, on a log scale', () => {
    const widths = [...svg.matchAll(/<rect class="bar-rect"[^>]* width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(3);
    // Bars start at the same axis; the ratio of lengths follows log10 from the axis minimum (10^3).
    const [lenet, yours, gpt] = widths;
    expect(lenet).toBeLessThan(yours);
    expect(yours).toBeLessThan(gpt);
    expect((gpt / lenet)).toBeCloseTo((Math.log10(1.8e12) - 3) / (Math.log10(6e4) - 3), 1);
    expect(svg).toContain('1.8T (reported)');
    expect(svg).toContain('n/a');
  });

  it('labels grid lines every ×1000 over many decades', () => {
    const ticks = [...svg.matchAll(/<text class="tick"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(ticks).toEqual(['1k', '1M', '1B', '1T']);
  });

  it('formats powers and numbers the way people say them', () => {
    expect([0, 1, 3, 4, 6, 9, 12].map(powerLabel)).toEqual(['1', '10', '1k', '10k', '1M', '1B', '1T']);
    expect(compactNumber(138_357_544)).toBe('138M');
    expect(compactNumber(1.8e12)).toBe('1.8T');
    expect(compactNumber(512)).toBe('512');
  });
});

describe('histogram', () => {
  it('draws one bar per non-empty bin with its count', () => {
    const svg = histogram({ title: 'Scores', xLabel: 'score', yLabel: 'students', bins: [{ label: 'a', count: 0 }, { label: 'b', count: 3 }, { label: 'c', count: 7 }] });
    expect(count(svg, /<rect class="bar-rect"/g)).toBe(2);
    const heights = [...svg.matchAll(/<rect class="bar-rect"[^>]* height="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(heights[1] / heights[0]).toBeCloseTo(7 / 3, 1);
    expect(svg).toContain('>7</text>');
  });
});
