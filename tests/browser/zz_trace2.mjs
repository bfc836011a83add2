import path from 'node:path';
import { serve, launch, newPage, ready } from './harness.mjs';
const [dist] = process.argv.slice(2);
const queries = ['合肥', '老旧小区 改造', '罗强辉', '冬季供暖']; const base = queries;
const server = await serve(path.resolve(dist));
const browser = await launch();
const page = await newPage(browser, { viewport: { width: 1366, height: 860 } });
await page.addInitScript(() => {
  window.__bench = (q) => new Promise((resolve) => {
    const box = document.querySelector('[data-testid=search]');
    const t0 = performance.now();
    let first = null;
    const check = () => {
      const s = document.querySelector('[data-testid=shard-progress]');
      if (s?.dataset.query === q && first === null && Number(s.dataset.found) > 0) { first = performance.now() - t0; performance.mark('seen:' + q); }
      if (s?.dataset.query === q && (s.dataset.done === 'true' || s.dataset.paused === 'true')) { requestAnimationFrame(() => setTimeout(() => resolve(first), 50)); return; }
      requestAnimationFrame(check);
    };
    performance.mark('q:' + q);
    box.value = q; box.dispatchEvent(new InputEvent('input', { bubbles: true }));
    performance.mark('sync:' + q);
    requestAnimationFrame(check);
  });
});
await page.goto(server.url);
await ready(page);
await page.waitForFunction(() => document.querySelector('[data-testid=shard-progress]')?.dataset.done === 'true', null, { timeout: 120000 });
await page.evaluate(() => window.__bench('火星基地')); for (const q of base) { await page.evaluate(([q]) => window.__bench(q), [q]); await page.evaluate(() => window.__bench('')); }
const cdp = await page.context().newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink.user_timing,disabled-by-default-devtools.timeline.frame', transferMode: 'ReportEvents' });
for (const q of queries) { console.log(q, 'first', await page.evaluate(([q]) => window.__bench(q), [q])); await page.evaluate(() => window.__bench('')); }
await cdp.send('Tracing.end'); await done;
const m0 = events.find((e) => e.name && e.name.startsWith('q:'));
const [tid, pid] = [m0.tid, m0.pid];
for (const q of queries) {
  const start = events.find((e) => e.name === 'q:' + q && e.pid === pid);
  const t = start.ts;
  console.log('--', q);
  const evs = events.filter((e) => e.pid === pid && e.tid === tid && e.ts >= t - 1000 && e.ts < t + 60000 && ((e.ph === 'X' && e.dur > 300) || e.name.startsWith('seen:') || e.name.startsWith('sync:') || e.name === 'BeginFrame' || e.name === 'FireAnimationFrame' || e.name === 'Commit' || (e.ph === 'X' && e.dur > 300 && e.name === 'HandlePostMessage')));
  for (const e of evs) console.log(((e.ts - t) / 1000).toFixed(1).padStart(7), ((e.dur || 0) / 1000).toFixed(1).padStart(6), e.name, e.args?.data?.functionName || '');
}
await browser.close(); await server.close();
