// Foundation smoke test: the release build loads, lists the archive, and filters as you type.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage, ready, search, count, artifact } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the app renders the archive and a Chinese query narrows the list', async () => {
  const page = await newPage(browser);
  await page.goto(server.url);
  await ready(page);
  const all = await count(page);
  assert.equal(all, 8, 'the seed page has eight articles');
  assert.equal(await page.locator('[data-testid=result]').count(), 8);
  await search(page, '元宵');
  await page.waitForFunction(() => document.querySelector('[data-testid=result-count]').textContent !== '8');
  const n = await count(page);
  assert.ok(n > 0 && n < all, `元宵 narrows the list (got ${n})`);
  assert.equal(await page.locator('[data-testid=result]').count(), n);
  assert.ok(await page.locator('[data-testid=result] mark').count() > 0, 'matches are marked');
  await page.screenshot({ path: artifact('smoke.png') });
  assert.deepEqual(page.errors, []);
});
