/**
 * The studio in a real browser (Debian's chromium, headless): the page follows each save of a
 * student's file, shows the failing check with its diagnosis and pictures, and turns green again
 * when the file is fixed. Writes a screenshot of each exercise view to STUDIO_SCREENSHOTS (or a
 * temporary folder).
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startStudio, type Studio } from '../../grader/studio/studio.js';
import type { PictureGroupView } from '../../grader/outputs/html/view/pictures-view.js';
import { axeViolations, correct, launchChromium, noBrowserReason, save, studentFolder, unflippedConvolve, zeroPaddedBlur } from './browser.js';

const skip = noBrowserReason();
if (skip) console.warn(`studio browser tests skipped: ${skip}`);

const FOLLOW = 60_000;
/** Each test waits for a few runs of the public checks (about 15 s each on a busy 2-core machine). */
const TEST_TIMEOUT = 240_000;

describe.skipIf(skip !== undefined)('the studio in Chromium', () => {
  let folder: string;
  let studio: Studio;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    folder = studentFolder();
    studio = await startStudio({ folder, checkTimeoutMs: 8_000 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
    await page.goto(studio.url);
    // The first run is over when every exercise with public checks has a tab.
    await page.waitForSelector('#status[data-running="false"]:not([data-run="0"])', { timeout: 120_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await studio?.close();
  });

  const tab = (id: string) => page.locator(`#tab-${id}`);
  /** Waits until `read()` gives `expected` (the page follows saves asynchronously). */
  const until = (read: () => Promise<unknown>, expected: unknown, timeout = FOLLOW) => expect.poll(read, { timeout, interval: 100 }).toEqual(expected);
  const count = (selector: string) => () => page.locator(selector).count();
  const text = (l: Locator) => () => l.first().textContent();
  const attr = (l: Locator, name: string) => () => l.getAttribute(name);
  const check = (id: string) => page.locator(`details[data-check="${id}"]`);

  it('shows every exercise with full marks for the reference, within a strict Content-Security-Policy', async () => {
    for (const id of ['convolution', 'convolution2d', 'filters', 'augment', 'layers', 'cnn', 'parameters']) expect(await tab(id).locator('.pass').count(), `${id}: ${await tab(id).textContent()}`).toBe(1);
    const response = await page.request.get(studio.url);
    expect(response.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers()['content-security-policy']).toContain("default-src 'none'");
  }, TEST_TIMEOUT);

  it('passes axe-core (WCAG 2.1 A/AA and best practices) on every tab, a failing check open', async () => {
    save(folder, 'convolution', unflippedConvolve());
    await page.locator('#tab-convolution .fail').waitFor({ timeout: FOLLOW });
    await page.waitForSelector('#status[data-running="false"]', { timeout: FOLLOW });
    const ids = await page.locator('[role="tab"]').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('data-exercise')!));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      await tab(id).click();
      if (await page.locator('section.pictures .controls').count()) await page.locator('.original').waitFor({ timeout: FOLLOW });
      expect(await axeViolations(page), id).toEqual([]);
    }
    save(folder, 'convolution', correct('convolution'));
    await until(count('#tab-convolution .pass'), 1);
  }, TEST_TIMEOUT);

  it('is usable from the keyboard: arrow keys, Home and End move between tabs (roving tabindex); the file picker is reached with Tab', async () => {
    const ids = await page.locator('[role="tab"]').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('data-exercise')!));
    await tab(ids[0]).click();
    await tab(ids[0]).focus();
    const focused = () => page.evaluate(() => document.activeElement?.id);
    const state = () => page.locator('[role="tab"]').evaluateAll((tabs) => tabs.map((t) => `${t.getAttribute('aria-selected')}/${t.getAttribute('tabindex')}`));
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe(`tab-${ids[1]}`);
    expect(await state()).toEqual(ids.map((_, i) => (i === 1 ? 'true/0' : 'false/-1')));
    expect(await page.getAttribute('#panels', 'aria-labelledby')).toBe(`tab-${ids[1]}`);
    await page.keyboard.press('End');
    expect(await focused()).toBe(`tab-${ids.at(-1)}`);
    await page.keyboard.press('ArrowRight'); // wraps around
    expect(await focused()).toBe(`tab-${ids[0]}`);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Home');
    expect(await focused()).toBe(`tab-${ids[0]}`);
    // The pictures: from the sample choice, Tab reaches the file picker of the drop zone.
    await tab('filters').click();
    await page.locator('#sample-test-card').focus();
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('picture-file');
  }, TEST_TIMEOUT);

  it('follows a wrong convolve (no kernel flip) with the failing check, its diagnosis and its replay command, then the fix', async () => {
    await tab('convolution').click();
    save(folder, 'convolution', unflippedConvolve());
    const failed = page.locator('details[data-check^="convolution."][data-status="failed"]:has(.replay)').first();
    await failed.waitFor({ timeout: FOLLOW });
    await page.locator('.diagnosis', { hasText: 'flip' }).first().waitFor({ timeout: FOLLOW });
    expect(await text(failed.locator('.replay code'))()).toContain("REPLAY='convolution.");
    // The counterexample is a 1D signal: drawn as a chart of expected against got.
    expect(await failed.locator('img.chart').count()).toBeGreaterThan(0);
    expect(await tab('convolution').locator('.fail').count()).toBe(1);

    // A failing check is open; once it passes it closes.
    const failedIds = await page.locator('details[data-check^="convolution."][data-status="failed"]').evaluateAll((ds) => ds.map((d) => d.getAttribute('data-check')!));
    expect(await page.locator('details[data-check^="convolution."][data-status="failed"]:not([open])').count()).toBe(0);
    save(folder, 'convolution', correct('convolution'));
    await until(count('#tab-convolution .pass'), 1);
    expect(await page.locator('details[data-check^="convolution."][data-status="failed"]').count()).toBe(0);
    for (const id of failedIds) expect(await check(id).getAttribute('open'), `${id} stays open after it passes`).toBeNull();
  }, TEST_TIMEOUT);

  it('shows the checks of functions not yet written (the starter’s stubs) closed, not a wall of open errors', async () => {
    await tab('convolution').click();
    save(folder, 'convolution', readFileSync(path.join('exercises', 'convolution.ts'), 'utf8'));
    await until(count('details[data-check^="convolution."][data-status="errored"]'), await page.locator('details[data-check^="convolution."]').count());
    expect(await page.locator('details[data-check^="convolution."][open]').count()).toBe(0);
    save(folder, 'convolution', correct('convolution'));
    await until(count('#tab-convolution .pass'), 1);
    expect(await page.locator('details[data-check^="convolution."][open]').count()).toBe(0);
  }, TEST_TIMEOUT);

  it('follows a wrong blur with its pictures differing from the reference, then the fix', async () => {
    await tab('filters').click();
    save(folder, 'filters', zeroPaddedBlur());
    await page.locator('details[data-check^="filters."][data-status="failed"]').first().waitFor({ timeout: FOLLOW });
    await page.locator('.diagnosis', { hasText: 'pads with zeros' }).first().waitFor({ timeout: FOLLOW });
    // The digit's border is black, where zeros and a mirror agree: the test card shows the difference.
    await page.locator('#sample-test-card').check();
    const blurRow = page.locator('.row[data-row="Blur (box filter)"]');
    await page.locator('.original', { hasText: 'Test card' }).waitFor({ timeout: FOLLOW });
    await until(attr(blurRow, 'data-status'), 'differs');
    expect(await blurRow.locator('img').count()).toBe(3); // yours, the reference's, the difference
    // Every row's pictures stand in the same columns, whatever their captions say.
    const columns = await page.locator('section.pictures .row').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => Math.round(c.getBoundingClientRect().left)).join(',')));
    expect(columns.length).toBeGreaterThan(1);
    expect(new Set(columns).size, columns.join(' | ')).toBe(1);
    save(folder, 'filters', correct('filters'));
    await until(count('#tab-filters .pass'), 1);
    await until(attr(blurRow, 'data-status'), 'match');
    expect(await text(blurRow.locator('figcaption').last())()).toBe('no pixel differs (all black)');
  }, TEST_TIMEOUT);

  it('moves the sliders and runs the student’s code on a dropped picture', async () => {
    await tab('augment').click();
    const rotate = page.locator('.row[data-row="Rotate (counter-clockwise)"]');
    expect(await text(rotate.locator('code'))()).toBe('rotate(image, 30)');
    await page.locator('#angle').focus();
    await page.keyboard.press('ArrowRight'); // keyboard: 30° → 45°
    await until(text(rotate.locator('code')), 'rotate(image, 45)').catch(async (e) => {
      throw new Error(`${e}; the page says: ${await page.locator('main').textContent()}`);
    });
    expect(await rotate.getAttribute('data-status')).toBe('match');

    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 40, b: 40 } } }).png().toBuffer();
    await page.locator('#picture-file').setInputFiles({ name: 'mine.png', mimeType: 'image/png', buffer: png });
    await page.locator('.original', { hasText: 'Your picture' }).waitFor({ timeout: FOLLOW });
    expect(await text(page.locator('.original'))()).toContain('30 × 40');
    expect(await rotate.locator('img').count()).toBeGreaterThan(0);
  }, TEST_TIMEOUT);

  it('says once, plainly, that a release has no reference for a dropped picture, and shows the student’s pictures alone', async () => {
    // What a student release's server answers for a dropped picture (pictureGroups, with the
    // recorded reference's refusal: test/outputs/html/pictures.test.ts), made from this server's answer.
    const why = 'this student release holds the reference’s answers for the built-in pictures and settings only';
    await page.route('**/api/pictures', async (route) => {
      const response = await route.fetch();
      const json = (await response.json()) as { groups?: PictureGroupView[] };
      for (const s of (json.groups ?? []).flatMap((g) => g.samples)) {
        s.noReference = why;
        for (const r of s.rows) Object.assign(r, { reference: { notes: [], unavailable: `not available: ${why}` }, difference: { notes: [], unavailable: 'not available: needs both images' }, status: 'missing', statusLabel: '– not compared' });
      }
      await route.fulfill({ response, json });
    });
    try {
      await tab('filters').click();
      const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: { r: 90, g: 90, b: 90 } } }).png().toBuffer();
      await page.locator('#picture-file').setInputFiles({ name: 'mine.png', mimeType: 'image/png', buffer: png });
      await page.locator('.original', { hasText: 'Your picture' }).waitFor({ timeout: FOLLOW });
      await page.locator('.no-reference').waitFor({ timeout: FOLLOW });
      expect(await page.locator('.no-reference').count()).toBe(1);
      expect(await text(page.locator('.no-reference'))()).toBe(`No reference to compare with: ${why}. Your code’s pictures are shown alone.`);
      expect(await page.locator('section.pictures .row .unavailable').count()).toBe(0);
      expect(await page.locator('section.pictures').textContent()).not.toContain('reference failed');
      const rows = page.locator('section.pictures .row');
      expect(await rows.count()).toBeGreaterThan(1);
      expect(await page.locator('section.pictures .row.yours-only').count()).toBe(await rows.count());
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.unroute('**/api/pictures');
      await page.locator('#sample-digit').check();
    }
  }, TEST_TIMEOUT);

  it('follows a burst of saves to the last one, and stays there', async () => {
    await tab('convolution').click();
    await page.waitForSelector('#status[data-running="false"]:not([data-run="0"])', { timeout: FOLLOW });
    // Six saves 0.3 s apart, alternately wrong and right, the last one wrong.
    for (let k = 0; k < 6; k++) {
      save(folder, 'convolution', k % 2 === 1 ? unflippedConvolve() : correct('convolution'));
      await page.waitForTimeout(300);
    }
    await until(count('#tab-convolution .fail'), 1);
    await page.waitForSelector('#status[data-running="false"]', { timeout: FOLLOW });
    // No stale run's result arrives after the last save's.
    await page.waitForTimeout(1500);
    expect(await tab('convolution').locator('.fail').count()).toBe(1);
    save(folder, 'convolution', correct('convolution'));
    await until(count('#tab-convolution .pass'), 1);
  }, TEST_TIMEOUT);

  it('stops an infinite loop after the time limit and goes on with the other exercises', async () => {
    await tab('convolution').click();
    save(folder, 'convolution', correct('convolution').replace('export function convolve(', 'export function convolve(...never: unknown[]): number[] {\n  for (;;) { /* a student\'s infinite loop */ }\n}\nexport function oldConvolve('));
    await page.locator('details[data-check^="convolution."][data-status="timed-out"]', { hasText: 'did not finish within 8 s' }).first().waitFor({ timeout: FOLLOW });
    // The other exercises still get their results in the same run.
    await page.waitForSelector('#status[data-running="false"]:not([data-run="0"])', { timeout: FOLLOW });
    expect(await tab('parameters').locator('.pass').count()).toBe(1);
    save(folder, 'convolution', correct('convolution'));
    await until(count('#tab-convolution .pass'), 1);
  }, TEST_TIMEOUT);

  it('shows what student code says as text, never as markup', async () => {
    await tab('parameters').click();
    const hostile = '<img src=x id=pwned onerror="document.title=1">';
    save(folder, 'parameters', correct('parameters').replace('export function countParameters(', `export function countParameters(..._: unknown[]): number {\n  throw new Error(${JSON.stringify(hostile)});\n}\nexport function oldCountParameters(`));
    const errored = page.locator('details[data-check^="parameters."][data-status="failed"], details[data-check^="parameters."][data-status="errored"]').first();
    await errored.waitFor({ timeout: FOLLOW });
    expect(await errored.textContent()).toContain(hostile);
    expect(await page.locator('#pwned').count()).toBe(0);
    save(folder, 'parameters', correct('parameters'));
    await until(count('#tab-parameters .pass'), 1);
  }, TEST_TIMEOUT);

  it('writes a screenshot of each exercise view', async () => {
    const out = process.env.STUDIO_SCREENSHOTS ?? mkdtempSync(path.join(tmpdir(), 'studio-shots-'));
    mkdirSync(out, { recursive: true });
    save(folder, 'convolution', unflippedConvolve());
    await tab('convolution').click();
    await page.locator('.diagnosis').first().waitFor({ timeout: FOLLOW });
    await page.waitForSelector('#status[data-running="false"]:not([data-run="0"])', { timeout: FOLLOW });
    await tab('layers').click();
    // The gradient check value by value: the reference's backward pass agrees with the centred differences.
    expect(await page.locator('.gradients tr[data-parameter]').count()).toBe(3);
    expect(await page.locator('.gradients tr[data-parameter="dw"]').textContent()).toContain('0 (exact)');
    await tab('cnn').click();
    expect(await page.locator('.model td', { hasText: 'Conv2D' }).count()).toBeGreaterThan(0);
    expect(await page.locator('#panels').textContent()).not.toContain('node backend'); // tfjs's banner, printed when the model is built
    await tab('filters').click();
    await page.locator('#sample-digit').check(); // the handwritten 5, for the pictures
    await page.locator('.original', { hasText: 'A handwritten 5' }).waitFor({ timeout: FOLLOW });
    for (const id of ['convolution', 'convolution2d', 'filters', 'augment', 'layers', 'cnn', 'parameters']) {
      await tab(id).click();
      await page.screenshot({ path: path.join(out, `studio-${id}.png`), fullPage: true });
    }
    save(folder, 'convolution', correct('convolution'));
    expect(pageErrors).toEqual([]);
  }, TEST_TIMEOUT);
});
