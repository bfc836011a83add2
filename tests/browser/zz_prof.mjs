import path from 'node:path';
import { serve, launch, newPage, ready } from './harness.mjs';
const [dist] = process.argv.slice(2);
const queries = ['合肥', '傳承', '老旧小区 改造', '冬季供暖', '影像中国', '非遗技艺传承'];
const server = await serve(path.resolve(dist));
const browser = await launch();
const page = await newPage(browser, { viewport: { width: 1366, height: 860 } });
await page.addInitScript(() => {
  window.__bench = (q) => new Promise((resolve) => {
    const box = document.querySelector('[data-testid=search]');
    const check = () => {
      const s = document.querySelector('[data-testid=shard-progress]');
      if (s?.dataset.query === q && (s.dataset.done === 'true' || s.dataset.paused === 'true')) { requestAnimationFrame(() => setTimeout(resolve, 50)); return; }
      requestAnimationFrame(check);
    };
    box.value = q; box.dispatchEvent(new InputEvent('input', { bubbles: true }));
    requestAnimationFrame(check);
  });
});
await page.goto(server.url);
await ready(page);
await page.waitForFunction(() => document.querySelector('[data-testid=shard-progress]')?.dataset.done === 'true', null, { timeout: 120000 });
for (const q of queries) { await page.evaluate(([q]) => window.__bench(q), [q]); await page.evaluate(() => window.__bench('')); }
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
for (let i = 0; i < 3; i++) for (const q of queries) { await page.evaluate(([q]) => window.__bench(q), [q]); await page.evaluate(() => window.__bench('')); }
const { profile } = await cdp.send('Profiler.stop');
const self = new Map(); const byId = new Map(profile.nodes.map(n => [n.id, n]));
const dt = profile.timeDeltas; let total = 0;
profile.samples.forEach((id, i) => { const n = byId.get(id); const k = n.callFrame.functionName || `(${n.callFrame.url.split('/').pop()})`; self.set(k, (self.get(k) || 0) + dt[i]); total += dt[i]; });
// inclusive
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const incl = new Map();
profile.samples.forEach((id, i) => { const seen = new Set(); let x = id; while (x !== undefined) { const n = byId.get(x); const k = n.callFrame.functionName || '(anon)'; if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) || 0) + dt[i]); } x = parent.get(x); } });
console.log('total ms', (total / 1000).toFixed(0));
console.log('--- self'); for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log((v / 1000).toFixed(1).padStart(8), k.slice(0, 140));
console.log('--- inclusive'); for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log((v / 1000).toFixed(1).padStart(8), k.slice(0, 140));
await browser.close(); await server.close();
