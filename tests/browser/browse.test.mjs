// Browsing like a newspaper: the archive summary, calendar → edition → page, previous / next,
// links and Back, the reader's "show on the page", and the order of an empty query. On the seed
// (one undated page) and, with EDITIONS_DIST, on a build of tests/fixtures/editions (three
// editions of a made-up paper over two years), at desktop and phone widths:
//   ARCHIVE_SEEDS=$PWD/tests/fixtures/editions trunk build --release --dist target/editions-dist
//   EDITIONS_DIST=../../target/editions-dist node --test browse.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, newPage, ready, count, DIST } from './harness.mjs';

const fixtureDist = process.env.EDITIONS_DIST ? path.resolve(process.env.EDITIONS_DIST) : null;
const WIDTHS = [
  { name: 'desktop', viewport: { width: 1366, height: 860 } },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
];
let seed, fixture, browser;
before(async () => {
  browser = await launch();
  seed = await serve(DIST);
  if (fixtureDist) fixture = await serve(fixtureDist);
});
after(async () => { await browser?.close(); await seed?.close(); await fixture?.close(); });

async function open(server, w, hash = '') {
  const page = await newPage(browser, { viewport: w.viewport, isMobile: !!w.isMobile, hasTouch: !!w.hasTouch });
  await page.goto(server.url + hash);
  await ready(page);
  return page;
}
const text = (page, sel) => page.locator(sel).first().textContent();
const hash = (page) => page.evaluate(() => decodeURIComponent(location.hash));
const pageLabels = (page) => page.locator('[data-testid=edition-page] .ed-page-link').allTextContents();

