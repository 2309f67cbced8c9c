import { describe, expect, it } from 'vitest';
import { renderSummary, scoreBins } from '../../../grader/outputs/html/render-summary.js';
import { HOSTILE } from './fixtures.js';
import { summaryInput } from './summary-fixtures.js';

const ESCAPED = '&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;';

describe('renderSummary', () => {
  it('shows the histogram, pass rates worst first, mistakes, roster and similar pairs', () => {
    const html = renderSummary(summaryInput());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('class="chart histogram"');
    const order = ['Matches scipy.signal.convolve2d', 'Convolution is commutative', 'Test accuracy on MNIST', 'Worked examples from the slides'].map((t) => html.indexOf(`<strong>${t}</strong>`));
    expect(order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1]))).toBe(true);
    expect(html.indexOf('No flip: a cross-correlation')).toBeLessThan(html.indexOf('The slide’s /4'));
    expect(html).toContain('93% similar');
    expect(html.match(/<div class="regions">/g)).toHaveLength(1);
    expect(html).toContain('⚠ the submission folder holds no .ts files');
    expect(html).not.toMatch(/<script|(src|href)="(?!data:|#)/);
  });

  it('escapes names, errors, titles and code regions', () => {
    const html = renderSummary(summaryInput(HOSTILE));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img src=x/i);
    for (const where of ['Class ', 'eve ', 'error ', 'title ', 'mistake ', 'a ', '// ', '/* ']) expect(html, where).toContain(where + ESCAPED);
    expect(html).toContain(`<title>Class ${ESCAPED}</title>`);
  });

  it('bins scores in tenths, a perfect score in the last bin', () => {
    const bins = scoreBins([0, 0.05, 0.1, 0.55, 0.999, 1]);
    expect(bins.map((b) => b.count)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
    expect(bins[9].label).toBe('90–100%');
  });

  it('renders an empty class', () => {
    const html = renderSummary({ title: 'Nobody yet', exercises: [], rows: [], checkPassRates: [], mistakes: [], similarPairs: [] });
    expect(html).toContain('<h1>Nobody yet</h1>');
    expect(html).not.toContain('NaN');
  });
});
