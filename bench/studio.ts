/**
 * Save-to-render latency of `npm run studio`, in Chromium: a student's file is saved (alternately
 * wrong and right) and the clock stops when the page shows the new verdict for that exercise.
 * - single saves: convolve (convolution.ts) and blur (filters.ts), 20 saves each, one every ~1.5 s
 *   after the page has followed the previous one (as a student edits);
 * - bursts: six saves 0.3 s apart (an editor's autosave, a formatter), ten bursts per file; the
 *   clock runs from the last save to the page showing that save's verdict.
 * Needs Debian's chromium.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startStudio } from '../grader/studio/studio.js';
import { correct, launchChromium, noBrowserReason, studentFolder, unflippedConvolve, zeroPaddedBlur } from '../test/studio/browser.js';

export interface StudioFigure {
  file: string;
  saves: number;
  medianMs: number;
  worstMs: number;
  bestMs: number;
}

export interface BurstFigure {
  file: string;
  bursts: number;
  /** Saves per burst, and the time between them. */
  saves: number;
  gapMs: number;
  /** From the last save of a burst to the page showing its verdict. */
  medianMs: number;
  maxMs: number;
  /** Bursts answered later than 2 s after their last save (the studio's aim). */
  over2s: number;
}

const SAVES = 20;
const BURSTS = 10;
const BURST_SAVES = 6;
const BURST_GAP_MS = 300;

const FILES = () => [['convolution', unflippedConvolve()], ['filters', zeroPaddedBlur()]] as const;
const median = (sorted: number[]) => (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2;

/**
 * Waits until the page shows, for `exercise`, the result of the save written at `savedAt` (ms since
 * epoch) or later: the status line names that save's run, and the panel and tab show that run's verdict.
 */
function shown(page: Page, exercise: string, savedAt: number, broken: boolean): Promise<unknown> {
  return page.waitForFunction(
    ({ exercise, savedAt, broken }) => {
      const status = document.getElementById('status');
      const panel = document.getElementById('panels');
      if (!status || !panel || Number(status.dataset.savedAt) < savedAt) return false;
      const tab = document.querySelector(`#tab-${exercise} ${broken ? '.fail' : '.pass'}`);
      return panel.dataset.exercise === exercise && Number(panel.dataset.run) >= Number(status.dataset.run) && tab !== null;
    },
    { exercise, savedAt, broken },
    { polling: 'raf', timeout: 60_000 },
  );
}

export async function benchStudio(): Promise<{ single: StudioFigure[]; burst: BurstFigure[] } | string> {
  const why = noBrowserReason();
  if (why) return `skipped: ${why}`;
  const folder = studentFolder();
  const studio = await startStudio({ folder });
  const browser = await launchChromium();
  const write = (exercise: string, source: string) => writeFileSync(path.join(folder, `${exercise}.ts`), source);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(studio.url);
    await page.waitForSelector('#status[data-running="false"]:not([data-run="0"])', { timeout: 180_000 });
    const single: StudioFigure[] = [];
    const burst: BurstFigure[] = [];
    for (const [exercise, wrong] of FILES()) {
      await page.click(`#tab-${exercise}`);
      const times: number[] = [];
      for (let i = 0; i < SAVES; i++) {
        const broken = i % 2 === 0;
        const savedAt = Date.now();
        write(exercise, broken ? wrong : correct(exercise));
        await shown(page, exercise, savedAt, broken);
        times.push(Date.now() - savedAt);
        await page.waitForTimeout(1500);
      }
      times.sort((a, b) => a - b);
      single.push({ file: `${exercise}.ts`, saves: SAVES, medianMs: Math.round(median(times)), worstMs: times[SAVES - 1], bestMs: times[0] });

      const lags: number[] = [];
      for (let b = 0; b < BURSTS; b++) {
        // Alternately wrong and right; the last save of a burst flips the verdict the page showed before it.
        const brokenBefore = (await page.locator(`#tab-${exercise} .fail`).count()) === 1;
        let savedAt = 0;
        for (let k = 0; k < BURST_SAVES; k++) {
          if (k > 0) await page.waitForTimeout(BURST_GAP_MS);
          const broken = k % 2 === 1 ? !brokenBefore : brokenBefore;
          savedAt = Date.now();
          write(exercise, broken ? wrong : correct(exercise));
        }
        await shown(page, exercise, savedAt, !brokenBefore);
        lags.push(Date.now() - savedAt);
        await page.waitForSelector('#status[data-running="false"]', { timeout: 60_000 });
        await page.waitForTimeout(1000);
      }
      lags.sort((a, b) => a - b);
      burst.push({ file: `${exercise}.ts`, bursts: BURSTS, saves: BURST_SAVES, gapMs: BURST_GAP_MS, medianMs: Math.round(median(lags)), maxMs: lags[BURSTS - 1], over2s: lags.filter((ms) => ms > 2000).length });
    }
    return { single, burst };
  } finally {
    await browser.close();
    await studio.close();
  }
}
