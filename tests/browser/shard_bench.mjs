// How a sharded build feels in headless Chromium (numbers for BENCHMARKS.md, not a test):
//   [ROUNDS=5] node tests/browser/shard_bench.mjs DIST [QUERY …]
// DIST is a sharded build (`ARCHIVE_SEEDS=… ARCHIVE_MODE=sharded trunk build --release --dist DIST`).
// For each of a cold page load and each query (cold: nothing cached; warm: the same query again,
// a word added to it, and a new query over the same chunks: see below), it prints the time from the input event to the frame that shows the results
// (the status line names the query and the list is painted: measured in the page, from the
// `input` event to the first animation frame that shows the results, after that frame's style
// and layout; and, for the warm cases, the work alone: to the end of the task that puts the
// results in the DOM, laid out, before the wait for the next frame), the bytes fetched, and
// the memory of the browser's renderer processes: RSS (shared libraries counted in each) and
// private memory (USS), with the same for a blank page first (what Chromium costs without the app).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, newPage, ready, tabMemory } from './harness.mjs';

const [dist, ...rest] = process.argv.slice(2);
if (!dist) { console.error('usage: node shard_bench.mjs DIST [QUERY …]'); process.exit(2); }
const queries = rest.length ? rest : ['合肥', '傳承', '老旧小区 改造', '罗强辉', '冬季供暖', '影像中国', 'hefei', '非遗技艺传承'];
const root = path.resolve(dist);
const size = (u) => { try { return fs.statSync(path.join(root, decodeURIComponent(new URL(u, 'http://x').pathname))).size; } catch { return 0; } };

const server = await serve(root);
const browser = await launch();
const rss = () => tabMemory().rss;
const uss = () => tabMemory().uss;
const page = await newPage(browser, { viewport: { width: 1366, height: 860 } });
const blank = { rss: rss(), uss: uss() };
// In the page: time from an input event to the frame after the status line reports `q`.
await page.addInitScript(() => {
  window.__bench = (q, wait) => new Promise((resolve) => {
    const box = document.querySelector('[data-testid=search]');
    // Also the work alone: from the event to the end of the task that puts the results in the
    // DOM, laid out (a mutation observer's callback, at the end of that task, forces the
    // layout). The frame that shows them comes at the next vsync after that.
    let work = null;
    const shows = () => { const s = document.querySelector('[data-testid=shard-progress]'); return s?.dataset.query === q && Number(s?.dataset.found || 0) > 0; };
    const mo = new MutationObserver(() => { if (work === null && shows()) { void document.body.offsetHeight; work = performance.now() - t0; } });
    mo.observe(document.body, { attributes: true, childList: true, subtree: true });
    const t0 = performance.now();
    let first = null;
    const check = () => {
      const s = document.querySelector('[data-testid=shard-progress]');
      const n = Number(s?.dataset.found || 0);
      // Style and layout of this frame included: forced here (the frame then has none left).
      if (s?.dataset.query === q && first === null && n > 0) { void document.body.offsetHeight; first = performance.now() - t0; }
      if (s?.dataset.query === q && (s.dataset.done === 'true' || s.dataset.paused === 'true')) {
        mo.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve({ first: first ?? performance.now() - t0, work: work ?? first ?? performance.now() - t0, all: performance.now() - t0, found: n, paused: s.dataset.paused === 'true' })));
        return;
      }
      requestAnimationFrame(check);
    };
    box.value = q;
    box.dispatchEvent(new InputEvent('input', { bubbles: true }));
    requestAnimationFrame(check);
  });
});
const fetched = (from) => server.requests.slice(from).reduce((n, u) => n + size(u), 0);
// The same bytes split by kind of chunk file (`p-` postings, `t-` text; the rest is `other`).
const split = (from) => {
  const by = { p: 0, t: 0, other: 0 };
  for (const u of server.requests.slice(from)) {
    const m = decodeURIComponent(new URL(u, 'http://x').pathname).match(/\/shards\/([pt])-/);
    by[m ? m[1] : 'other'] += size(u);
  }
  return `postings ${(by.p / 1024).toFixed(0)}, text ${(by.t / 1024).toFixed(0)}, other ${(by.other / 1024).toFixed(0)}`;
};

