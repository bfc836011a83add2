// The three ways of use: under a GitHub Pages-like sub-path, offline through the service
// worker (and replaced as a whole by a new deploy), and as one HTML file from file://.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, newPage, ready, search, count, DIST, ROOT, tmpdir, artifact } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const waitCount = (page, n) => page.waitForFunction((n) => document.querySelector('[data-testid=result-count]')?.textContent === String(n), n);
const buildId = (page) => page.evaluate(() => document.querySelector('meta[name=archive-build]')?.content);

function copyDist() {
  const dir = tmpdir();
  fs.cpSync(DIST, dir, { recursive: true });
  return dir;
}

test('the release build works under a sub-path and restores a deep link', async () => {
  const server = await serve(DIST, '/some/sub/path/');
  try {
    const page = await newPage(browser);
    const foreign = [];
    page.on('request', (r) => { if (!r.url().startsWith(server.origin) && !/^(data|blob):/.test(r.url())) foreign.push(r.url()); });
    await page.goto(server.url);
    await ready(page);
    assert.equal(await count(page), 8);
    await search(page, '张建党');
    await waitCount(page, 5);
    await page.goto(`${server.url}#q=%E5%85%83%E5%AE%B5&a=2020-02-08-ylczjdyxjwwzyyxg&hit=2`);
    // Reloaded once the page has followed the link, as a reader would (in one loaded CI run the
    // reload right after the same-document navigation came back with the query before it).
    await page.waitForFunction(() => document.querySelector('[data-testid=search]')?.value === '元宵');
    await page.reload();
    await ready(page);
    assert.equal(await page.locator('[data-testid=search]').inputValue(), '元宵');
    assert.equal(await page.locator('[data-testid=reader]').getAttribute('data-article-id'), '2020-02-08-ylczjdyxjwwzyyxg');
    assert.match(await page.locator('[data-testid=hit-counter]').textContent(), /^2 \/ \d+$/);
    assert.ok(server.requests.every((u) => u.startsWith('/some/sub/path/')), server.requests.join(' '));
    assert.deepEqual(foreign, [], 'no third-party requests');
    assert.deepEqual(await page.cspViolations(), []);
    assert.deepEqual(page.errors, []);
  } finally {
    await server.close();
  }
});

test('after one visit the service worker serves the app offline; a new deploy replaces it as a whole', async () => {
  const first = copyDist();
  const second = copyDist();
  execFileSync('node', [path.join(ROOT, 'scripts/postbuild.mjs'), second, '--build-id', 'second-deploy'], { stdio: 'ignore' });
  const server = await serve(first, '/app/');
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.errors = [];
    page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
    await page.goto(server.url);
    await ready(page);
    const v1 = await buildId(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    // Offline: the whole app comes from the cache and still searches.
    await context.setOffline(true);
    await page.reload();
    await ready(page);
    assert.equal(await buildId(page), v1);
    await search(page, '不造谣');
    await waitCount(page, 1);
    await page.goto(`${server.url}#q=%E5%BC%A0%E5%BB%BA%E5%85%9A`);
    await waitCount(page, 5);
    // A new deploy: the page keeps running the old version until the reader accepts the new one.
    await context.setOffline(false);
    server.setDir(second);
    await page.reload();
    await ready(page);
    assert.equal(await buildId(page), v1, 'still the old version, from the old cache');
    await page.locator('[data-testid=update-ready]').waitFor({ timeout: 30000 });
    await Promise.all([page.waitForEvent('load'), page.locator('[data-testid=update-reload]').click()]);
    await ready(page);
    assert.equal(await buildId(page), 'second-deploy');
    const caches = await page.evaluate(() => caches.keys());
    assert.deepEqual(caches, ['archive-explorer-second-deploy'], 'the old cache is gone');
    await context.setOffline(true);
    await page.reload();
    await ready(page);
    assert.equal(await buildId(page), 'second-deploy');
    assert.deepEqual(page.errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('the single HTML file works from file:// with no network', async () => {
  const dir = tmpdir();
  const file = path.join(dir, 'archive-explorer.html');
  fs.copyFileSync(path.join(DIST, 'archive-explorer.html'), file);
  const page = await newPage(browser, { offline: true });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const url = `file://${file}`;
  await page.goto(url);
  await ready(page);
  assert.equal(await count(page), 8);
  await search(page, '不造谣');
  await waitCount(page, 1);
  assert.deepEqual(await page.locator('[data-testid=result] mark').allTextContents(), ['不造谣', '不造谣']);
  await search(page, '張建黨');
  await waitCount(page, 5);
  const marks = await page.locator('[data-testid=result] mark').allTextContents();
  assert.ok(marks.length > 0 && marks.every((m) => m === '张建党'), JSON.stringify(marks));
  assert.equal(await page.locator('[data-testid=offline-download]').count(), 0, 'no download link inside the download');
  await page.goto(`${url}#q=zjd&a=2020-02-11-zjdzczkxmjstjh&hit=2`);
  await page.reload();
  await ready(page);
  assert.equal(await page.locator('[data-testid=reader]').getAttribute('data-article-id'), '2020-02-11-zjdzczkxmjstjh');
  assert.match(await page.locator('[data-testid=hit-counter]').textContent(), /^2 \/ \d+$/);
  assert.ok(await page.locator('[data-testid=reader] mark.current').count() === 1);
  await page.screenshot({ path: artifact('single-file.png') });
  assert.deepEqual(requests.filter((u) => !/^(file|data|blob):/.test(u)), [], 'no network requests');
  assert.deepEqual(await page.cspViolations(), []);
  assert.deepEqual(page.errors, []);
});

test('the service worker never answers archive-explorer.html with the app shell; offline its link is hidden', async () => {
  const server = await serve(copyDist(), '/app/');
  const context = await browser.newContext({ locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await ready(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    assert.equal(await page.locator('[data-testid=offline-download]').isVisible(), true);
    assert.equal(await page.locator('[data-testid=offline-unavailable]').isVisible(), false);
    // Online, under the worker: the single file itself, not index.html.
    const single = await context.newPage();
    await single.goto(`${server.url}archive-explorer.html`);
    await ready(single);
    assert.equal(await single.evaluate(() => document.documentElement.hasAttribute('data-single-file')), true);
    assert.equal(await single.locator('[data-testid=offline-download]').count(), 0);
    await single.close();
    // Offline: the link gives way to a note.
    await context.setOffline(true);
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-offline'));
    assert.equal(await page.locator('[data-testid=offline-download]').isVisible(), false);
    assert.equal(await page.locator('[data-testid=offline-unavailable]').isVisible(), true);
    await page.reload();
    await ready(page);
    assert.equal(await page.locator('[data-testid=offline-download]').isVisible(), false);
    await context.setOffline(false);
    await page.waitForFunction(() => !document.documentElement.hasAttribute('data-offline'));
    assert.equal(await page.locator('[data-testid=offline-download]').isVisible(), true);
  } finally {
    await context.close();
    await server.close();
  }
});
