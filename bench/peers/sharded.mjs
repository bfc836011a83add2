// Side by side in one headless Chromium: the explorer's *sharded* build of a large archive vs
// Pagefind 1.x built over the same articles, on the same queries, each query cold (a fresh browser
// context: nothing cached, no service worker).
//
//   cd bench/peers && npm ci      # Pagefind (and its binary) for the site build
//   node bench/peers/sharded.mjs /tmp/dist-10000 /tmp/ing/s10000 [--pagefind /tmp/pagefind-10k]
//        [--queries Q.json] [--out results.md] [--json results.json] [--prepare]
//
// DIST is a sharded build of PAGES (`ARCHIVE_SEEDS=PAGES ARCHIVE_MODE=sharded trunk build --release
// --dist DIST`). The Pagefind site (one `lang="zh-CN"` page per article with every text the
// explorer searches, as bench/peers/run.mjs builds it) is built into --pagefind when missing or
// built from other pages (`--prepare`: build it and the ground truth, measure nothing).
// Ground truth: `archive truth` (target/release/archive) over PAGES.
//
// Per query and tool, measured in the page from the moment the query is issued (the explorer:
// the search box's `input` event; Pagefind: the `pf.search(q)` call):
// - explorer: first result on screen (status bar `data-found` > 0), first stop (done, or paused
//   after its text budget: 512 KiB once it has 20 results, else 4 MiB), and, when paused, "search all" clicked at once in the page and
//   the time to done (complete = stop + resume→done, the click's own latency excluded);
// - Pagefind: `search()` resolved (count known), the first 10 results' `data()` loaded (what a
//   result page shows), and every result's `data()` loaded (the ids of the whole answer).
// Bytes are counted on the server side: the size of every file served for the requests made in
// that span (the harness's server sends whole files, no ranges, no compression, `no-cache`).
// First load: everything fetched from navigation until the page is ready to search and the
// network has been quiet for a second (the explorer: app, wasm, head and the front page's
// chunk, its service worker's own fetches included; Pagefind: an empty page, `pagefind.js`,
// and `init()`: its entry file, wasm and metadata).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve, launch } from '../../tests/browser/harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..', '..');
const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : def; };
const VALUED = new Set(['--pagefind', '--queries', '--out', '--json']);
const positional = args.filter((a, i) => !a.startsWith('--') && !VALUED.has(args[i - 1]));
const [distArg, pagesArg] = positional;
if (!distArg || !pagesArg) { console.error('usage: node bench/peers/sharded.mjs DIST PAGES [--pagefind DIR] [--queries Q.json] [--out F.md] [--json F.json] [--prepare]'); process.exit(2); }
const DIST = path.resolve(distArg);
const PAGES = path.resolve(pagesArg);
const PF = path.resolve(opt('pagefind', '/tmp/pagefind-10k'));
const log = (...a) => console.error('sharded:', ...a);
const CLI = path.join(ROOT, 'target/release/archive');
const sh = (cmd, argv) => execFileSync(cmd, argv, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'inherit'] });

// 1. Queries and the ground truth.
const DEFAULT_QUERIES = [
  '合肥', '傳承', '老旧小区 改造', '罗强辉', '冬季供暖', '影像中国', 'hefei', '非遗技艺传承', '社区 养老', '天气预报',
  // More, drawn from the archive's text: a rare byline name, a sentence fragment, a two-city AND,
  // a traditional-script topic, a pinyin name.
  '郑博辉', '群众评议制度', '贵阳 夜间公交', '冷鏈物流', 'zhengbohui',
];
const queries = opt('queries') ? JSON.parse(fs.readFileSync(opt('queries'), 'utf8')).map((x) => (typeof x === 'string' ? x : x.q)) : DEFAULT_QUERIES;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sharded-peers-'));
fs.writeFileSync(path.join(tmp, 'queries.json'), JSON.stringify(queries));
const truth = JSON.parse(sh(CLI, ['truth', path.join(tmp, 'queries.json'), PAGES]));
log(`${queries.length} queries; truth sizes: ${queries.map((q) => `${q}=${truth[q]?.length ?? '?'}`).join(' ')}`);