let mark = server.requests.length;
const t0 = Date.now();
await page.goto(server.url);
await ready(page);
await page.waitForFunction(() => document.querySelector('[data-testid=shard-progress]')?.dataset.done === 'true', null, { timeout: 120000 });
const load = Date.now() - t0;
const loadBytes = fetched(mark);
console.log(`renderer processes before the app (a blank page): RSS ${blank.rss.toFixed(0)} MiB, private ${blank.uss.toFixed(0)} MiB`);
console.log(`| first results after navigation (cold) | ${load} ms | ${(loadBytes / 1024).toFixed(0)} KiB fetched | renderer RSS ${rss().toFixed(0)} MiB, private ${uss().toFixed(0)} MiB |`);
// Warm has three cases, each over chunks already fetched:
// - the same query again (the page's recent answers serve it, without the worker);
// - typing on: a word added to the query shown (`q 社区`): the page narrows the query's answer
//   at once (its matching part, or all of it when that answer was complete), and the worker
//   runs the rest;
// - a new query (`q OR 火星基地`, a word in no article, its postings fetched at the start): not
//   narrower than any answer, so the page must ask the worker and wait.
const [ADDED, ABSENT] = ['社区', '火星基地'];
await page.evaluate(([q]) => window.__bench(q), [ABSENT]);
await page.evaluate(() => window.__bench('', true));
console.log('| query | cold: first results ms | cold: done/paused ms | cold KiB fetched | found | paused | warm, same query: first results ms | warm, same query: done/paused ms | warm, typing on: first results ms | warm, typing on: done/paused ms | warm, new query: first results ms | warm, new query: done/paused ms |');
console.log('|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|');
const warm = [];
const splits = [];
const warmFirst = [];
const fresh = [];
const freshFirst = [];
const typed = [];
const typedFirst = [];
const work = { typed: [], fresh: [], same: [] };
// The three warm cases of `q` (just searched, then cleared), each one's times kept.
const warmCases = async (q) => {
  const w = await page.evaluate(([q]) => window.__bench(q), [q]);
  warm.push(w.all);
  warmFirst.push(w.first);
  work.same.push(w.work);
  const t = await page.evaluate(([q]) => window.__bench(q), [`${q} ${ADDED}`]);
  typed.push(t.all);
  if (t.found) { typedFirst.push(t.first); work.typed.push(t.work); }
  await page.evaluate(() => window.__bench('', true));
  const f = await page.evaluate(([q]) => window.__bench(q), [`${q} OR ${ABSENT}`]);
  fresh.push(f.all);
  freshFirst.push(f.first);
  work.fresh.push(f.work);
  await page.evaluate(() => window.__bench('', true));
  return { w, t, f };
};
for (const q of queries) {
  mark = server.requests.length;
  const c = await page.evaluate(([q]) => window.__bench(q), [q]);
  const bytes = fetched(mark);
  splits.push(`\`${q}\`: ${split(mark)}`);
  await page.evaluate(() => window.__bench('', true));
  const { w, t, f } = await warmCases(q);
  console.log(`| \`${q}\` | ${c.first.toFixed(0)} | ${c.all.toFixed(0)} | ${(bytes / 1024).toFixed(0)} | ${c.found} | ${c.paused} | ${w.first.toFixed(0)} | ${w.all.toFixed(0)} | ${t.found ? t.first.toFixed(0) : '– (none)'} | ${t.all.toFixed(0)} | ${f.first.toFixed(0)} | ${f.all.toFixed(0)} |`);
}
console.log(`cold KiB by file kind: ${splits.join('; ')}`);
// More rounds of the three warm cases (ROUNDS in all, default 5): with 8 queries, one round's
// p95 would be its slowest keystroke.
const rounds = Math.max(1, Number(process.env.ROUNDS || 5));
for (let r = 1; r < rounds; r++) {
  for (const q of queries) {
    // As in the first round: the query (now warm), cleared, then the three cases.
    await page.evaluate(([q]) => window.__bench(q), [q]);
    await page.evaluate(() => window.__bench('', true));
    await warmCases(q);
  }
}
console.log(`warm cases: ${rounds} rounds of ${queries.length} queries (${warmFirst.length} keystrokes each)`);
const p = (xs, x) => { const v = [...xs].sort((a, b) => a - b); return v[Math.min(v.length - 1, Math.floor(x * v.length))]; };
console.log(`warm, typing on: first results p50 ${p(typedFirst, 0.5).toFixed(0)} ms, p95 ${p(typedFirst, 0.95).toFixed(0)} ms; to done/paused: p50 ${p(typed, 0.5).toFixed(0)} ms, p95 ${p(typed, 0.95).toFixed(0)} ms`);
console.log(`warm, new query: first results p50 ${p(freshFirst, 0.5).toFixed(0)} ms, p95 ${p(freshFirst, 0.95).toFixed(0)} ms; to done/paused: p50 ${p(fresh, 0.5).toFixed(0)} ms, p95 ${p(fresh, 0.95).toFixed(0)} ms`);
console.log(`warm, same query: first results p50 ${p(warmFirst, 0.5).toFixed(0)} ms, p95 ${p(warmFirst, 0.95).toFixed(0)} ms; to done/paused: p50 ${p(warm, 0.5).toFixed(0)} ms, p95 ${p(warm, 0.95).toFixed(0)} ms; renderer RSS after the queries ${rss().toFixed(0)} MiB, private ${uss().toFixed(0)} MiB`);
// The work alone (no wait for the frame), and how many keystrokes missed the first frame.
for (const [k, xs, firsts] of [['typing on', work.typed, typedFirst], ['new query', work.fresh, freshFirst], ['same query', work.same, warmFirst]]) {
  console.log(`warm, ${k}: work (event to results in the DOM, laid out) p50 ${p(xs, 0.5).toFixed(1)} ms, p95 ${p(xs, 0.95).toFixed(1)} ms; painted after 16.7 ms: ${firsts.filter((x) => x > 16.7).length} of ${firsts.length}`);
}
await browser.close();
await server.close();
