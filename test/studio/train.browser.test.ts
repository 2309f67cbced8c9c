/**
 * The CNN tab's Train button in Chromium: the reference model trains in the page on WebGL
 * (SwiftShader's WebGL 2 with float render targets counts as the GPU here), with its curve drawn
 * as it goes, then shows its test accuracy, the digits it got wrong and its learned filters; with
 * `?train-backend=wasm` it tries WebAssembly, which cannot train a convolution in tfjs 4.22, and
 * falls back to plain JavaScript on the CPU. MNIST comes from the studio, offline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startStudio, type Studio } from '../../grader/studio/studio.js';
import { CHROMIUM, noBrowserReason, studentFolder } from './browser.js';

const skip = noBrowserReason();
if (skip) console.log(`skipped: the studio's Train button in Chromium (${skip})`);

const TRAIN_TIMEOUT = 600_000;

describe.skipIf(skip !== undefined)("the studio's Train button in Chromium", () => {
  let studio: Studio;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    studio = await startStudio({ folder: studentFolder(), checkTimeoutMs: 8_000 });
    const { chromium } = await import('playwright-core');
    // No --disable-gpu: WebGL is what is tested (SwiftShader, software, in a headless Chromium).
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--no-first-run'] });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await studio?.close();
  });

  async function train(query: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(studio.url.replace('?', `?${query}&`) + '#cnn');
    await page.locator('#tab-cnn').click();
    const button = page.locator('[data-train]');
    await expect.poll(() => button.isEnabled(), { timeout: 180_000, interval: 200 }).toBe(true);
    await page.locator('[data-train-size]').selectOption({ index: 2 }); // 2,000 digits, 500 to test
    await button.click();
    // The curve is drawn while it trains, before the result.
    await page.locator('.train-panel img.chart:not([hidden])').waitFor({ timeout: TRAIN_TIMEOUT });
    await page.locator('[data-train-state][data-train-accuracy]').waitFor({ timeout: TRAIN_TIMEOUT });
    // The figures the README's performance section quotes.
    console.log(`${await page.locator('[data-train-backend]').textContent()}\n${await page.locator('[data-train-state]').textContent()}\n${await page.locator('[data-train-results] p.muted').last().textContent()}`);
    return page;
  }

  it('trains the reference on WebGL with a live curve, then shows its accuracy, wrong digits and filters', async () => {
    const page = await train('train-backend=');
    expect(await page.locator('[data-train-backend]').getAttribute('data-train-backend')).toBe('webgl');
    expect(await page.locator('[data-train-backend]').textContent()).toMatch(/WebGL \(your GPU\): WebGL 2 on .*SwiftShader/i);
    const accuracy = Number(await page.locator('[data-train-state]').getAttribute('data-train-accuracy'));
    expect(accuracy).toBeGreaterThan(0.8); // 2,000 digits, 2 epochs: the grader's subset run gives about 0.86
    expect(await page.locator('[data-train-wrong] figure').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-train-filters] figure').count()).toBe(16);
    expect(await page.locator('[data-train-state]').textContent()).toMatch(/^Done: test accuracy [\d.]+% on 500 test digits/);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, TRAIN_TIMEOUT);

  it('asked for WebAssembly, which cannot train a convolution in this tfjs, falls back to the CPU and says why', async () => {
    const page = await train('train-backend=wasm');
    expect(await page.locator('[data-train-backend]').getAttribute('data-train-backend')).toBe('cpu');
    expect(await page.locator('[data-train-backend]').textContent()).toMatch(/wasm: this tfjs cannot train a convolution on it \(no Conv2DBackpropFilter\)/);
    expect(Number(await page.locator('[data-train-state]').getAttribute('data-train-accuracy'))).toBeGreaterThan(0.8);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, TRAIN_TIMEOUT);
});
