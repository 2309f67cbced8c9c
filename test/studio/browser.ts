/**
 * Helpers for driving the studio in a real browser: Debian's chromium through playwright-core, and
 * a student folder made from solutions/ in which a test saves wrong and right versions of a file.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or undefined when they can. */
export function noBrowserReason(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `no Chromium at ${CHROMIUM} (Debian: apt-get install -y chromium; or set CHROMIUM_PATH)`;
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A fresh folder holding a copy of every solutions/ file (or of these exercises' only): a student who got them right. */
export function studentFolder(exercises?: readonly string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'studio-exercises-'));
  for (const f of readdirSync('solutions').filter((f) => f.endsWith('.ts') && (!exercises || exercises.includes(f.slice(0, -3))))) copyFileSync(path.join('solutions', f), path.join(dir, f));
  return dir;
}

/** solutions/<exercise>.ts with `line` replaced (throws if the line is no longer there). */
export function mutated(exercise: string, line: string, replacement: string): string {
  const source = readFileSync(path.join('solutions', `${exercise}.ts`), 'utf8');
  if (!source.includes(line)) throw new Error(`solutions/${exercise}.ts no longer has the line to mutate: ${line}`);
  return source.replace(line, replacement);
}

export const correct = (exercise: string) => readFileSync(path.join('solutions', `${exercise}.ts`), 'utf8');

/** convolve without the kernel flip: v slides over a as it is, a cross-correlation. */
export const unflippedConvolve = () =>
  mutated('convolution', 'const [long, short] = v.length > a.length ? [v, a] : [a, v];', 'const [long, short] = v.length > a.length ? [[...v].reverse(), a] : [a, [...v].reverse()];');
/** blur that pads with zeros instead of mirroring the border. */
export const zeroPaddedBlur = () => mutated('filters', "return convolve2d(image, boxKernel(size), { mode: 'same', boundary: 'symm' });", "return convolve2d(image, boxKernel(size), { mode: 'same', boundary: 'fill' });");

export function save(folder: string, exercise: string, source: string): void {
  writeFileSync(path.join(folder, `${exercise}.ts`), source);
}

/** axe-core's rule sets the course's pages must pass: WCAG 2.1 A and AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * axe-core's violations on the page as it is now, one line each (rule, impact, the first offending
 * elements). Injected through the DevTools protocol, so the page's Content-Security-Policy holds.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const violations = await page.evaluate(
    async (tags) => (await (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations,
    AXE_TAGS,
  );
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ''}`);
}

/** The Train panel's choices, by their place in its list (grader/studio/page/panels/train-panel.ts). */
export const TRAIN_SIZES = { all: 0, '10,000': 1, '2,000': 2, '512': 3 } as const;

/** What the Train panel shows once the model has trained. */
export interface TrainedInPage {
  page: Page;
  /** webgl, wasm or cpu, and the line that names it. */
  backend: string;
  backendLine: string;
  /** "Done: test accuracy …" */
  state: string;
  accuracy: number;
  /** "Trained on … digits: epoch 1 … s, loss …; …" */
  epochs: string;
}

/**
 * Opens the studio at `url` in a fresh Chromium, with its software WebGL (SwiftShader, which
 * counts as the GPU here) or with WebGL switched off, presses the CNN tab's Train button on
 * `size`, waits for the live curve, then for the result.
 */
export async function trainInStudio(url: string, options: { webgl: boolean; size: keyof typeof TRAIN_SIZES; timeoutMs: number; browsers: Browser[]; pageErrors: string[] }): Promise<TrainedInPage> {
  const { chromium } = await import('playwright-core');
  const args = options.webgl ? ['--enable-unsafe-swiftshader'] : ['--disable-gpu', '--disable-software-rasterizer'];
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--no-first-run', ...args] });
  options.browsers.push(browser);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => options.pageErrors.push(e.message));
  await page.goto(`${url}#cnn`);
  await page.locator('#tab-cnn').click();
  await page.locator('[data-train]:not([disabled])').waitFor({ timeout: 180_000 });
  await page.locator('[data-train-size]').selectOption({ index: TRAIN_SIZES[options.size] });
  await page.locator('[data-train]').click();
  // The curve is drawn while it trains, before the result.
  await page.locator('.train-panel img.chart:not([hidden])').waitFor({ timeout: options.timeoutMs });
  await page.locator('[data-train-state][data-train-accuracy]').waitFor({ timeout: options.timeoutMs });
  const backend = page.locator('[data-train-backend]');
  const state = page.locator('[data-train-state]');
  return {
    page,
    backend: (await backend.getAttribute('data-train-backend')) ?? '',
    backendLine: (await backend.textContent()) ?? '',
    state: (await state.textContent()) ?? '',
    accuracy: Number(await state.getAttribute('data-train-accuracy')),
    epochs: (await page.locator('[data-train-epochs]').textContent()) ?? '',
  };
}
