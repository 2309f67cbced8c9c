/**
 * Save-to-render latency of `npm run studio`: a student's file is saved (alternately wrong and
 * right), and the clock stops when Chromium shows the new verdict for that exercise. Measured for
 * convolve (convolution.ts) and blur (filters.ts), 20 saves each, one save every ~1.5 s after the
 * page has followed the previous one (as a student edits). Needs Debian's chromium.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startStudio } from '../grader/studio/studio.js';
import { correct, launchChromium, noBrowserReason, studentFolder, unflippedConvolve, zeroPaddedBlur } from '../test/studio/browser.js';

export interface StudioFigure {
  file: string;
  saves: number;
  medianMs: number;
  worstMs: number;
  bestMs: number;
}

const SAVES = 20;

export async function benchStudio(): Promise<StudioFigure[] | string> {
  const why = noBrowserReason();
  if (why) return `skipped: ${why}`;
  const folder = studentFolder();
  const studio = await startStudio({ folder });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(studio.url);
    await page.waitForSelector('#status[data-running="false"]:not([data-run="0"])', { timeout: 180_000 });
    const figures: StudioFigure[] = [];
    for (const [exercise, wrong] of [['convolution', unflippedConvolve()], ['filters', zeroPaddedBlur()]] as const) {
      await page.click(`#tab-${exercise}`);
      const times: number[] = [];
      for (let i = 0; i < SAVES; i++) {
        const broken = i % 2 === 0;
        const before = Number(await page.getAttribute('#panels', 'data-run'));
        const started = performance.now();
        writeFileSync(path.join(folder, `${exercise}.ts`), broken ? wrong : correct(exercise));
        await page.waitForFunction(
          ({ exercise, before, broken }) => {
            const panel = document.getElementById('panels');
            const tab = document.querySelector(`#tab-${exercise} ${broken ? '.fail' : '.pass'}`);
            return panel?.dataset.exercise === exercise && Number(panel.dataset.run) > before && tab !== null;
          },
          { exercise, before, broken },
          { polling: 'raf', timeout: 60_000 },
        );
        times.push(performance.now() - started);
        await page.waitForTimeout(1500);
      }
      times.sort((a, b) => a - b);
      const round = (ms: number) => Math.round(ms);
      figures.push({ file: `${exercise}.ts`, saves: SAVES, medianMs: round((times[SAVES / 2 - 1] + times[SAVES / 2]) / 2), worstMs: round(times[SAVES - 1]), bestMs: round(times[0]) });
    }
    return figures;
  } finally {
    await browser.close();
    await studio.close();
  }
}
