// Clear results, the phone layout, keyboard and sharing (issue #14), on the seed, at 1366 px and
// 390 px. Counts come from the CLI (the same search natively), not from the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, newPage, ready, search, count, resultIds, ROOT } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const DESKTOP = { width: 1366, height: 860 };
const PHONE = { width: 390, height: 844 };

function cli(q) {
  const candidates = [process.env.ARCHIVE_CLI, path.join(ROOT, 'target/release/archive'), path.join(ROOT, 'target/debug/archive')];
  const bin = candidates.find((p) => p && fs.existsSync(p));
  assert.ok(bin, 'the archive CLI is built');
  return JSON.parse(execFileSync(bin, ['search', q, path.join(ROOT, 'seeds')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
}

const waitCount = (page, n) => page.waitForFunction((n) => document.querySelector('[data-testid=result-count]')?.textContent === String(n), n);

async function open(hash = '', opts = {}) {
  const phone = opts.viewport === PHONE;
  const page = await newPage(browser, { viewport: DESKTOP, locale: 'zh-CN', isMobile: phone, hasTouch: phone, ...opts });
  await page.goto(server.url + hash);
  await ready(page);
  return page;
}

const heading = (page) => page.locator('[data-testid=results-heading]').textContent();
const hash = (page) => page.evaluate(() => decodeURIComponent(location.hash));

for (const viewport of [DESKTOP, PHONE]) {
  const w = viewport.width;

  test(`${w}px: the heading says what matched; chips remove their filter`, async () => {
    const page = await open('#q=zjd&kind=news&from=2020-02-06&to=2020-02-11', { viewport });
    const want = cli('zjd kind:news date:2020-02-06..2020-02-11');
    await waitCount(page, want.length);
    const hits = want.reduce((s, h) => s + h.count, 0);
    assert.equal(await heading(page), `${want.length} 篇 · ${hits} 处 · zjd → 张建党（拼音匹配）`);
    const chips = page.locator('[data-testid=active-filter]');
    assert.deepEqual(await chips.allTextContents(), ['2月6–11日 ×', '消息 ×']);
    assert.equal(await page.locator('[data-testid=filters-toggle]').textContent(), '筛选 (2)');
    await chips.filter({ hasText: '消息' }).click();
    await waitCount(page, cli('zjd date:2020-02-06..2020-02-11').length);
    assert.ok(!(await hash(page)).includes('kind='));
    await page.locator('[data-testid=active-filter]').click();
    await waitCount(page, cli('zjd').length);
    assert.equal(await chips.count(), 0);
    assert.equal(await page.locator('[data-testid=filters-toggle]').textContent(), '筛选 (0)');
    // English, with plurals.
    await page.locator(w > 600 ? '[data-testid=lang-toggle]' : '[data-testid=settings-toggle]').click();
    if (w <= 600) await page.locator('[data-testid=lang-toggle]').click();
    await search(page, '不造谣');
    await waitCount(page, 1);
    assert.equal(await heading(page), `1 article · ${cli('不造谣')[0].count} hits · 不造谣`);
    await search(page, 'zhangjiandang');
    const z = cli('zhangjiandang');
    await waitCount(page, z.length);
    assert.equal(await heading(page), `${z.length} articles · ${z.reduce((s, h) => s + h.count, 0)} hits · zhangjiandang → 张建党 (pinyin match)`);
    assert.deepEqual(page.errors, []);
  });

  test(`${w}px: a click anywhere on a card opens it; focus and announcements follow`, async () => {
    const page = await open('', { viewport });
    await search(page, '口罩');
    const want = cli('口罩');
    await waitCount(page, want.length);
    // The snippet, not the title.
    await page.locator('[data-testid=result]').nth(1).locator('[data-testid=snippet]').first().click();
    const reader = page.locator('[data-testid=reader]');
    await reader.waitFor();
    assert.equal(await reader.getAttribute('data-article-id'), want[1].id);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'reader-title');
    const title = await page.locator('#reader-title').textContent();
    assert.equal(await page.locator('[data-testid=reader-announce]').textContent(), `已打开：${title}`);
    assert.equal(await page.locator('[data-testid=hit-announce]').textContent(), `第 1 处，共 ${want[1].count} 处`);
    await page.locator('[data-testid=next-hit]').click();
    assert.equal(await page.locator('[data-testid=hit-announce]').textContent(), `第 2 处，共 ${want[1].count} 处`);
    // "Why" in words before numbers.
    if (w > 600) {
      const words = await page.locator('[data-testid=result]').first().locator('[data-testid=why-words]').textContent();
      assert.match(words, /^(标题命中 · )?正文 \d+ 处/);
    }
    assert.deepEqual(page.errors, []);
  });

  test(`${w}px: no results say what was searched, drop filters, suggest terms; the reader clears`, async () => {
    const page = await open('#q=%E5%8F%A3%E7%BD%A9&kind=photo', { viewport });
    await waitCount(page, cli('口罩 kind:photo').length);
    await search(page, '张建党同志来了');
    await waitCount(page, 0);
    const none = page.locator('[data-testid=no-results]');
    assert.match(await none.textContent(), /没有找到含“张建党同志来了”的文章/);
    for (const id of ['export-csv', 'export-json', 'export-md']) {
      assert.equal(await page.locator(`[data-testid=${id}]`).isDisabled(), true, id);
    }
    const sug = page.locator('[data-testid=suggestion]');
    const first = await sug.first().textContent();
    assert.ok('张建党同志来了'.includes(first) && first.length >= 2, first);
    await page.locator('[data-testid=drop-filters]').click();
    assert.equal(await page.locator('[data-testid=active-filter]').count(), 0);
    await sug.first().click();
    await waitCount(page, cli(first).length);
    assert.equal(await page.locator('[data-testid=search]').inputValue(), first);
    // An open article clears when nothing matches.
    await page.locator('[data-testid=result] a.result-link').first().click();
    await page.locator('[data-testid=reader]').waitFor();
    await search(page, 'coronavirus');
    await waitCount(page, 0);
    assert.equal(await page.locator('[data-testid=reader]').count(), 0);
    assert.match(await page.locator('[data-testid=latin-note]').textContent(), /中文.*拼音/);
    assert.deepEqual(page.errors, []);
  });
}

test('1366px: an underlined name filters by it; a legend names the colours', async () => {
  const page = await open('#q=%E5%BC%A0%E5%BB%BA%E5%85%9A');
  await page.locator('[data-testid=result] a.result-link').first().click();
  await page.locator('[data-testid=entities-toggle]').click();
  const legend = page.locator('[data-testid=legend]');
  assert.match(await legend.textContent(), /人物.*地点.*机构/);
  const mention = page.locator('[data-testid=reader] [data-testid=entity-mention]').first();
  const name = await mention.getAttribute('data-entity');
  await mention.click();
  await page.waitForFunction((n) => decodeURIComponent(location.hash).includes(`ent=${n}`), name);
  assert.ok((await page.locator('[data-testid=active-filter]').allTextContents()).includes(`${name} ×`));
  assert.equal(await page.locator(`[data-testid=facet-entity][data-name="${name}"]`).isChecked(), true);
  assert.deepEqual(page.errors, []);
});

test('1366px: a date range with the keyboard alone', async () => {
  const page = await open();
  await page.locator('[data-testid=date-from]').focus();
  await page.keyboard.type('02062020');
  await page.locator('[data-testid=date-to]').focus();
  await page.keyboard.type('02082020');
  await page.keyboard.press('Tab');
  const want = cli('date:2020-02-06..2020-02-08');
  await waitCount(page, want.length);
  assert.deepEqual(await resultIds(page), want.map((h) => h.id));
  assert.deepEqual(await page.locator('[data-testid=active-filter]').allTextContents(), ['2月6–8日 ×']);
  assert.deepEqual(page.errors, []);
});

test('1366px: copy link copies the view; without a clipboard the link is offered to copy by hand', async () => {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(`${server.url}#q=%E5%BC%A0%E5%BB%BA%E5%85%9A&kind=news`);
  await ready(page);
  await page.locator('[data-testid=copy-link]').click();
  await page.locator('[data-testid=link-copied]').waitFor();
  assert.equal(await page.locator('[data-testid=link-copied]').textContent(), '已复制');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
  await context.close();
  // Refused.
  const page2 = await open('#q=zjd');
  await page2.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new Error('no')); });
  await page2.locator('[data-testid=copy-link]').click();
  const field = page2.locator('[data-testid=link-field]');
  await field.waitFor();
  assert.equal(await field.inputValue(), page2.url());
  assert.equal(await page2.evaluate(() => document.activeElement?.dataset.testid), 'link-field');
});