for (const w of WIDTHS) {
  test(`seed (${w.name}): summary, the one edition and its page, disabled neighbours, Back`, async () => {
    const page = await open(seed, w);
    const n = await count(page); // every article: the empty query lists them all
    const summary = await text(page, '[data-testid=archive-summary]');
    assert.match(summary, /^\[报名不详\] · 出版日期不详\(报道日期 2020-02-\d\d – 2020-02-\d\d\) · 1 期 · 1 版 · (\d+) 篇$/);
    assert.equal(Number(summary.match(/(\d+) 篇$/)[1]), n);
    // The calendar has no dated edition; the undated one is listed.
    await page.locator('[data-testid=browse-link]').click();
    await page.locator('[data-testid=calendar]').waitFor();
    assert.equal(await page.locator('[data-testid=cal-day]').count(), 0);
    await page.locator('[data-testid=cal-undated]').click();
    const ed = page.locator('[data-testid=edition]');
    await ed.waitFor();
    assert.equal(await page.locator('[data-testid=edition-page]').count(), 1);
    assert.deepEqual(await pageLabels(page), ['[版次不详]']);
    assert.equal(await ed.locator('[data-testid=edition-page] li').count(), n);
    assert.ok(await page.locator('[data-testid=next-edition]').isDisabled());
    await page.locator('[data-testid=edition-page] .ed-page-link').click();
    const pv = page.locator('[data-testid=page-view]');
    await pv.waitFor();
    // Every article of the page, in the archive's (reading) order.
    const ids = await pv.locator('[data-testid=page-article]').evaluateAll((els) => els.map((e) => e.dataset.articleId));
    assert.equal(ids.length, n);
    for (const id of ['prev-page', 'next-page', 'prev-edition', 'next-edition']) {
      assert.ok(await page.locator(`[data-testid=${id}]`).isDisabled(), `${id} disabled`);
    }
    // Back returns to the edition, then to the calendar.
    await page.goBack();
    await ed.waitFor();
    await page.goBack();
    await page.locator('[data-testid=calendar]').waitFor();
    // Forward again, one step at a time (as Back above: a second history traversal issued
    // while the first is still committing can be dropped by the browser under load), then the
    // page's link restores the page view.
    await page.goForward();
    await ed.waitFor();
    await page.goForward();
    await pv.waitFor();
    const again = await newPage(browser, { viewport: w.viewport, isMobile: !!w.isMobile });
    await again.goto(page.url());
    await again.locator('[data-testid=page-view] [data-testid=page-article]').first().waitFor();
    assert.equal(await again.locator('[data-testid=page-article]').count(), n);
    assert.deepEqual(page.errors, []);
    assert.deepEqual(await page.cspViolations(), []);
  });

  test(`seed (${w.name}): the reader shows its article on the page, and opens from it`, async () => {
    const page = await open(seed, w);
    const first = page.locator('[data-testid=result]').nth(2);
    const id = await first.getAttribute('data-article-id');
    await first.locator('a.result-link').click();
    await page.locator(`[data-testid=reader][data-article-id="${id}"]`).waitFor();
    await page.locator('[data-testid=show-on-page]').click();
    const pv = page.locator('[data-testid=page-view]');
    await pv.waitFor();
    assert.equal(await pv.locator('.pv-art.marked').getAttribute('data-article-id'), id);
    assert.equal(await pv.locator('.pv-art.marked').count(), 1);
    assert.match(await hash(page), new RegExp(`pg=.*&mark=${id}`));
    // The page's original layout marks the article's lines.
    await pv.locator('[data-testid=page-raw] summary').click();
    assert.ok(await pv.locator('.raw-line.marked').count() > 0);
    // Opening another article from the page opens the reader.
    const other = pv.locator('[data-testid=page-article]').first();
    const otherId = await other.getAttribute('data-article-id');
    await other.locator('.pv-title a').click();
    await page.locator(`[data-testid=reader][data-article-id="${otherId}"]`).waitFor();
    assert.deepEqual(page.errors, []);
  });

  test(`seed (${w.name}): with no query the order is labelled and newest / oldest first work`, async () => {
    const page = await open(seed, w);
    const sort = page.locator('[data-testid=sort]');
    assert.equal(await sort.locator('option:checked').textContent(), '版面顺序');
    // Dated results (undated ones come last either way).
    const dates = async () => {
      const all = await page.locator('[data-testid=result] .date').allTextContents();
      const dated = all.filter((d) => /^\d{4}-/.test(d));
      assert.ok(all.slice(dated.length).every((d) => !/^\d{4}-/.test(d)), 'undated last');
      return dated;
    };
    await sort.selectOption('newest');
    await page.waitForFunction(() => location.hash.includes('sort=newest'));
    const newest = await dates();
    assert.deepEqual(newest, [...newest].sort().reverse());
    await sort.selectOption('date');
    await page.waitForFunction(() => location.hash.includes('sort=date'));
    const oldest = await dates();
    assert.deepEqual(oldest, [...oldest].sort());
    assert.ok(oldest[0] < oldest[oldest.length - 1], 'the seed spans several days');
    await page.locator('[data-testid=search]').fill('口罩');
    await page.waitForFunction(() => location.hash.includes('q='));
    await sort.selectOption('relevance');
    assert.equal(await sort.locator('option:checked').textContent(), '相关度');
  });

  test(`fixture (${w.name}): calendar by year and month, editions, pages in order, turning pages`, { skip: !fixtureDist && 'set EDITIONS_DIST to a build of tests/fixtures/editions' }, async () => {
    const page = await open(fixture, w);
    assert.equal(await text(page, '[data-testid=archive-summary]'), '清河晚报 · 2021-03-01 – 2022-01-05 · 3 期 · 7 版 · 9 篇');
    // On a phone the language button sits in the settings menu.
    const toggleLang = async () => {
      if (w.viewport.width <= 600) await page.locator('[data-testid=settings-toggle]').click();
      await page.locator('[data-testid=lang-toggle]').click();
      if (w.viewport.width <= 600 && await page.locator('[data-testid=lang-toggle]').isVisible()) await page.keyboard.press('Escape');
    };
    await toggleLang();
    assert.equal(await text(page, '[data-testid=archive-summary]'), '清河晚报 · 2021-03-01 – 2022-01-05 · 3 editions · 7 pages · 9 articles');
    await toggleLang();
    // The timeline facet spans two years: one bar per month, labelled with the year; empty
    // months are out of the Tab order.
    const bars = await page.locator('[data-testid=timeline-day]').evaluateAll((els) => els.map((e) => [e.dataset.day, e.tabIndex, e.textContent]));
    assert.equal(bars.length, 11);
    assert.deepEqual(bars[0], ['2021-03', 0, '21-03']);
    assert.deepEqual(bars[1], ['2021-04', -1, '21-04']);
    assert.deepEqual(bars[10], ['2022-01', 0, '22-01']);
    // Clicking a month filters to it (on a phone the timeline is in the filters drawer).
    const phone = w.viewport.width <= 600;
    if (phone) await page.locator('[data-testid=filters-toggle]').click();
    await page.locator('[data-testid=timeline-day][data-day="2021-03"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent === '7');
    assert.equal(await text(page, '[data-testid=date-range]'), '2021-03-01 – 2021-03-31');
    await page.locator('[data-testid=clear-facets]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent === '9');
    if (phone) await page.keyboard.press('Escape');

    await page.locator('[data-testid=browse-link]').click();
    const cal = page.locator('[data-testid=calendar]');
    await cal.waitFor();
    assert.deepEqual(await cal.locator('[data-testid=cal-year]').allTextContents(), ['2021年', '2022年']);
    assert.equal(await cal.locator('[data-testid=cal-month][aria-current=true]').textContent(), '3月');
    assert.equal(await cal.locator('[data-testid=cal-month]').count(), 1); // other months: text
    assert.deepEqual(await cal.locator('[data-testid=cal-day]').evaluateAll((els) => els.map((e) => e.dataset.day)), ['2021-03-01', '2021-03-02']);
    // Only days with an edition are focusable: 31 days, two links.
    assert.equal(await cal.locator('.cal-days a, .cal-days button').count(), 2);
    assert.equal(await cal.locator('.cal-days .off').count(), 29);
    await cal.locator('[data-testid=cal-year]', { hasText: '2022' }).click();
    await page.waitForFunction(() => location.hash.includes('cal=2022'));
    assert.deepEqual(await cal.locator('[data-testid=cal-day]').evaluateAll((els) => els.map((e) => e.dataset.day)), ['2022-01-05']);
    await page.goBack();
    await page.waitForFunction(() => !location.hash.includes('cal=2022'));
    await cal.locator('[data-testid=cal-day][data-day="2021-03-02"]').click();

    const ed = page.locator('[data-testid=edition]');
    await ed.waitFor();
    assert.match(await ed.locator('h2').textContent(), /清河晚报 2021-03-02/);
    assert.deepEqual(await pageLabels(page), ['第1版', '第2版', '第10版']);
    assert.deepEqual(await ed.locator('[data-testid=edition-page] li').allTextContents(), ['清河公交新开三条夜班线', '老街茶馆里的评书声', '天气预报']);
    await ed.locator('[data-testid=prev-edition]').click();
    await page.waitForFunction(() => location.hash.includes('ed=2021-03-01'));
    assert.deepEqual(await pageLabels(page), ['第1版', '第2版']);
    assert.ok(await page.locator('[data-testid=prev-edition]').isDisabled());
    await page.locator('.ed-page-link', { hasText: '第2版' }).click();

    const pv = page.locator('[data-testid=page-view]');
    await pv.waitFor();
    const titles = () => pv.locator('[data-testid=page-article] .pv-title').allTextContents();
    const heading = () => pv.locator('h2').textContent();
    assert.deepEqual(await titles(), ['少年宫开设周末书法课', '春季植树志愿者招募启动']);
    // Next page crosses into the next edition, then runs 1, 2, 10.
    const seen = [];
    for (let i = 0; i < 4; i++) {
      const before = await heading();
      await page.locator('[data-testid=next-page]').click();
      await page.waitForFunction((prev) => document.querySelector('[data-testid=page-view] h2')?.textContent !== prev, before);
      seen.push(await heading());
    }
    assert.deepEqual(seen, ['清河晚报 2021-03-02 · 第1版', '清河晚报 2021-03-02 · 第2版', '清河晚报 2021-03-02 · 第10版', '清河晚报 2022-01-05 · 第1版']);
    await page.locator('[data-testid=next-page]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=page-view] h2')?.textContent.endsWith('第2版'));
    assert.ok(await page.locator('[data-testid=next-page]').isDisabled());
    assert.ok(await page.locator('[data-testid=next-edition]').isDisabled());
    await page.locator('[data-testid=prev-edition]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=page-view] h2')?.textContent === '清河晚报 2021-03-02 · 第1版');
    // Back, then a fresh load of the link, restore the view.
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('[data-testid=page-view] h2')?.textContent === '清河晚报 2022-01-05 · 第2版');
    const url = page.url();
    const again = await newPage(browser, { viewport: w.viewport, isMobile: !!w.isMobile });
    await again.goto(url);
    await again.locator('[data-testid=page-view]').waitFor();
    assert.equal(await again.locator('[data-testid=page-view] h2').textContent(), '清河晚报 2022-01-05 · 第2版');
    assert.deepEqual(await again.locator('[data-testid=page-article] .pv-title').allTextContents(), ['社区食堂推出冬季暖心套餐']);
    assert.deepEqual(page.errors, []);
    assert.deepEqual(again.errors, []);
  });
}
