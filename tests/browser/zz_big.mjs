import path from 'node:path';
import { serve, launch, newPage, ready, search } from './harness.mjs';
const [dist, q] = process.argv.slice(2);
const server = await serve(path.resolve(dist));
const browser = await launch();
const page = await newPage(browser, { viewport: { width: 1366, height: 860 } });
await page.goto(server.url);
await ready(page);
const st = (q, done) => page.waitForFunction(([q, done]) => { const s = document.querySelector('[data-testid=shard-progress]'); return s?.dataset.query === q && (s.dataset.done === 'true' || (!done && s.dataset.paused === 'true')); }, [q, done], { timeout: 300000 });
await st('', true);
await search(page, q);
await st(q, false);
const t0 = Date.now();
if (await page.locator('[data-testid=shard-resume]').count()) await page.locator('[data-testid=shard-resume]').click();
await st(q, true);
console.log('search all', Date.now() - t0, 'ms, found', await page.locator('[data-testid=shard-progress]').getAttribute('data-found'));
// long tasks on the main thread while it went on
const timeIt = (fn) => page.evaluate(fn);
for (let i = 0; i < 3; i++) {
  const ms = await page.evaluate(() => new Promise((r) => { const sel = document.querySelector('select[data-testid=sort], .results select'); const t = performance.now(); sel.value = sel.options[(sel.selectedIndex + 1) % sel.options.length].value; sel.dispatchEvent(new Event('change', { bubbles: true })); requestAnimationFrame(() => { void document.body.offsetHeight; r(performance.now() - t); }); }));
  console.log('sort change → frame', ms.toFixed(0), 'ms');
}
const ms = await page.evaluate((q) => new Promise((r) => { const box = document.querySelector('[data-testid=search]'); const t = performance.now(); box.value = q + 'x'; box.dispatchEvent(new InputEvent('input', { bubbles: true })); requestAnimationFrame(() => { void document.body.offsetHeight; r(performance.now() - t); }); }), q);
console.log('keystroke (a letter added) → next frame', ms.toFixed(0), 'ms');
await browser.close(); await server.close();
