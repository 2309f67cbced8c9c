import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(process.argv[2]);
for (const id of process.argv.slice(3)) {
  await page.click(`#tab-${id}`);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/i14-${id}.png`, fullPage: true });
}
await browser.close();
export {};
