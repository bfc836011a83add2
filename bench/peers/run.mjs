// Side-by-side benchmark in one headless Chromium session: this explorer (its real release build)
// vs Pagefind, FlexSearch (CJK settings) and MiniSearch (defaults; per-character tokenizer), over
// the same articles and the same queries (queries.json). Ground truth comes from
// `archive truth` (exact substring after the search issue's full normalization; see src/cli.rs).
//
//   cd bench/peers && npm ci && node run.mjs [--archive seeds|synthetic] [--runs 3] [--ms 20] [--rebuild]
//
// Needs: the README's setup with browsers (scripts/setup.sh --browser); builds what is missing
// (the release build in dist/, the CLI, the synthetic archive and its explorer build).
// Prints a Markdown table; writes work/<archive>/results.json.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve, launch } from '../../tests/browser/harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..', '..');
const opt = (name, def) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : def; };
const ARCHIVE = opt('archive', 'seeds');
const RUNS = Number(opt('runs', 3));
const MIN_MS = Number(opt('ms', 20));
// Rebuild the explorer even when a build exists (after changing the code).
const REBUILD = process.argv.includes('--rebuild');
const WORK = path.join(here, 'work', ARCHIVE);
fs.mkdirSync(WORK, { recursive: true });
const log = (...a) => console.error('peers:', ...a);
const sh = (cmd, args, env = {}) => execFileSync(cmd, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });

// 1. The corpus, its parse and the ground truth.
const CLI = path.join(ROOT, 'target/release/archive');
if (!fs.existsSync(CLI)) sh('cargo', ['build', '--release', '--bin', 'archive']);
let corpus = path.join(ROOT, 'seeds');
if (ARCHIVE === 'synthetic') {
  corpus = path.join(WORK, 'corpus');
  if (!fs.existsSync(corpus)) sh(CLI, ['synth', '10000', corpus]);
}
const articles = JSON.parse(sh(CLI, ['parse', corpus])).articles;
const queries = JSON.parse(fs.readFileSync(path.join(here, 'queries.json'), 'utf8')).map((x) => x.q);
const truth = JSON.parse(sh(CLI, ['truth', path.join(here, 'queries.json'), corpus]));
log(`${articles.length} articles, ${queries.length} queries`);

// 2. The sites.
const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
// Every text the explorer searches (see article_texts in src/search/tables.rs): headline block,
// byline, editor's note, intertitles, paragraphs, photo credits.
const byline = (a) => { const out = []; let role = null; for (const x of a.authors) { if (x.role && x.role !== role) out.push(x.role); role = x.role; out.push(x.name); if (x.credit) out.push(x.credit); } return out.join(' '); };
const bodyOf = (a) => [a.kicker, a.subtitle, byline(a), a.editor_note, ...(a.intertitles || []).map((t) => t.text), ...a.paragraphs.map((p) => p.text), ...(a.photo_credits || [])].filter(Boolean).join('\n');

let explorerDir = path.join(ROOT, 'dist');
if (ARCHIVE === 'synthetic') {
  explorerDir = path.join(WORK, 'explorer');
  if (REBUILD || !fs.existsSync(path.join(explorerDir, 'index.html'))) {
    log('building the explorer over the synthetic archive (ARCHIVE_SEEDS)…');
    sh('bash', ['-c', `source scripts/env.sh && trunk build --release --dist "${explorerDir}"`], { ARCHIVE_SEEDS: corpus });
  }
}
if (ARCHIVE !== 'synthetic' && (REBUILD || !fs.existsSync(path.join(explorerDir, 'index.html')))) {
  log('building the explorer (trunk build --release)…');
  sh('bash', ['-c', 'source scripts/env.sh && trunk build --release']);
}

