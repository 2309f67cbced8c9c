import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../../grader/outputs/html/render-report.js';
import { htmlOutput } from '../../../grader/outputs/html.js';
import type { Pictures } from '../../../grader/outputs/html/pictures.js';
import { failingResult, hostileResult, HOSTILE, passingResult } from './fixtures.js';

const ESCAPED = '&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;';

/** Nothing a student wrote became markup: no script, no event handler, no injected image. */
function expectInert(html: string) {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<img src=x/i);
  expect(html).not.toMatch(/\sonerror=/i);
}

describe('renderReport', () => {
  it('renders a passing result: total, exercises, checks, badges, footer', async () => {
    const html = await renderReport(passingResult());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<h1>alice</h1>');
    expect(html).toMatch(/<span class="big">9<\/span> <span class="of">\/ 9 points/);
    expect(html).toContain('100%');
    expect(html).toContain('1D convolution and smoothing');
    expect(html.match(/class="check s-passed"/g)).toHaveLength(3);
    expect(html).toContain('badge hidden');
    expect(html).not.toContain('class="diagnosis"');
    expect(html).toContain('<dt>seed</dt><dd>20261124</dd>');
    expectInert(html);
  });

  it('renders a failing result: counterexample, diagnosis, replay, output, training', async () => {
    const html = await renderReport(failingResult());
    expect(html).toContain('class="check s-failed"');
    expect(html).toContain('class="check s-timed-out"');
    expect(html).toContain('⏱ Timed out');
    // Partial credit is a score, shown beside the check's own status.
    expect(html).toContain('class="check s-passed s-partial"');
    expect(html).toContain('Passed (partial credit)');
    expect(html).toContain('No flip: a cross-correlation');
    expect(html).toContain('class="diagnosis"');
    expect(html).toContain('{ seed: -1289312, path: "12:0:0:1" }');
    // The commutativity failure's other side is the student's too: not the right answer, not in its green.
    expect(html).toContain('<div class="slot"><span class="section-label">&#x3D; Should equal (the other side, also from your code)</span>');
    // The reference's answer keeps the label and colour of the right answer.
    expect(html).toContain('<div class="slot expected"><span class="section-label">✓ Expected</span>');
    // Matrices as tables, the differing entries marked.
    expect(html).toContain('<table class="matrix">');
    expect(html.match(/class="differs"/g)!.length).toBeGreaterThanOrEqual(4);
    // A 30×30 input is elided, not dumped.
    expect(html).toContain('… 18 more');
    expect(html).toContain('What your code printed (2 lines)');
    // Training: two curves, two robustness charts, the size chart; a 10×10 confusion matrix; the gallery.
    expect(html.match(/<svg /g)).toHaveLength(5);
    expect(html.match(/<td class="diag/g)).toHaveLength(10);
    expect(html.match(/<img src="data:image\/png;base64,/g)).toHaveLength(6);
    expect(html).toContain('Why not a plain feed-forward network?');
    expect(html).toContain('138,357,544');
    expectInert(html);
  });

  it('is self-contained: no external resources, no script, a CSP that forbids both', async () => {
    const html = await renderReport(failingResult());
    expect(html).not.toMatch(/<link|<script|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/(src|href)="(?!data:|#)/);
    expect(html).toContain(`content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"`);
  });

  it('escapes hostile text everywhere a student controls it', async () => {
    const html = await renderReport(hostileResult());
    expectInert(html);
    for (const where of ['message ', 'printed ', 'layer ', 'stopped ', 'threw ', 'title ', 'sandbox ']) expect(html, where).toContain(where + ESCAPED);
    // Values shown as JSON-like text (formatValue) keep their backslashes.
    for (const where of ['artifact ', 'expected ']) expect(html, where).toContain(where + ESCAPED.replace(/&quot;/g, '\\&quot;'));
    expect(html).toContain(`<title>Grading report: ${ESCAPED}</title>`);
    expect(html).toContain(`<h1>${ESCAPED}</h1>`);
    // The counterexample's keys and values, the replay path.
    expect(html).toContain(`key${ESCAPED}`);
    expect(html).toContain(`path: "${ESCAPED}"`);
  });

  it('escapes hostile text in pictures', async () => {
    const pictures: Pictures = {
      seconds: 0,
      samples: [{ id: 'digit', title: HOSTILE, description: HOSTILE, picture: { notes: [HOSTILE], unavailable: `not available: ${HOSTILE}` } }],
      comparisons: [
        {
          exercise: 'filters',
          sample: 'digit',
          settings: [],
          title: HOSTILE,
          call: HOSTILE,
          mapping: HOSTILE,
          submission: { unavailable: `not available: your blur threw: ${HOSTILE}`, notes: [] },
          reference: { dataUri: 'data:image/png;base64,AAAA"><script>x</script>', notes: [HOSTILE] },
          difference: { unavailable: HOSTILE, notes: [] },
        },
      ],
    };
    const html = await renderReport(failingResult(), pictures);
    expectInert(html);
    expect(html).toContain(`your blur threw: ${ESCAPED}`);
    expect(html).toContain('Your code on two pictures');
  });

  it('takes the pictures from the result, as the html reporter does', async () => {
    const result = { ...failingResult(), pictures: { seconds: 0, samples: [], comparisons: [] } satisfies Pictures };
    expect(htmlOutput.fileName).toBe('report.html');
    expect(htmlOutput.name).toBe('html');
    const html = await htmlOutput.render(result);
    expect(html).toContain('<h1>bob</h1>');
  });

  it('survives malformed artifacts without throwing', async () => {
    const result = failingResult();
    const v = result.exercises[2].checks[0].verdict;
    if (v.status !== 'passed') throw new Error('fixture changed');
    v.artifacts = { training: { epochs: 'many' }, robustness: null };
    const html = await renderReport(result);
    expect(html).toContain('training (not in the expected shape)');
    expect(html).not.toContain('Why not a plain feed-forward network?');
  });
});

describe('templates', () => {
  it('never use the triple-stash (unescaped output)', () => {
    const dir = new URL('../../../grader/outputs/html/templates/', import.meta.url);
    const files = [...readdirSync(dir).filter((f) => f.endsWith('.hbs')), ...readdirSync(new URL('partials/', dir)).map((f) => `partials/${f}`)];
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect(readFileSync(new URL(f, dir), 'utf8'), f).not.toContain('{{{');
  });
});

describe('artifacts in other shapes', () => {
  it('shows what is well-formed and drops the rest', async () => {
    const result = failingResult();
    const v = result.exercises[2].checks[0].verdict;
    if (v.status !== 'passed') throw new Error('fixture changed');
    const training = v.artifacts!.training as Record<string, unknown>;
    training.confusion = [[1, 2]]; // not square: left out
    training.misclassified = [{ index: 1, label: 3, predicted: 5, pixels: new Float32Array(784) }, { index: 2, label: 1, predicted: 7, pixels: [1, 2] }];
    delete training.layers;
    v.artifacts!.robustness = { shifts: [{ shift: 0, cnn: 0.9, dense: 0.9 }, { shift: 'x' }] };
    const html = await renderReport(result);
    expect(html).not.toContain('Confusion matrix');
    expect(html.match(/<img src="data:image\/png;base64,/g)).toHaveLength(1);
    expect(html).not.toContain('<table class="layers">');
    expect(html).toContain('225,034'); // the parameter count still shown
    expect(html).toContain('Accuracy as the digits are shifted');
    expect(html).not.toContain('Accuracy as the digits are rotated');
  });
});
