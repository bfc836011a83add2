// How the page fares while "search all" streams a broad query's results in (numbers for
// BENCHMARKS.md, not a test):  node tests/browser/search_all_bench.mjs DIST [QUERY]
// DIST is a sharded build. It types QUERY (default 影像中国), waits until it pauses after its byte
// budget, clicks "search all" and prints the time to done, the articles found, and the page's
// long tasks (over 50 ms) meanwhile: what typing or scrolling would wait for, and the renderers'
// private memory before and after. PROF=1 adds a CPU
// profile of the page (inclusive ms per function; build with `data-keep-debug` for names).
import { serve, launch, newPage, ready, tabMemory } from './harness.mjs';
const [dist, q = '影像中国'] = process.argv.slice(2);
const server = await serve(dist);
const browser = await launch();
const page = await newPage(browser, { viewport: { width: 1366, height: 860 } });
await page.addInitScript(() => {
  window.__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(Math.round(e.duration)); }).observe({ type: 'longtask', buffered: true });
});
await page.goto(server.url);
await ready(page);
await page.waitForFunction(() => document.querySelector('[data-testid=shard-progress]')?.dataset.done === 'true', null, { timeout: 120000 });
await page.fill('[data-testid=search]', q);
await page.waitForFunction((q) => { const s = document.querySelector('[data-testid=shard-progress]'); return s?.dataset.query === q && (s.dataset.paused === 'true' || s.dataset.done === 'true'); }, q, { timeout: 120000 });
const memBefore = tabMemory();
const paused = await page.evaluate(() => document.querySelector('[data-testid=shard-progress]').dataset.paused);
await page.evaluate(() => { window.__long = []; window.__t0 = performance.now(); });
const cdp = await page.context().newCDPSession(page);
if (process.env.PROF) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 500 }); await cdp.send('Profiler.start'); }
// "Search all" pauses again each time it holds the hold step's number more (5,000 unless the
// `hold-step` setting says otherwise): clicked again until done, each click counted.
let clicks = 0;
if (paused === 'true') {
  for (;;) {
    await page.click('[data-testid=shard-resume]');
    clicks += 1;
    await page.waitForFunction(() => document.querySelector('[data-testid=shard-progress]')?.dataset.paused === 'false', null, { timeout: 60000 });
    await page.waitForFunction(() => { const s = document.querySelector('[data-testid=shard-progress]'); return s?.dataset.done === 'true' || s?.dataset.paused === 'true'; }, null, { timeout: 300000 });
    if (await page.evaluate(() => document.querySelector('[data-testid=shard-progress]').dataset.done === 'true')) break;
  }
}
const r = await page.evaluate(() => ({ ms: performance.now() - window.__t0, long: window.__long, found: document.querySelector('[data-testid=shard-progress]').dataset.found }));
if (process.env.PROF) {
  const { profile: P } = await cdp.send('Profiler.stop');
  const nodes = new Map(P.nodes.map((n) => [n.id, n]));
  const parent = new Map(); for (const n of P.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const incl = {}; let total = 0;
  for (let k = 0; k < P.samples.length; k++) {
    const dt = P.timeDeltas[k + 1] || 0; let id = P.samples[k]; const seen = new Set();
    const n0 = nodes.get(id); if (n0.callFrame.functionName === '(idle)') continue; total += dt;
    while (id) { const f = (nodes.get(id).callFrame.functionName || '(anon)').replace(/::h[0-9a-f]{16}/, ''); if (!seen.has(f)) { seen.add(f); incl[f] = (incl[f] || 0) + dt; } id = parent.get(id); }
  }
  console.log('busy ms', (total / 1000).toFixed(0));
  // The longest stretch without idle samples (the longest task), and what it ran.
  let best = [0, 0], start = 0, busy = 0;
  for (let k = 0; k <= P.samples.length; k++) {
    const idle = k === P.samples.length || nodes.get(P.samples[k]).callFrame.functionName === '(idle)';
    if (idle) { if (busy > best[1]) best = [start, busy]; start = k + 1; busy = 0; } else busy += P.timeDeltas[k + 1] || 0;
  }
  const inTask = {};
  for (let k = best[0]; k < P.samples.length && nodes.get(P.samples[k]).callFrame.functionName !== '(idle)'; k++) {
    const dt = P.timeDeltas[k + 1] || 0; let id = P.samples[k]; const seen = new Set();
    while (id) { const f = (nodes.get(id).callFrame.functionName || '(anon)').replace(/::h[0-9a-f]{16}/, ''); if (!seen.has(f)) { seen.add(f); inTask[f] = (inTask[f] || 0) + dt; } id = parent.get(id); }
  }
  console.log('longest busy stretch ms', (best[1] / 1000).toFixed(0));
  for (const [k, v] of Object.entries(inTask).sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP || 45))) console.log('  ', (v / 1000).toFixed(0).padStart(6), k.slice(0, 150));
  console.log('whole search:');
  for (const [k, v] of Object.entries(incl).sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP || 45))) console.log((v / 1000).toFixed(0).padStart(6), k.slice(0, 150));
}
const sum = r.long.reduce((a, b) => a + b, 0);
const mem = tabMemory();
console.log(`renderer private memory before search all ${memBefore.uss.toFixed(0)} MiB, after ${mem.uss.toFixed(0)} MiB (RSS ${memBefore.rss.toFixed(0)} → ${mem.rss.toFixed(0)} MiB)`);
console.log(`${q}: search all ${r.ms.toFixed(0)} ms (${clicks} clicks), found ${r.found}; page long tasks ${r.long.length}, total ${sum} ms, longest ${Math.max(0, ...r.long)} ms; ${r.long.join(' ')}`);
await browser.close(); await server.close();
