/**
 * Renders a sample report (and class summary) to look at: `npx tsx test/outputs/html/render-sample.ts [out.html]`.
 * The pictures come from an in-process "student" with two classic mistakes and one missing function.
 */
import { writeFileSync } from 'node:fs';
import { PICTURE_OPERATIONS } from '../../../grader/exercises/registry.js';
import * as filters from '../../../solutions/filters.js';
import * as augment from '../../../solutions/augment.js';
import { correlate2d, convolve2d } from '../../../solutions/convolution2d.js';
import type { Reference } from '../../../grader/core/reference.js';
import { inProcessSubmission } from '../../../grader/run/in-process-submission.js';
import { collectPictures } from '../../../grader/outputs/html/pictures.js';
import { renderReport } from '../../../grader/outputs/html/render-report.js';
import { renderSummary } from '../../../grader/outputs/html/render-summary.js';
import { failingResult } from './fixtures.js';
import { summaryInput } from './summary-fixtures.js';

type M = number[][];
const student = inProcessSubmission('bob', {
  filters: {
    ...filters,
    // Convolution instead of correlation: the Sobel images come out negated.
    gradients: (image: M) => {
      const x = convolve2d(image, filters.SOBEL_X, { mode: 'same', boundary: 'symm' });
      const y = convolve2d(image, filters.SOBEL_Y, { mode: 'same', boundary: 'symm' });
      return { x, y, magnitude: x.map((row, r) => row.map((v, c) => Math.hypot(v, y[r][c]))) };
    },
  },
  augment: {
    ...augment,
    rotate: (image: M, degrees: number) => augment.rotate(image, -degrees),
    scale: () => {
      throw new Error('not implemented');
    },
  },
});
void correlate2d;
const reference = { filters, augment } as unknown as Reference;

const started = performance.now();
const pictures = await collectPictures(student, reference, { operations: PICTURE_OPERATIONS });
const collected = performance.now();
const html = await renderReport(failingResult(), pictures);
const rendered = performance.now();
const out = process.argv[2] ?? '/tmp/report-sample.html';
writeFileSync(out, html);
writeFileSync(out.replace(/\.html$/, '-summary.html'), renderSummary(summaryInput()));
console.log(`pictures ${(collected - started).toFixed(0)} ms, render ${(rendered - collected).toFixed(0)} ms, ${(html.length / 1024).toFixed(0)} KiB → ${out}`);