test('1366px: exports carry links, the query and filters, and are named after the query', async () => {
  const page = await open('#q=%E5%BC%A0%E5%BB%BA%E5%85%9A&kind=news');
  const want = cli('张建党 kind:news');
  await waitCount(page, want.length);
  const [csvDl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-csv]').click()]);
  assert.equal(csvDl.suggestedFilename(), 'archive-results-张建党.csv');
  const csv = fs.readFileSync(await csvDl.path(), 'utf8');
  const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
  assert.equal(lines[0], 'id,date,kind,headline,authors,hits,source,snippet,link,query,filters');
  assert.equal(lines.length, want.length + 1);
  const [jsonDl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-json]').click()]);
  assert.equal(jsonDl.suggestedFilename(), 'archive-results-张建党.json');
  const json = JSON.parse(fs.readFileSync(await jsonDl.path(), 'utf8'));
  assert.equal(json.query, '张建党');
  assert.equal(json.filters, 'kind:news');
  assert.deepEqual(json.results.map((r) => r.id), want.map((h) => h.id));
  // Each row's link opens its article with the query.
  const row = json.results[1];
  const p2 = await newPage(browser, { viewport: DESKTOP, locale: 'zh-CN' });
  await p2.goto(row.link);
  await ready(p2);
  assert.equal(await p2.locator('[data-testid=reader]').getAttribute('data-article-id'), row.id);
  assert.equal(await p2.locator('[data-testid=search]').inputValue(), '张建党');
  assert.ok(csv.includes(`"${row.link}","张建党","kind:news"`));
});

