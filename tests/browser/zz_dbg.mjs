import path from 'node:path';
import { serve, launch, newPage, ready, search } from './harness.mjs';
const server = await serve(path.resolve(process.argv[2]));
const browser = await launch();
const page = await newPage(browser);
page.on('console', (m) => console.log('console', m.text()));
await page.addInitScript(() => {
  window.__log = [];
  let last = '';
  const tick = () => {
    const s = document.querySelector('[data-testid=shard-progress]');
    if (s) { const now = JSON.stringify([s.dataset.query, s.dataset.found, s.dataset.done, s.dataset.paused, document.querySelector('[data-testid=result-count]')?.textContent]); if (now !== last) { window.__log.push(performance.now().toFixed(1) + ' ' + now); last = now; } }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const mo = () => { if (!document.body) return setTimeout(mo, 5); new MutationObserver((recs) => { const s = document.querySelector('[data-testid=shard-progress]'); window.__log.push('  mo ' + performance.now().toFixed(1) + ' ' + s?.dataset.query + ' count=' + document.querySelector('[data-testid=result-count]')?.textContent); }).observe(document.body, { subtree: true, attributes: true, childList: true, characterData: true }); };
  mo();
  const mark = Performance.prototype.mark;
  Performance.prototype.mark = function (n, ...r) { window.__log.push('  mark ' + n + ' ' + performance.now().toFixed(1)); return mark.call(this, n, ...r); };
  const st = window.setTimeout;
  window.setTimeout = function (f, ms, ...r) { if (!ms) window.__log.push('  setTimeout0 ' + performance.now().toFixed(1)); return st.call(this, f, ms, ...r); };
});
await page.goto(server.url);
await ready(page);
const st = (q, done) => page.waitForFunction(([q, done]) => { const s = document.querySelector('[data-testid=shard-progress]'); return s?.dataset.query === q && (s.dataset.done === 'true' || (!done && s.dataset.paused === 'true')); }, [q, done], { timeout: 60000 });
await st('', true);
await search(page, '影像中国');
await st('影像中国', false);
await page.locator('[data-testid=shard-resume]').click();
await st('影像中国', true);
await page.waitForTimeout(300); await page.evaluate(() => window.__log.push('---- typed'));
await search(page, '影像中国 -合肥');
await page.waitForTimeout(1000);
const L = await page.evaluate(() => window.__log); for (const l of L.slice(L.indexOf('---- typed'))) console.log(l);
await browser.close(); await server.close();
