// Screenshots of browsing (landing with the archive summary, an edition, a page view), desktop
// and phone, on a build of tests/fixtures/editions (three editions; the seed has one undated page):
//   ARCHIVE_SEEDS=$PWD/tests/fixtures/editions trunk build --release --dist target/editions-dist
//   DIST=target/editions-dist node tests/browser/browse-screenshots.mjs
// Desktop shots go to docs/screenshots/{landing,edition,page-view}.png, the others to
// tests/browser/artifacts/.
import path from 'node:path';
import fs from 'node:fs';
import { serve, launch, newPage, ready, artifact, ROOT } from './harness.mjs';

const docs = path.join(ROOT, 'docs', 'screenshots');
fs.mkdirSync(docs, { recursive: true });
const server = await serve();
const browser = await launch();
const views = [
  { name: 'landing', hash: '' },
  { name: 'edition', hash: '#ed=2021-03-02&paper=清河晚报', wait: '[data-testid=edition]' },
  { name: 'page-view', hash: '#pg=2021/03/01/1.txt&mark=2021-03-01-dmcscwcgz', wait: '[data-testid=page-view]' },
  { name: 'calendar', hash: '#cal=2021-03', wait: '[data-testid=calendar]', extra: true },
];
for (const phone of [false, true]) {
  for (const v of views) {
    const viewport = phone ? { width: 390, height: 844 } : { width: 1366, height: 760 };
    const page = await newPage(browser, { viewport, deviceScaleFactor: 1, isMobile: phone, hasTouch: phone });
    await page.goto(server.url + v.hash);
    if (v.wait) await page.locator(v.wait).waitFor();
    else await ready(page);
    await page.waitForTimeout(300);
    const file = phone || v.extra ? artifact(`${v.name}-${phone ? 'phone' : 'desktop'}.png`) : path.join(docs, `${v.name}.png`);
    await page.screenshot({ path: file });
    console.log('wrote', path.relative(ROOT, file));
    await page.close();
  }
}
await browser.close();
await server.close();
