// Screenshots of the real release build for the README (light and dark, desktop and phone).
//   node tests/browser/screenshots.mjs   (after `trunk build --release`)
import path from 'node:path';
import fs from 'node:fs';
import { serve, launch, newPage, ready, search, ROOT } from './harness.mjs';

const out = path.join(ROOT, 'docs', 'screenshots');
fs.mkdirSync(out, { recursive: true });
const server = await serve();
const browser = await launch();
const shots = [
  { name: 'desktop-light.png', viewport: { width: 1366, height: 860 }, theme: 'light' },
  { name: 'desktop-dark.png', viewport: { width: 1366, height: 860 }, theme: 'dark' },
  { name: 'phone-light.png', viewport: { width: 390, height: 844 }, theme: 'light', phone: true },
  { name: 'phone-dark.png', viewport: { width: 390, height: 844 }, theme: 'dark', phone: true },
];
for (const s of shots) {
  const page = await newPage(browser, { viewport: s.viewport, deviceScaleFactor: 1, isMobile: !!s.phone, hasTouch: !!s.phone });
  await page.goto(server.url);
  await ready(page);
  // On a phone the theme sits in the settings menu.
  if (s.phone) await page.locator('[data-testid=settings-toggle]').click();
  await page.locator('[data-testid=theme]').selectOption(s.theme);
  if (s.phone) await page.locator('[data-testid=settings-toggle]').click();
  await search(page, '不造谣');
  await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent === '1');
  await page.locator('[data-testid=result] a.result-link').first().click();
  await page.locator('[data-testid=reader] mark.current').waitFor();
  if (!s.phone) await page.locator('[data-testid=next-hit]').click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(out, s.name) });
  console.log('wrote', path.join('docs/screenshots', s.name));
  await page.close();
}
await browser.close();
await server.close();
