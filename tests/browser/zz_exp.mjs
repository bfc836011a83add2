import path from 'node:path';
import { serve, launch, newPage, ready } from './harness.mjs';
const [dist] = process.argv.slice(2);
const queries = ['合肥', '傳承', '老旧小区 改造', '冬季供暖', '影像中国', '罗强辉'];
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
      if (s?.dataset.query === q && first === null && Number(s.dataset.found) > 0) { void document.body.offsetHeight; first = performance.now() - t0; }
      if (s?.dataset.query === q && (s.dataset.done === 'true' || s.dataset.paused === 'true')) { requestAnimationFrame(() => setTimeout(() => resolve(first), 30)); return; }
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
const variants = {
  base: '',
};
const unused = {
  noaside: 'aside.facets{display:none!important}',
  cv: '.facets section, .facets fieldset, .result-list > li {content-visibility:auto; contain-intrinsic-size: auto 300px}',
  sans: '*{font-family: sans-serif !important}',
};
const p = (a, f) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(f * s.length))]; };
for (let round = 0; round < 2; round++) for (const [name, css] of Object.entries(variants)) {
  await page.evaluate((css) => { let s = document.getElementById('zz'); if (!s) { s = document.createElement('style'); s.id = 'zz'; document.head.append(s); } s.textContent = css; }, css);
  const t = [];
  for (let i = 0; i < 3; i++) for (const q of queries) { t.push(await page.evaluate(([q]) => window.__bench(q), [q])); await page.evaluate(() => window.__bench('')); }
  console.log(name.padEnd(8), 'p50', p(t, 0.5).toFixed(1), 'p95', p(t, 0.95).toFixed(1), 'mean', (t.reduce((a, b) => a + b) / t.length).toFixed(1));
}
await browser.close(); await server.close();
