// Shared helpers for the browser tests: a static server for dist/ and headless Chromium.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..', '..');
export const DIST = process.env.DIST ? path.resolve(process.env.DIST) : path.join(ROOT, 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8', '.ico': 'image/x-icon',
};

/** Serves `dir` on 127.0.0.1 under `prefix` (e.g. '/' or '/some/sub/path/'). */
export async function serve(dir = DIST, prefix = '/') {
  const state = { dir, requests: [] };
  const server = http.createServer((req, res) => {
    state.requests.push(req.url);
    dir = state.dir;
    const url = new URL(req.url, 'http://x');
    let p = decodeURIComponent(url.pathname);
    if (!p.startsWith(prefix)) { res.writeHead(404); res.end('outside prefix'); return; }
    p = p.slice(prefix.length);
    if (p === '' || p.endsWith('/')) p += 'index.html';
    const file = path.join(dir, p);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404); res.end('not found'); return;
    }
    const headers = { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' };
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    origin: `http://127.0.0.1:${port}`,
    /** Serve another directory from now on (a new deploy). */
    setDir: (d) => { state.dir = d; },
    requests: state.requests,
    close: () => { server.closeAllConnections?.(); return new Promise((r) => server.close(r)); },
  };
}

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** Launches headless Chromium quietly (no background network on the closed network). */
export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** A new page that records console errors and page errors in `page.errors`. */
export async function newPage(browser, opts = {}) {
  // A Chinese browser unless a test says otherwise (the interface follows navigator.languages).
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', ...opts });
  const page = await context.newPage();
  page.errors = [];
  // Collect Content-Security-Policy violations (they must never happen).
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.cspViolations = () => page.evaluate(() => window.__csp || []);
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  page.on('pageerror', (e) => page.errors.push(String(e)));
  return page;
}

/** Waits until the app has rendered its result count. */
export async function ready(page) {
  await page.waitForSelector('[data-testid=result-count]', { timeout: 30000 });
}

/** Replaces the search box's text as a user would (select all, type). */
export async function search(page, text) {
  const box = page.locator('[data-testid=search]');
  await box.fill('');
  await box.fill(text);
}

export async function count(page) {
  return Number(await page.locator('[data-testid=result-count]').textContent());
}

/**
 * Waits until a new list's rows beyond the view are drawn: its first frame draws only the rows
 * in view, the rest follow in a task after that frame is painted (`ui::browser::after_paint`,
 * queued by the render that drew the first frame, so before this page's frame callback).
 * Twice: a first frame with too few rows to fill the view draws the rest of it first.
 */
export async function settled(page) {
  for (let i = 0; i < 2; i++) await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
}

/** The article ids of the rows drawn, once the list is settled. */
export async function resultIds(page) {
  await settled(page);
  return page.locator('[data-testid=result]').evaluateAll((els) => els.map((e) => e.dataset.articleId));
}

export const ARTIFACTS = path.join(here, 'artifacts');
export function artifact(name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}
export const tmpdir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'archive-browser-'));

/**
 * The memory of the browser's renderer processes started by this script (Playwright starts
 * Chromium as a child), in MiB: RSS (shared libraries counted in each process) and private
 * memory (USS: Private_Clean + Private_Dirty of /proc/PID/smaps_rollup), what the tab costs
 * beyond the shared libraries. For benchmarks.
 */
export function tabMemory() {
  const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss=,args=']).toString().trim().split('\n')
    .map((l) => { const m = l.trim().match(/^(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/); return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4]] : null; })
    .filter(Boolean);
  const kids = new Set([process.pid]);
  let grew = true;
  while (grew) { grew = false; for (const [p, pp] of out) if (kids.has(pp) && !kids.has(p)) { kids.add(p); grew = true; } }
  const renderers = out.filter(([p, , , a]) => kids.has(p) && a.includes('--type=renderer'));
  let kb = 0;
  for (const [p] of renderers) {
    try {
      const t = fs.readFileSync(`/proc/${p}/smaps_rollup`, 'utf8');
      for (const m of t.matchAll(/^Private_(?:Clean|Dirty):\s+(\d+) kB/gm)) kb += Number(m[1]);
    } catch { /* gone */ }
  }
  return { rss: renderers.reduce((n, [, , r]) => n + r, 0) / 1024, uss: kb / 1024 };
}
