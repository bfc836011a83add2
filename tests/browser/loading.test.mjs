// Before the wasm runs, index.html shows a loading placeholder (never a blank page); once the app
// mounts it is gone; if the wasm cannot load, the placeholder turns into a clear message that
// points to the offline file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage, ready } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a loading placeholder shows until the app mounts', async () => {
  const page = await newPage(browser);
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(server.url, { waitUntil: 'domcontentloaded' });
  const loading = page.locator('[data-testid=loading]');
  await loading.waitFor({ state: 'visible' });
  assert.match(await loading.innerText(), /正在载入档案/);
  assert.equal(await page.locator('.app').count(), 0, 'the app has not mounted yet');
  release();
  await ready(page);
  await loading.waitFor({ state: 'hidden' });
  assert.deepEqual(page.errors, []);
});

test('a wasm that cannot load gives a message pointing to the offline file', async () => {
  const page = await newPage(browser);
  await page.route(/\.wasm$/, (route) => route.abort('failed'));
  await page.goto(server.url, { waitUntil: 'domcontentloaded' });
  const failed = page.locator('[data-testid=loading].failed .loading-failed');
  await failed.waitFor({ state: 'visible', timeout: 15000 });
  assert.match(await failed.innerText(), /档案未能载入/);
  assert.equal(await failed.locator('a[href="archive-explorer.html"]').count(), 2);
  assert.equal(await page.locator('.loading-msg').isVisible(), false);
});
