/**
 * The CNN tab's Train button in Chromium, on the smallest choice (512 digits, 2 epochs: what is
 * proven is that it trains and draws, not how well; the full figures are in the README): the
 * reference model trains in the page on WebGL (SwiftShader's WebGL 2 with float render targets
 * counts as the GPU here), with its curve drawn as it goes, then shows its test accuracy, the
 * digits it got wrong, and report.html's figures drawn by the studio: its learned filters beside
 * the lecture's kernels, its feature maps of the handwritten 5 and the many 5s. With WebGL
 * switched off in Chromium, it falls back to WebAssembly (given a filter gradient made of the
 * backend's own kernels) and says why. MNIST comes from the studio, offline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startStudio, type Studio } from '../../grader/studio/studio.js';
import { TRAIN_SCRIPT } from '../../grader/studio/page/train-routes-paths.js';
import { noBrowserReason, studentFolder, trainInStudio } from './browser.js';

const skip = noBrowserReason();
if (skip) console.log(`skipped: the studio's Train button in Chromium (${skip})`);

// The smallest choice: 512 digits to train on (4 batches of the reference's 128), 500 to test on.
const TRAIN_TIMEOUT = 300_000;

// The two browsers train side by side: the tests wait on the same studio, and mostly on Chromium.
describe.skipIf(skip !== undefined)("the studio's Train button in Chromium", { concurrent: true }, () => {
  let studio: Studio;
  const browsers: Browser[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    // The CNN and the augment.ts that moves its 5s: the other exercises' files missing, their checks are quick.
    studio = await startStudio({ folder: studentFolder(['cnn', 'augment']), checkTimeoutMs: 8_000 });
    // The training script (tfjs, bundled on first request) is built while the studio checks the exercises.
    const script = new URL(studio.url); // its ?token= kept
    script.pathname = TRAIN_SCRIPT;
    void fetch(script).catch(() => undefined);
  }, 180_000);

  afterAll(async () => {
    for (const b of browsers) await b.close();
    await studio?.close();
  });

  async function train(webgl: boolean): Promise<Page> {
    const trained = await trainInStudio(studio.url, { webgl, size: '512', timeoutMs: TRAIN_TIMEOUT, browsers, pageErrors });
    console.log(`${trained.backendLine}\n${trained.state}`);
    return trained.page;
  }

  /** What both backends must show: an accuracy a model that learned gets, the wrong digits, and report.html's figures. */
  async function expectTrainedAndDrawn(page: Page): Promise<void> {
    expect(await page.locator('[data-train-state]').textContent()).toMatch(/^Done: test accuracy [\d.]+% on 500 test digits/);
    // 512 digits, 8 steps: far from the grader's 98%, far above chance (10%); measured 0.636 on both backends.
    expect(Number(await page.locator('[data-train-state]').getAttribute('data-train-accuracy'))).toBeGreaterThan(0.4);
    expect(await page.locator('[data-train-wrong] figure').count()).toBeGreaterThan(0);
    const figures = page.locator('[data-train-figures]');
    expect(await figures.locator('.gallery.filters:not(.lecture) figure').count()).toBe(16);
    expect(await figures.locator('.gallery.filters.lecture figcaption').allTextContents()).toEqual(['Sobel x', 'Sobel y', 'Prewitt x', 'Prewitt y']);
    expect(await figures.locator('img[alt^="feature map"]').count()).toBe(16);
    const fives = await figures.locator('.gallery.fives figcaption').allTextContents();
    expect(fives).toHaveLength(7);
    for (const caption of fives) expect(caption).toMatch(/^.+CNN \d [✓✗] · dense \d [✓✗]$/);
    expect(await figures.textContent()).toContain('Digits moved by your augment.ts.');
    expect(pageErrors).toEqual([]);
  }

  it('trains the reference on WebGL with a live curve, then shows its accuracy, wrong digits, filters, feature maps and many 5s', async () => {
    const page = await train(true);
    expect(await page.locator('[data-train-backend]').getAttribute('data-train-backend')).toBe('webgl');
    expect(await page.locator('[data-train-backend]').textContent()).toMatch(/WebGL \(your GPU\): WebGL 2 on .*SwiftShader/i);
    await expectTrainedAndDrawn(page);
  }, TRAIN_TIMEOUT);

  it('without WebGL, trains on WebAssembly, its filter gradient made of its own kernels, and says why', async () => {
    const page = await train(false);
    expect(await page.locator('[data-train-backend]').getAttribute('data-train-backend')).toBe('wasm');
    expect(await page.locator('[data-train-backend]').textContent()).toMatch(/^Backend: WebAssembly \(your CPU\): WebAssembly on the CPU, the filter gradient made of its own convolution \(webgl: .+\)$/);
    await expectTrainedAndDrawn(page);
  }, TRAIN_TIMEOUT);
});
