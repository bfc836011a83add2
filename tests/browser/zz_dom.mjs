import path from 'node:path';
import { serve, launch, newPage, ready } from './harness.mjs';
const [dist, q] = process.argv.slice(2);
const server = await serve(path.resolve(dist));
const browser = await launch();
const page = await newPage(browser, { viewport: { width: 1366, height: 860 } });
await page.goto(server.url + '#q=' + encodeURIComponent(q));
await ready(page);
await page.waitForFunction(() => { const s = document.querySelector('[data-testid=shard-progress]'); return s?.dataset.done === 'true' || s?.dataset.paused === 'true'; }, null, { timeout: 120000 });
await page.waitForTimeout(500);
console.log(await page.evaluate(() => {
  const out = { all: document.querySelectorAll('*').length };
  for (const sel of ['header', '.facets', '#facets', 'aside', '.results', '#results', 'ol', '.reader', 'article', '.shard-status', '.shelf-bar']) {
    const e = document.querySelectorAll(sel); out[sel] = [...e].map(x => x.querySelectorAll('*').length + ':' + (x.id||x.className));
  }
  out.rows = document.querySelectorAll('[data-testid=result]').length;
  out.main = [...document.querySelector('main').children].map(c => c.tagName + '.' + c.className + '#' + c.id + '=' + c.querySelectorAll('*').length);
  return JSON.stringify(out, null, 1);
}));
await page.screenshot({ path: '/tmp/zz_dom.png' });
await browser.close(); await server.close();
