// Column tags (`新语` from `夜读的灯光（新语）` in tests/fixtures/indented.txt) are searchable, and
// shown highlighted in the result card and in the reader's headline block. The seed page has no
// column tag, so this runs on a build of the fixtures, and is skipped without one:
//   ARCHIVE_SEEDS=$PWD/tests/fixtures trunk build --release --dist /tmp/fixture-dist
//   FIXTURE_DIST=/tmp/fixture-dist node --test tests/browser/columns.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, newPage, ready, search } from './harness.mjs';

const dist = process.env.FIXTURE_DIST ? path.resolve(process.env.FIXTURE_DIST) : null;
let server, browser;
before(async () => { if (dist) { server = await serve(dist); browser = await launch(); } });
after(async () => { await browser?.close(); await server?.close(); });

test('a column tag is found, marked in the result card and in the reader', { skip: !dist && 'set FIXTURE_DIST to a build of tests/fixtures' }, async () => {
  const page = await newPage(browser);
  await page.goto(server.url);
  await ready(page);
  await search(page, '新语');
  await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent === '1');
  const card = page.locator('[data-testid=result]');
  assert.deepEqual(await card.locator('[data-testid=column]').allTextContents(), ['新语']);
  assert.deepEqual(await card.locator('[data-testid=column] mark').allTextContents(), ['新语']);
  await card.locator('a.result-link').click();
  const reader = page.locator('[data-testid=reader]');
  await reader.waitFor();
  assert.deepEqual(await reader.locator('.headline [data-testid=column] mark').allTextContents(), ['新语']);
  // The hit counter counts the column's match, and it is the current mark.
  assert.equal(await page.locator('[data-testid=hit-counter]').textContent(), '1 / 1');
  assert.equal(await reader.locator('[data-testid=column] mark.current').getAttribute('data-hit'), '0');
  assert.deepEqual(page.errors, []);
});
