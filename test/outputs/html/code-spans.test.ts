/** Backticked code in descriptions and messages is shown as <code>, never as literal backticks, and stays escaped. */
import { describe, expect, it } from 'vitest';
import { codeSpans } from '../../../grader/outputs/html/view/code-spans.js';
import { renderReport } from '../../../grader/outputs/html/render-report.js';
import { passingResult } from './fixtures.js';

describe('codeSpans', () => {
  it('splits text at matched backticks and leaves an unmatched one alone', () => {
    expect(codeSpans('and `training` holds')).toEqual([
      { text: 'and ', code: false },
      { text: 'training', code: true },
      { text: ' holds', code: false },
    ]);
    expect(codeSpans('a ` alone')).toEqual([{ text: 'a ` alone', code: false }]);
  });
});

describe('report.html', () => {
  it('shows a description’s `code` as <code>, escaped', async () => {
    const result = passingResult();
    const first = result.exercises[0].checks[0];
    result.exercises[0].checks[0] = { ...first, check: { ...first.check, description: 'buildModel(tf) returns a model, and `training` holds <valid> settings.' } };
    const html = await renderReport(result);
    expect(html).toContain('and <code>training</code> holds &lt;valid&gt; settings.');
    expect(html).not.toContain('`training`');
  });
});