test('English is picked for non-Chinese browsers; a stored choice wins; English names and citations', async () => {
  const page = await open('', { locale: 'en-US' });
  await page.locator('[data-testid=names-toggle]').click();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  const zjd = page.locator('[data-testid=entity][data-name=张建党] [data-testid=entity-pinyin]');
  assert.equal(await zjd.textContent(), 'Zhang Jiandang');
  await page.goto(`${server.url}#q=%E4%B8%8D%E9%80%A0%E8%B0%A3&a=2020-02-04-sfqqfwjzscfkyq`);
  await page.reload();
  await ready(page);
  const cite = await page.locator('[data-testid=citation-plain]').textContent();
  assert.match(cite, /“.+\.” .+, 4 February 2020(, p\. \S+)?\. http/);
  assert.ok(!cite.includes('《'));
  // A stored choice wins over the browser's languages.
  const zh = await newPage(browser, { locale: 'en-US' });
  await zh.addInitScript(() => localStorage.setItem('archive-explorer.lang', 'zh'));
  await zh.goto(server.url);
  await ready(zh);
  assert.equal(await zh.evaluate(() => document.documentElement.lang), 'zh-CN');
  const zhBrowser = await open('', { locale: 'zh-CN' });
  assert.equal(await zhBrowser.evaluate(() => document.documentElement.lang), 'zh-CN');
});

