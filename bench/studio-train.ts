/**
 * The studio's Train button in headless Chromium: the reference CNN trained in the page on
 * SwiftShader's WebGL (software: Chromium's CPU stands in for a GPU here) and, with WebGL
 * switched off, on WebAssembly; per backend, each epoch's seconds, the training time and the test
 * accuracy, as the page shows them. `BENCH_BROWSER_DIGITS` picks the panel's choice (all, 10,000,
 * 2,000 or 512; default 2,000), `BENCH_BROWSER_BACKENDS` the backends (default webgl,wasm: all
 * of MNIST on software WebGL takes most of an hour). Needs Debian's chromium.
 */
import os from 'node:os';
import type { Browser } from 'playwright-core';
import { startStudio } from '../grader/studio/studio.js';
import { noBrowserReason, studentFolder, TRAIN_SIZES, trainInStudio } from '../test/studio/browser.js';

export interface BrowserTrainingFigure {
  backend: string;
  digits: string;
  epochs: string;
  result: string;
  load: string;
}

export async function benchStudioTraining(): Promise<BrowserTrainingFigure[] | string> {
  const why = noBrowserReason();
  if (why) return `skipped: ${why}`;
  const size = (process.env.BENCH_BROWSER_DIGITS ?? '2,000') as keyof typeof TRAIN_SIZES;
  if (!(size in TRAIN_SIZES)) return `BENCH_BROWSER_DIGITS is one of ${Object.keys(TRAIN_SIZES).join(', ')}`;
  const studio = await startStudio({ folder: studentFolder() });
  const browsers: Browser[] = [];
  const pageErrors: string[] = [];
  const figures: BrowserTrainingFigure[] = [];
  try {
    const backends = (process.env.BENCH_BROWSER_BACKENDS ?? 'webgl,wasm').split(',');
    for (const webgl of [true, false].filter((w) => backends.includes(w ? 'webgl' : 'wasm'))) {
      const before = os.loadavg()[0].toFixed(1);
      const trained = await trainInStudio(studio.url, { webgl, size, timeoutMs: 6 * 3600_000, browsers, pageErrors });
      figures.push({ backend: trained.backendLine, digits: size, epochs: trained.epochs, result: trained.state, load: `${before} → ${os.loadavg()[0].toFixed(1)}` });
      await browsers.pop()?.close();
    }
    if (pageErrors.length) return `the page threw: ${pageErrors.join('; ')}`;
    return figures;
  } finally {
    for (const b of browsers) await b.close();
    await studio.close();
  }
}