// 2. The Pagefind site (as bench/peers/run.mjs builds it: every text the explorer searches).
const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
const byline = (a) => { const out = []; let role = null; for (const x of a.authors) { if (x.role && x.role !== role) out.push(x.role); role = x.role; out.push(x.name); if (x.credit) out.push(x.credit); } return out.join(' '); };
const bodyOf = (a) => [a.kicker, a.subtitle, byline(a), a.editor_note, ...(a.intertitles || []).map((t) => t.text), ...a.paragraphs.map((p) => p.text), ...(a.photo_credits || [])].filter(Boolean).join('\n');
const stampFile = path.join(PF, 'source.txt');
const stamp = `${PAGES}\n${fs.statSync(path.join(PAGES, 'archive.toml')).mtimeMs}`;
if (!fs.existsSync(path.join(PF, 'pagefind', 'pagefind.js')) || !fs.existsSync(stampFile) || fs.readFileSync(stampFile, 'utf8') !== stamp) {
  log(`parsing ${PAGES} and building the Pagefind site in ${PF}…`);
  const articles = JSON.parse(sh(CLI, ['parse', PAGES])).articles;
  fs.rmSync(PF, { recursive: true, force: true });
  fs.mkdirSync(path.join(PF, 'a'), { recursive: true });
  for (const a of articles) {
    const paras = bodyOf(a).split('\n').map((p) => `<p>${esc(p)}</p>`).join('');
    fs.writeFileSync(path.join(PF, 'a', `${a.id}.html`),
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(a.title)}</title></head><body><main data-pagefind-body><h1>${esc(a.title)}</h1>${paras}</main></body></html>`);
  }
  fs.writeFileSync(path.join(PF, 'index.html'), '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>pagefind</title></head><body></body></html>');
  const t = Date.now();
  execFileSync(path.join(here, 'node_modules/.bin/pagefind'), ['--site', PF, '--quiet'], { stdio: 'inherit' });
  fs.writeFileSync(path.join(PF, 'build-ms.txt'), String(Date.now() - t));
  fs.writeFileSync(stampFile, stamp);
  log(`${articles.length} articles indexed by Pagefind in ${Date.now() - t} ms`);
}
if (args.includes('--prepare')) process.exit(0);

// 3. Measuring.
const du = (dir) => { let n = 0, files = 0; for (const e of fs.readdirSync(dir, { withFileTypes: true })) { const p = path.join(dir, e.name); if (e.isDirectory()) { const r = du(p); n += r.n; files += r.files; } else { n += fs.statSync(p).size; files += 1; } } return { n, files }; };
const served = (dir) => (u) => {
  let p = decodeURIComponent(new URL(u, 'http://x').pathname);
  if (p.endsWith('/')) p += 'index.html';
  try { const s = fs.statSync(path.join(dir, p)); return s.isFile() ? s.size : 0; } catch { return 0; }
};
// What a host that compresses would send: gzip -6 of each file, or the file when that is smaller
// (Pagefind's index files are gzip already; the explorer's chunks are not).
const gzCache = new Map();
const gzipped = (dir) => (u) => {
  let p = decodeURIComponent(new URL(u, 'http://x').pathname);
  if (p.endsWith('/')) p += 'index.html';
  const f = path.join(dir, p);
  if (!gzCache.has(f)) {
    let n = 0;
    try { const b = fs.readFileSync(f); n = Math.min(b.length, zlib.gzipSync(b, { level: 6 }).length); } catch { n = 0; }
    gzCache.set(f, n);
  }
  return gzCache.get(f);
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Waits until the server has seen no new request for `quiet` ms (at most `max`). */
const networkQuiet = async (server, quiet = 1000, max = 20000) => {
  const t = Date.now();
  let n = server.requests.length, since = Date.now();
  while (Date.now() - t < max) {
    await sleep(100);
    if (server.requests.length !== n) { n = server.requests.length; since = Date.now(); } else if (Date.now() - since >= quiet) return;
  }
};
const score = (q, ids) => {
  const want = new Set(truth[q] || []);
  const have = new Set(ids);
  const tp = [...have].filter((x) => want.has(x)).length;
  return { tp, want: want.size, have: have.size, recall: want.size ? tp / want.size : null, precision: have.size ? tp / have.size : null };
};

const browser = await launch();
const newContext = () => browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 860 }, serviceWorkers: 'allow' });

// 3a. The explorer.
const explorer = { name: 'explorer (sharded)', firstLoads: [], per: [] };
{
  const server = await serve(DIST);
  const size = served(DIST), gz = gzipped(DIST);
  const bytes = (from, to = server.requests.length) => server.requests.slice(from, to).reduce((n, u) => n + size(u), 0);
  const gzBytes = (from, to = server.requests.length) => server.requests.slice(from, to).reduce((n, u) => n + gz(u), 0);
  // A function, not a string: the app's Content-Security-Policy forbids eval.
  const settled = (q) => { const s = document.querySelector('[data-testid=shard-progress]'); return s?.dataset.query === q && (s.dataset.done === 'true' || s.dataset.paused === 'true'); };
  for (const q of queries) {
    const context = await newContext();
    const page = await context.newPage();
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(String(e)));
    // The page's own requests (a service worker's are the context's, not the page's).
    const pageUrls = [];
    page.on('request', (rq) => pageUrls.push(rq.url()));
    await page.addInitScript(() => {
      // The JSON export's Blob (the whole answer's ids), without a download.
      const orig = URL.createObjectURL;
      URL.createObjectURL = (b) => { window.__lastBlob = b; return orig.call(URL, b); };
      const status = () => document.querySelector('[data-testid=shard-progress]');
      window.__query = (q) => new Promise((resolve) => {
        const box = document.querySelector('[data-testid=search]');
        const t0 = performance.now();
        let first = null;
        const check = () => {
          const s = status();
          const n = Number(s?.dataset.found || 0);
          if (s?.dataset.query === q && first === null && n > 0) first = performance.now() - t0;
          if (s?.dataset.query === q && (s.dataset.done === 'true' || s.dataset.paused === 'true')) {
            // The frame after the status changed: the list is painted.
            requestAnimationFrame(() => setTimeout(() => resolve({ first, stop: performance.now() - t0, found: Number(status().dataset.found), paused: status().dataset.paused === 'true' })));
            return;
          }
          requestAnimationFrame(check);
        };
        box.value = q;
        box.dispatchEvent(new InputEvent('input', { bubbles: true }));
        requestAnimationFrame(check);
      });
      window.__resume = (q) => new Promise((resolve) => {
        const t0 = performance.now();
        const check = () => {
          const s = status();
          if (s?.dataset.query === q && s.dataset.done === 'true') {
            requestAnimationFrame(() => setTimeout(() => resolve({ ms: performance.now() - t0, found: Number(status().dataset.found) })));
            return;
          }
          requestAnimationFrame(check);
        };
        document.querySelector('[data-testid=shard-resume]').click();
        requestAnimationFrame(check);
      });
      window.__exportIds = async () => {
        window.__lastBlob = null;
        const b = document.querySelector('[data-testid=export-json]');
        if (!b) return null;
        b.click();
        for (let i = 0; i < 100 && !window.__lastBlob; i++) await new Promise((r) => setTimeout(r, 50));
        if (!window.__lastBlob) return null;
        return JSON.parse(await window.__lastBlob.text()).results.map((r) => r.id);
      };
    });
    const m0 = server.requests.length;
    const t0 = Date.now();
    await page.goto(server.url);
    await page.waitForSelector('[data-testid=result-count]', { timeout: 60000 });
    await page.waitForFunction(settled, '', { timeout: 120000 });
    const loadMs = Date.now() - t0;
    await networkQuiet(server);
    const load = { ms: loadMs, bytes: bytes(m0), gz: gzBytes(m0), requests: server.requests.length - m0, urls: server.requests.slice(m0),
      pageBytes: pageUrls.reduce((n, u) => n + size(u), 0), pageGz: pageUrls.reduce((n, u) => n + gz(u), 0), pageRequests: pageUrls.length };
    explorer.firstLoads.push(load);
    const m1 = server.requests.length;
    const r = await page.evaluate((q) => window.__query(q), q);
    await sleep(300); // requests already in flight at the pause are counted with it
    const m2 = server.requests.length;
    const stopBytes = bytes(m1, m2);
    let resume = null;
    if (r.paused) resume = await page.evaluate((q) => window.__resume(q), q);
    const m3 = server.requests.length;
    const found = resume ? resume.found : r.found;
    let ids = await page.evaluate(() => window.__exportIds());
    const idsFrom = ids ? 'export' : 'none';
    if (!ids) ids = [];
    const count = Number(await page.locator('[data-testid=result-count]').textContent().catch(() => 'NaN'));
    const rec = {
      q, first: r.first, stop: r.stop, paused: r.paused, foundAtStop: r.found, stopBytes, stopGz: gzBytes(m1, m2), stopRequests: m2 - m1,
      complete: resume ? r.stop + resume.ms : r.stop, completeBytes: bytes(m1, m3), completeGz: gzBytes(m1, m3), completeRequests: m3 - m1,
      found, count, ids: ids.length, idsFrom, ...score(q, ids), errors: page.errors,
      // Raw bytes to the first stop by kind of file: t- text chunks, p- postings, i- id buckets, other.
      stopByKind: server.requests.slice(m1, m2).reduce((k, u) => { const m = /\/shards\/([a-z])-/.exec(u); const key = m ? m[1] : 'other'; k[key] = (k[key] || 0) + size(u); return k; }, {}),
    };
    explorer.per.push(rec);
    log(`explorer ${q}: first ${r.first?.toFixed(0)} ms, stop ${r.stop.toFixed(0)} ms (${r.paused ? 'paused' : 'done'}, ${r.found} found, ${(stopBytes / 1024).toFixed(0)} KiB), complete ${rec.complete.toFixed(0)} ms ${(rec.completeBytes / 1024).toFixed(0)} KiB, ${found} found; recall ${rec.recall} precision ${rec.precision} (${idsFrom}, ${ids.length} ids)`);
    await context.close();
  }
  await server.close();
}

// 3b. Pagefind.
const pagefind = { name: 'Pagefind', firstLoads: [], per: [] };
{
  const server = await serve(PF);
  const size = served(PF), gz = gzipped(PF);
  const bytes = (from, to = server.requests.length) => server.requests.slice(from, to).reduce((n, u) => n + size(u), 0);
  const gzBytes = (from, to = server.requests.length) => server.requests.slice(from, to).reduce((n, u) => n + gz(u), 0);
  for (const q of queries) {
    const context = await newContext();
    const page = await context.newPage();
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(String(e)));
    const m0 = server.requests.length;
    const t0 = Date.now();
    await page.goto(server.url);
    await page.evaluate(async () => { window.pf = await import('./pagefind/pagefind.js'); await window.pf.init(); });
    const loadMs = Date.now() - t0;
    await networkQuiet(server);
    const load = { ms: loadMs, bytes: bytes(m0), gz: gzBytes(m0), requests: server.requests.length - m0, urls: server.requests.slice(m0) };
    pagefind.firstLoads.push(load);
    const m1 = server.requests.length;
    const s1 = await page.evaluate(async (q) => {
      const t0 = performance.now();
      window.__res = await window.pf.search(q);
      return { search: performance.now() - t0, found: window.__res.results.length };
    }, q);
    const mS = server.requests.length;
    const s2 = await page.evaluate(async () => {
      const t0 = performance.now();
      const top = await Promise.all(window.__res.results.slice(0, 10).map((x) => x.data()));
      return { ms: performance.now() - t0, topUrls: top.map((d) => d.url) };
    });
    const r = { search: s1.search, top10: s1.search + s2.ms, found: s1.found, topUrls: s2.topUrls };
    const m2 = server.requests.length;
    const a = await page.evaluate(async () => {
      const t0 = performance.now();
      const data = await Promise.all(window.__res.results.slice(10).map((x) => x.data()));
      return { ms: performance.now() - t0, urls: data.map((d) => d.url) };
    });
    const m3 = server.requests.length;
    const idOf = (u) => decodeURIComponent(u).replace(/^.*\/a\//, '').replace(/(\.html|\/)$/, '');
    const ids = [...r.topUrls, ...a.urls].map(idOf);
    const rec = {
      q, search: r.search, top10: r.top10, all: r.top10 + a.ms, found: r.found,
      searchBytes: bytes(m1, mS), searchGz: gzBytes(m1, mS), searchRequests: mS - m1, top10Bytes: bytes(m1, m2), top10Gz: gzBytes(m1, m2), top10Requests: m2 - m1, allBytes: bytes(m1, m3), allGz: gzBytes(m1, m3), allRequests: m3 - m1,
      ids: ids.length, ...score(q, ids), errors: page.errors,
    };
    pagefind.per.push(rec);
    log(`pagefind ${q}: search ${r.search.toFixed(0)} ms, top10 ${r.top10.toFixed(0)} ms ${(rec.top10Bytes / 1024).toFixed(0)} KiB, all ${rec.all.toFixed(0)} ms ${(rec.allBytes / 1024).toFixed(0)} KiB, ${r.found} found; recall ${rec.recall} precision ${rec.precision}`);
    await context.close();
  }
  await server.close();
}
await browser.close();

// 4. Report.
const median = (xs) => { const s = xs.filter((x) => x != null && !Number.isNaN(x)).sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };
const kib = (n) => (n == null || Number.isNaN(n) ? '–' : (n / 1024).toFixed(0));
const ms = (x) => (x == null || Number.isNaN(x) ? '–' : x.toFixed(0));
const f2 = (x) => (x == null ? '–' : x.toFixed(2));
const both = (raw, gz) => `${kib(raw)} / ${kib(gz)}`;
const micro = (per) => { let tp = 0, want = 0, have = 0; for (const p of per) { tp += p.tp; want += p.want; have += p.have; } return { recall: want ? tp / want : null, precision: have ? tp / have : null, exact: per.filter((p) => p.tp === p.want && p.have === p.want).length }; };
const distSize = du(DIST), shards = du(path.join(DIST, 'shards')), pfSize = du(path.join(PF, 'pagefind'));
const pfIndex = du(path.join(PF, 'pagefind', 'index')), pfFrag = du(path.join(PF, 'pagefind', 'fragment'));
const pfUi = ['pagefind-ui.js', 'pagefind-ui.css'].reduce((n, f) => n + fs.statSync(path.join(PF, 'pagefind', f)).size, 0);
const lines = [];
const out = (s = '') => lines.push(s);
const el = explorer.firstLoads, pl = pagefind.firstLoads;
const pfBuild = fs.existsSync(path.join(PF, 'build-ms.txt')) ? `, built in ${(Number(fs.readFileSync(path.join(PF, 'build-ms.txt'), 'utf8')) / 1000).toFixed(0)} s` : '';
out(`Archive ${PAGES}, ${queries.length} queries. Explorer build ${DIST}: ${(distSize.n / 1048576).toFixed(1)} MiB in ${distSize.files} files (shards ${(shards.n / 1048576).toFixed(1)} MiB in ${shards.files}). Pagefind ${PF}/pagefind: ${(pfSize.n / 1048576).toFixed(1)} MiB in ${pfSize.files} files (index ${(pfIndex.n / 1048576).toFixed(1)} MiB in ${pfIndex.files}, fragments ${(pfFrag.n / 1048576).toFixed(1)} MiB in ${pfFrag.files}${pfBuild}).`);
out('Every query cold: a fresh browser context (no HTTP cache, no service worker). KiB: "raw / gz" = bytes of the files served (the test server sends them as they are) / what a host sending gzip -6 would send (Pagefind\'s index files are gzip already, the explorer\'s chunks are not). Counted on the server side.');
out();
out('**First load** (before the first query; median over the cold contexts):');
out();
out('| tool | what | ms | KiB raw / gz | requests |');
out('|---|---|---:|---:|---:|');
out(`| explorer (sharded) | navigation → front page listed (html, css, js, wasm with its head, the newest text chunk) + its service worker's precache | ${ms(median(el.map((l) => l.ms)))} | ${both(median(el.map((l) => l.bytes)), median(el.map((l) => l.gz)))} | ${median(el.map((l) => l.requests))} |`);
out(`| explorer (sharded) | the page's own requests only (no service-worker precache) | | ${both(median(el.map((l) => l.pageBytes)), median(el.map((l) => l.pageGz)))} | ${median(el.map((l) => l.pageRequests))} |`);
out(`| Pagefind | navigation → \`pagefind.js\` imported and \`init()\` done (no UI; Pagefind's default UI adds ${kib(pfUi)} KiB raw of pagefind-ui.js/.css) | ${ms(median(pl.map((l) => l.ms)))} | ${both(median(pl.map((l) => l.bytes)), median(pl.map((l) => l.gz)))} | ${median(pl.map((l) => l.requests))} |`);
out();
out('**Explorer (sharded), per query, cold.** ms from the `input` event to: the first result on screen; the first stop (done, or paused after its text budget: 512 KiB once it has 20 results, else 4 MiB); complete (paused + "search all" clicked at once → done). KiB fetched to the first stop and to complete.');
out();
out('| query | truth | first result ms | stop ms | stop | found at stop | KiB to stop raw / gz | complete ms | KiB to complete raw / gz | requests | found | recall | precision |');
out('|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const e of explorer.per) out(`| \`${e.q}\` | ${truth[e.q]?.length ?? '?'} | ${ms(e.first)} | ${ms(e.stop)} | ${e.paused ? 'paused' : 'done'} | ${e.foundAtStop} | ${both(e.stopBytes, e.stopGz)} | ${ms(e.complete)} | ${both(e.completeBytes, e.completeGz)} | ${e.completeRequests} | ${e.found} | ${f2(e.recall)} | ${f2(e.precision)} |`);
out();
out('**Pagefind, per query, cold** (after `init()`). ms from the `search(q)` call to: its result list (count known); the first 10 results\' `data()`; every result\'s `data()` (the ids of the whole answer). KiB fetched by `search()` alone, to the first 10, to all.');
out();
out('| query | truth | search ms | KiB search raw / gz | top-10 ms | KiB to top-10 raw / gz | all ms | KiB to all raw / gz | requests | found | recall | precision |');
out('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const p of pagefind.per) out(`| \`${p.q}\` | ${truth[p.q]?.length ?? '?'} | ${ms(p.search)} | ${both(p.searchBytes, p.searchGz)} | ${ms(p.top10)} | ${both(p.top10Bytes, p.top10Gz)} | ${ms(p.all)} | ${both(p.allBytes, p.allGz)} | ${p.allRequests} | ${p.found} | ${f2(p.recall)} | ${f2(p.precision)} |`);
const me = micro(explorer.per), mp = micro(pagefind.per);
out();
out('**Summary** (recall/precision micro-averaged over the queries; medians over queries; "first view" = explorer first stop / Pagefind top 10; "whole answer" = explorer complete / Pagefind all data()):');
out();
out('| tool | recall | precision | exact answers | first view ms (median) | whole answer ms (median) | KiB first view raw / gz (median) | KiB whole answer raw / gz (median) | KiB whole answer raw / gz (sum over queries) |');
out('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
out(`| explorer (sharded) | ${f2(me.recall)} | ${f2(me.precision)} | ${me.exact}/${queries.length} | ${ms(median(explorer.per.map((e) => e.stop)))} | ${ms(median(explorer.per.map((e) => e.complete)))} | ${both(median(explorer.per.map((e) => e.stopBytes)), median(explorer.per.map((e) => e.stopGz)))} | ${both(median(explorer.per.map((e) => e.completeBytes)), median(explorer.per.map((e) => e.completeGz)))} | ${both(explorer.per.reduce((n, e) => n + e.completeBytes, 0), explorer.per.reduce((n, e) => n + e.completeGz, 0))} |`);
out(`| Pagefind | ${f2(mp.recall)} | ${f2(mp.precision)} | ${mp.exact}/${queries.length} | ${ms(median(pagefind.per.map((p) => p.top10)))} | ${ms(median(pagefind.per.map((p) => p.all)))} | ${both(median(pagefind.per.map((p) => p.top10Bytes)), median(pagefind.per.map((p) => p.top10Gz)))} | ${both(median(pagefind.per.map((p) => p.allBytes)), median(pagefind.per.map((p) => p.allGz)))} | ${both(pagefind.per.reduce((n, p) => n + p.allBytes, 0), pagefind.per.reduce((n, p) => n + p.allGz, 0))} |`);
const errs = [...explorer.per, ...pagefind.per].filter((r) => r.errors.length);
if (errs.length) { out(); out(`Page errors: ${errs.map((r) => `${r.q}: ${r.errors.join('; ')}`).join(' · ')}`); }
const md = lines.join('\n');
console.log(md);
if (opt('out')) fs.writeFileSync(opt('out'), md + '\n');
if (opt('json')) fs.writeFileSync(opt('json'), JSON.stringify({ dist: DIST, pages: PAGES, pagefind: PF, queries, truthSizes: Object.fromEntries(queries.map((q) => [q, truth[q]?.length])), explorer, pagefind: pagefind }, null, 2));
fs.rmSync(tmp, { recursive: true, force: true });