// The peers' inputs are rebuilt whenever the parsed articles change (a stale Pagefind site from
// an older parse would measure other texts).
const docsJson = JSON.stringify(articles.map((a) => ({ id: a.id, title: a.title, body: bodyOf(a) })));
const docsHash = createHash('sha1').update(docsJson).digest('hex');
const pagefindDir = path.join(WORK, 'pagefind');
const pagefindStamp = path.join(WORK, 'pagefind.sha1');
const stampOk = fs.existsSync(pagefindStamp) && fs.readFileSync(pagefindStamp, 'utf8') === docsHash;
if (!stampOk || !fs.existsSync(path.join(pagefindDir, 'pagefind', 'pagefind.js'))) {
  log('building the Pagefind site and index…');
  fs.rmSync(pagefindDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(pagefindDir, 'a'), { recursive: true });
  for (const a of articles) {
    const paras = bodyOf(a).split('\n').map((p) => `<p>${esc(p)}</p>`).join('');
    fs.writeFileSync(path.join(pagefindDir, 'a', `${a.id}.html`),
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(a.title)}</title></head><body><main data-pagefind-body><h1>${esc(a.title)}</h1>${paras}</main></body></html>`);
  }
  fs.writeFileSync(path.join(pagefindDir, 'index.html'), '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>pagefind</title></head><body></body></html>');
  execFileSync(path.join(here, 'node_modules/.bin/pagefind'), ['--site', pagefindDir, '--quiet'], { stdio: 'inherit' });
  fs.writeFileSync(pagefindStamp, docsHash);
}

const jsDir = path.join(WORK, 'js');
fs.mkdirSync(jsDir, { recursive: true });
fs.copyFileSync(path.join(here, 'node_modules/flexsearch/dist/flexsearch.bundle.min.js'), path.join(jsDir, 'flexsearch.js'));
fs.copyFileSync(path.join(here, 'node_modules/minisearch/dist/umd/index.js'), path.join(jsDir, 'minisearch.js'));
fs.writeFileSync(path.join(jsDir, 'articles.json'), docsJson);
const page = (lib, setup) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body><script src="${lib}"></script><script>
(async () => {
  const t0 = performance.now();
  const docs = await (await fetch('articles.json')).json();
  ${setup}
  window.indexMs = performance.now() - t0;
  window.ready = true;
})();
</script></body></html>`;
fs.writeFileSync(path.join(jsDir, 'flexsearch.html'), page('flexsearch.js', `
  const idx = new FlexSearch.Document({ encoder: FlexSearch.Charset.CJK, tokenize: 'forward', document: { id: 'id', index: ['title', 'body'] } });
  for (const d of docs) idx.add(d);
  window.searchIds = (q) => { const ids = new Set(); for (const f of idx.search(q, { limit: 1e6 })) for (const id of f.result) ids.add(id); return [...ids]; };`));
fs.writeFileSync(path.join(jsDir, 'minisearch.html'), page('minisearch.js', `
  const ms = new MiniSearch({ fields: ['title', 'body'] });
  ms.addAll(docs);
  window.searchIds = (q) => ms.search(q).map((r) => r.id);`));
fs.writeFileSync(path.join(jsDir, 'minisearch-char.html'), page('minisearch.js', `
  const perChar = (s) => Array.from(s.replace(/\\s+/g, ''));
  const ms = new MiniSearch({ fields: ['title', 'body'], tokenize: perChar, searchOptions: { tokenize: perChar, combineWith: 'AND' } });
  ms.addAll(docs);
  window.searchIds = (q) => ms.search(q).map((r) => r.id);`));

// 3. The contestants: how to load, search (timed), and list ids.
const contestants = [
  {
    name: 'this explorer', dir: explorerDir, path: '',
    ready: () => typeof window.wasmBindings?.benchSearchIds === 'function' && !!document.querySelector('[data-testid=result-count]'),
    search: async (q) => window.wasmBindings.benchSearchIds(q),
  },
  {
    name: 'Pagefind 1.6', dir: pagefindDir, path: '',
    setup: async () => { window.pf = await import('./pagefind/pagefind.js'); await window.pf.init(); },
    ready: () => !!window.pf,
    search: async (q) => (await window.pf.search(q)).results,
    ids: null, // filled in the page: needs data() per result
  },
  { name: 'FlexSearch 0.8 (CJK)', dir: jsDir, path: 'flexsearch.html', ready: () => window.ready, search: async (q) => window.searchIds(q), ids: (r) => r },
  { name: 'MiniSearch 7 (defaults)', dir: jsDir, path: 'minisearch.html', ready: () => window.ready, search: async (q) => window.searchIds(q), ids: (r) => r },
  { name: 'MiniSearch 7 (per-character, AND)', dir: jsDir, path: 'minisearch-char.html', ready: () => window.ready, search: async (q) => window.searchIds(q), ids: (r) => r },
];

const brCache = new Map();
const br = (b) => {
  // Brotli -q 11 of a 45 MB wasm takes minutes: compress each distinct file once.
  const key = createHash('sha1').update(b).digest('hex');
  if (!brCache.has(key)) brCache.set(key, zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length);
  return brCache.get(key);
};
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN; };
const median = (xs) => pct(xs, 0.5);

const browser = await launch();
const results = [];
for (const c of contestants) {
  const server = await serve(c.dir, '/');
  const runs = [];
  for (let r = 0; r < RUNS; r++) {
    const context = await browser.newContext();
    const pg = await context.newPage();
    const fetched = new Set();
    pg.on('response', (resp) => { const u = new URL(resp.url()); if (u.origin === server.origin) fetched.add(decodeURIComponent(u.pathname)); });
    const t0 = Date.now();
    await pg.goto(server.url + c.path);
    if (c.setup) await pg.evaluate(c.setup);
    await pg.waitForFunction(c.ready, null, { timeout: 600000 });
    // Time to first result: navigation → answer to the first query (for Pagefind, its first result's data).
    const firstQuery = queries[0];
    await pg.evaluate(async ([q, name]) => {
      if (name.startsWith('Pagefind')) { const rs = (await window.pf.search(q)).results; if (rs[0]) await rs[0].data(); }
      else if (name === 'this explorer') window.wasmBindings.benchSearchIds(q);
      else window.searchIds(q);
    }, [firstQuery, c.name]);
    const firstResultMs = Date.now() - t0;
    const firstBytes = [...fetched].map((p) => path.join(c.dir, p.endsWith('/') ? p + 'index.html' : p)).filter((f) => fs.existsSync(f) && fs.statSync(f).isFile())
      .reduce((acc, f) => { const b = fs.readFileSync(f); return { raw: acc.raw + b.length, br: acc.br + br(b) }; }, { raw: 0, br: 0 });
    // Latency per query (search call only), and the ids for recall.
    const per = await pg.evaluate(async ([qs, minMs, name]) => {
      const pagefind = name.startsWith('Pagefind');
      const all = name === 'this explorer' ? window.wasmBindings.benchArticleIds().split('\n') : null;
      const out = [];
      // Warm-up, untimed: every query, over and over for 200 ms (Pagefind: once), so no query
      // is timed while the engine still runs baseline code (V8 compiles wasm and hot JS in
      // tiers, the optimized tier only once a function has run hot).
      const warm = performance.now();
      do {
        for (const q of qs) {
          if (pagefind) await window.pf.search(q);
          else if (all) window.wasmBindings.benchSearchIds(q);
          else window.searchIds(q);
        }
      } while (!pagefind && performance.now() - warm < 200);
      for (const q of qs) {
        // The call as a page would make it: Pagefind's search is async; the others are plain
        // synchronous calls (timed without an await, which would add a microtask to each).
        const call = pagefind ? () => window.pf.search(q)
          : all ? () => window.wasmBindings.benchSearchIds(q)
          : () => window.searchIds(q);
        // First call: the ids (untimed).
        const res = await call();
        let ids;
        if (pagefind) ids = (await Promise.all(res.results.map((x) => x.data()))).map((d) => decodeURIComponent(d.url).replace(/^.*\/a\//, '').replace(/\.html$/, ''));
        else if (all) ids = [...res].map((i) => all[i]);
        else ids = res.map(String);
        // Then calls in batches of 10 until at least `minMs` have passed (the browser's clock
        // is coarse: 100 µs without cross-origin isolation), giving the mean time of one call.
        let calls = 0;
        const t = performance.now();
        let elapsed = 0;
        do {
          if (pagefind) for (let i = 0; i < 10; i++) await call();
          else for (let i = 0; i < 10; i++) call();
          calls += 10;
          elapsed = performance.now() - t;
        } while (elapsed < minMs);
        out.push({ q, times: [elapsed / calls], calls, ids });
      }
      return out;
    }, [queries, MIN_MS, c.name]);
    // For the explorer: startup = navigation → its first results rendered (wasm fetched,
    // compiled, archive decoded, index built, first render), from its own performance mark.
    const indexMs = await pg.evaluate(() => window.indexMs ?? performance.getEntriesByName('archive:results')[0]?.startTime ?? null);
    runs.push({ firstResultMs, firstBytes, per, indexMs });
    await context.close();
  }
  await server.close();
  // Recall / precision at article level, micro-averaged over all queries.
  const last = runs[runs.length - 1].per;
  let tp = 0, truthN = 0, got = 0, perfect = 0;
  for (const { q, ids } of last) {
    const want = new Set(truth[q] || []);
    const have = new Set(ids);
    const hit = [...have].filter((x) => want.has(x)).length;
    tp += hit; truthN += want.size; got += have.size;
    if (hit === want.size && have.size === want.size) perfect += 1;
  }
  const lat = runs.map((rn) => rn.per.flatMap((p) => p.times));
  const res = {
    name: c.name,
    recall: truthN ? tp / truthN : 1,
    precision: got ? tp / got : 1,
    exactQueries: `${perfect}/${last.length}`,
    p50: median(lat.map((l) => pct(l, 0.5))),
    p95: median(lat.map((l) => pct(l, 0.95))),
    firstResultMs: median(runs.map((rn) => rn.firstResultMs)),
    firstRaw: median(runs.map((rn) => rn.firstBytes.raw)),
    firstBr: median(runs.map((rn) => rn.firstBytes.br)),
    indexMs: median(runs.map((rn) => rn.indexMs ?? NaN)),
    // Per query: the median over page loads of its mean call time (µs), for a closer look.
    perQuery: last.map(({ q }, i) => ({ q, us: median(runs.map((rn) => rn.per[i].times[0])) * 1000 })),
    misses: last.filter(({ q, ids }) => { const w = truth[q] || []; return w.length !== ids.length || w.some((x) => !ids.includes(x)); }).map(({ q }) => q),
  };
  results.push(res);
  log(`${c.name}: recall ${res.recall.toFixed(3)}, precision ${res.precision.toFixed(3)}, p50 ${(res.p50 * 1000).toFixed(2)} µs`);
}
await browser.close();
fs.writeFileSync(path.join(WORK, 'results.json'), JSON.stringify({ archive: ARCHIVE, articles: articles.length, queries: queries.length, runs: RUNS, minMs: MIN_MS, results }, null, 2));

const kb = (n) => (n / 1024).toFixed(1);
console.log(`archive: ${ARCHIVE} (${articles.length} articles), ${queries.length} queries, ${RUNS} page loads, each query timed over ≥ ${MIN_MS} ms of repeated calls; p50/p95 over queries, medians over page loads`);
const us = (ms) => { const u = ms * 1000; return u < 10 ? u.toFixed(2) : u < 100 ? u.toFixed(1) : u.toFixed(0); };
console.log('| contestant | recall | precision | exact answers | search p50 µs | search p95 µs | first load raw KiB | first load brotli KiB | navigation → first result ms |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of results) {
  console.log(`| ${r.name} | ${r.recall.toFixed(2)} | ${r.precision.toFixed(2)} | ${r.exactQueries} | ${us(r.p50)} | ${us(r.p95)} | ${kb(r.firstRaw)} | ${kb(r.firstBr)} | ${r.firstResultMs} |`);
}
const ours = results[0];
const wasmFile = fs.readdirSync(explorerDir).find((f) => f.endsWith('.wasm'));
if (wasmFile) {
  const b = fs.readFileSync(path.join(explorerDir, wasmFile));
  console.log(`this explorer: wasm ${kb(b.length)} KiB raw / ${kb(br(b))} KiB brotli; startup (navigation → first results rendered) ${ours.indexMs.toFixed(0)} ms`);
}
for (const r of results.slice(1)) if (r.indexMs != null && !Number.isNaN(r.indexMs)) console.log(`${r.name}: index built in the page in ${r.indexMs.toFixed(0)} ms`);
for (const r of results.slice(1)) console.log(`ratio ${r.name} / this explorer: search p50 ×${(r.p50 / ours.p50).toFixed(1)}, first-load brotli ×${(r.firstBr / ours.firstBr).toFixed(2)}`);
for (const r of results) if (r.misses.length) console.log(`${r.name} differs from the ground truth on: ${r.misses.join(' · ')}`);
