/**
 * The course grader's pages in Chromium under axe-core (WCAG 2.1 A/AA and best practices): the
 * instructor's report.html (hidden checks included), the student's (public checks only, as `npm
 * run grade` in a release writes it), and the class summary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { renderReport } from '../../../grader/outputs/html/render-report.js';
import { renderSummary } from '../../../grader/outputs/html/render-summary.js';
import { collectPictures } from '../../../grader/outputs/html/pictures.js';
import { inProcessSubmission } from '../../../grader/run/in-process-submission.js';
import { REFERENCE } from '../../../grader/exercises/reference.js';
import { PICTURE_OPERATIONS } from '../../../grader/exercises/registry.js';
import type { GradeResult } from '../../../grader/core/result.js';
import { axeViolations, launchChromium, noBrowserReason } from '../../studio/browser.js';
import { failingResult, passingResult } from './fixtures.js';
import { summaryInput } from './summary-fixtures.js';

const skip = noBrowserReason();

/** The result as a student release's `npm run grade` sees it: the public checks only. */
function publicOnly(result: GradeResult): GradeResult {
  const exercises = result.exercises.map((e) => ({ ...e, checks: e.checks.filter((c) => c.check.visibility === 'public') }));
  return { ...result, exercises };
}

describe.skipIf(skip !== undefined)('the reports under axe-core, in Chromium', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(() => browser?.close());

  const violations = async (html: string) => {
    await page.setContent(html, { waitUntil: 'load' });
    return axeViolations(page);
  };

  it('the instructor’s report.html, with pictures and hidden checks, has no violation', async () => {
    const pictures = await collectPictures(inProcessSubmission('reference', REFERENCE as never), REFERENCE, { operations: PICTURE_OPERATIONS });
    expect(await violations(await renderReport(failingResult(), pictures))).toEqual([]);
    expect(await violations(await renderReport(passingResult()))).toEqual([]);
  }, 120_000);

  it('the student’s report.html (public checks only) has no violation', async () => {
    expect(await violations(await renderReport(publicOnly(failingResult())))).toEqual([]);
  }, 60_000);

  it('the class summary has no violation', async () => {
    expect(await violations(renderSummary(summaryInput()))).toEqual([]);
  }, 60_000);
});
