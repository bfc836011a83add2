// The results features of issue 14 on the multi-edition fixture (tests/fixtures/editions: three
// editions of a made-up paper over two years), at 1366 px and 390 px: the heading, the filter
// chips and the phone drawer, a click anywhere on a card, and the no-results help. Expected
// answers come from the command-line tool over the same folder. Run by scripts/test.sh:
//   ARCHIVE_SEEDS=$PWD/tests/fixtures/editions trunk build --release --dist target/editions-dist
//   EDITIONS_DIST=../../target/editions-dist node --test results_fixture.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, newPage, ready, search, count, resultIds, ROOT } from './harness.mjs';

const dist = process.env.EDITIONS_DIST ? path.resolve(process.env.EDITIONS_DIST) : null;
const skip = !dist && 'set EDITIONS_DIST to a build of tests/fixtures/editions';
const FIXTURE = path.join(ROOT, 'tests/fixtures/editions');
let server, browser;
before(async () => { if (dist) { server = await serve(dist); browser = await launch(); } });
after(async () => { await browser?.close(); await server?.close(); });

function cli(...args) {
  const bin = [process.env.ARCHIVE_CLI, path.join(ROOT, 'target/release/archive'), path.join(ROOT, 'target/debug/archive')]
    .find((p) => p && fs.existsSync(p));
  assert.ok(bin, 'the archive CLI is built');
  return JSON.parse(execFileSync(bin, [...args, FIXTURE], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
}
const waitCount = (page, n) => page.waitForFunction((n) => document.querySelector('[data-testid=result-count]')?.textContent === String(n), n);

for (const viewport of [{ width: 1366, height: 860 }, { width: 390, height: 844 }]) {
  const phone = viewport.width <= 600;
  test(`fixture ${viewport.width}px: heading, an author chip, a click on the card, no results`, { skip }, async () => {
    const page = await newPage(browser, { viewport, locale: 'zh-CN', isMobile: phone, hasTouch: phone });
    await page.goto(server.url);
    await ready(page);
    const want = cli('search', '清河');
    assert.ok(want.length >= 2, 'the fixture has several hits');
    await search(page, '清河');
    await waitCount(page, want.length);
    const hits = want.reduce((n, h) => n + h.count, 0);
    assert.equal(await page.locator('[data-testid=results-heading]').textContent(), `${want.length} 篇 · ${hits} 处 · 清河`);
    // The author facet, through the drawer on a phone; its chip removes it.
    const byAuthor = cli('parse').articles.filter((a) => want.some((h) => h.id === a.id) && a.authors.some((x) => x.name === '方晓岚'));
    assert.ok(byAuthor.length > 0 && byAuthor.length < want.length);
    if (phone) {
      assert.equal(await page.locator('.facets').isVisible(), false, 'filters in a drawer');
      await page.locator('[data-testid=filters-toggle]').click();
    }
    await page.locator('.facets label', { hasText: '方晓岚' }).first().click();
    if (phone) await page.keyboard.press('Escape');
    await waitCount(page, byAuthor.length);
    assert.deepEqual((await resultIds(page)).sort(), byAuthor.map((a) => a.id).sort());
    assert.equal(await page.locator('[data-testid=filters-toggle]').textContent(), '筛选 (1)');
    const chip = page.locator('[data-testid=active-filter]');
    assert.deepEqual(await chip.allTextContents(), ['方晓岚 ×']);
    await chip.click();
    await waitCount(page, want.length);
    // A click on the card's text (not its title) opens the article.
    const card = page.locator('[data-testid=result]').first();
    const id = await card.getAttribute('data-article-id');
    await card.locator('.snippet, p').first().click();
    const reader = page.locator('[data-testid=reader]');
    await reader.waitFor();
    assert.equal(await reader.getAttribute('data-article-id'), id);
    // Nothing found: what was searched, export disabled, the reader cleared.
    await page.keyboard.press('Escape');
    await search(page, '黄浦江畔');
    await waitCount(page, 0);
    assert.match(await page.locator('[data-testid=no-results]').textContent(), /没有找到含“黄浦江畔”的文章/);
    assert.equal(await page.locator('[data-testid=export-csv]').isDisabled(), true);
    assert.equal(await count(page), 0);
    assert.deepEqual(page.errors, []);
  });
}