test('390px: results first, filters in a drawer, a compact header; Esc closes one layer at a time', async () => {
  const page = await open('', { viewport: PHONE });
  const header = await page.locator('header.top').boundingBox();
  assert.ok(header.height <= 60, `header ${header.height}px`);
  assert.equal(await page.locator('.facets').isVisible(), false, 'filters hidden');
  const first = await page.locator('[data-testid=result]').first().boundingBox();
  assert.ok(first.y < 200, `first result at ${first.y}`);
  assert.equal(await page.locator('[data-testid=theme]').isVisible(), false, 'settings in a menu');
  assert.match(await page.locator('.phone-count').textContent(), /^8 篇$/);
  const toggle = await page.locator('[data-testid=filters-toggle]').boundingBox();
  const box = await page.locator('[data-testid=search]').boundingBox();
  assert.ok(Math.abs(toggle.y - box.y) < 20, 'the toggle sits beside the search box');
  // Open an article, then the drawer, then help: Esc closes them in reverse.
  await page.locator('[data-testid=result]').first().click();
  await page.locator('[data-testid=reader]').waitFor();
  await page.locator('[data-testid=filters-toggle]').click();
  assert.equal(await page.locator('.facets').isVisible(), true);
  await page.keyboard.press('?');
  await page.locator('[data-testid=help]').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('[data-testid=help]').waitFor({ state: 'detached' });
  assert.equal(await page.locator('.facets').isVisible(), true, 'the drawer stays');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('.facets')?.checkVisibility());
  assert.equal(await page.locator('[data-testid=reader]').count(), 1, 'the reader stays');
  await page.keyboard.press('Escape');
  await page.locator('[data-testid=reader]').waitFor({ state: 'detached' });
  assert.deepEqual(page.errors, []);
});

test('390px: the hit navigation stays visible; back keeps the list where it was; the names index opens in view', async () => {
  const page = await open('', { viewport: PHONE });
  await search(page, '疫情');
  await waitCount(page, cli('疫情').length);
  await page.evaluate(() => window.scrollTo(0, 600));
  await page.waitForTimeout(100);
  const y = await page.evaluate(() => window.scrollY);
  assert.ok(y > 300, `scrolled ${y}`);
  const card = page.locator('[data-testid=result]').filter({ has: page.locator('.title') });
  const visible = await card.evaluateAll((els) => els.findIndex((e) => e.getBoundingClientRect().top > 80));
  await card.nth(visible).locator('.meta').click();
  await page.locator('[data-testid=reader]').waitFor();
  // Scroll the text: the hit navigation stays on screen.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForTimeout(100);
  const nav = await page.locator('[data-testid=next-hit]').boundingBox();
  assert.ok(nav && nav.y >= 0 && nav.y < 80, `next-hit at ${nav?.y}`);
  await page.locator('[data-testid=close-reader]').click();
  await page.locator('[data-testid=reader]').waitFor({ state: 'detached' });
  await page.waitForTimeout(100);
  const back = await page.evaluate(() => window.scrollY);
  assert.ok(Math.abs(back - y) < 5, `back at ${back}, was ${y}`);
  // The index of names from the settings menu: on screen.
  await page.locator('[data-testid=settings-toggle]').click();
  await page.locator('[data-testid=names-toggle]').click();
  const names = await page.locator('[data-testid=names-index] h2').boundingBox();
  assert.ok(names.y >= 0 && names.y < PHONE.height, `names heading at ${names.y}`);
  assert.deepEqual(page.errors, []);
});

test('1366px: facet lists of more than ten show ten and a "more" toggle', async () => {
  const page = await open();
  const section = page.locator('.facets section.facet').filter({ has: page.locator('[data-testid=facet-more]') }).first();
  const more = section.locator('[data-testid=facet-more]');
  assert.equal(await section.locator('li').count(), 10);
  const rest = Number((await more.textContent()).match(/^更多 \((\d+)\)$/)[1]);
  assert.ok(rest > 0);
  await more.click();
  assert.equal(await section.locator('li').count(), 10 + rest);
  assert.equal(await more.textContent(), '收起');
  await more.click();
  assert.equal(await section.locator('li').count(), 10);
});
