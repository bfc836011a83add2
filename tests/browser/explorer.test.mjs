// The explorer end to end in headless Chromium, on the real release build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, newPage, ready, search, count, resultIds, settled, artifact, ROOT } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The CLI's hits for a query (the same parser and search, natively). */
function cli(q) {
  const candidates = [process.env.ARCHIVE_CLI, path.join(ROOT, 'target/release/archive'), path.join(ROOT, 'target/debug/archive')];
  const bin = candidates.find((p) => p && fs.existsSync(p));
  assert.ok(bin, 'the archive CLI is built (cargo test builds target/debug/archive)');
  return JSON.parse(execFileSync(bin, ['search', q, path.join(ROOT, 'seeds')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
}

async function waitCount(page, n) {
  await page.waitForFunction((n) => document.querySelector('[data-testid=result-count]')?.textContent === String(n), n);
}

async function open(url = server.url) {
  const page = await newPage(browser);
  await page.goto(url);
  await ready(page);
  return page;
}

test('counts and order equal the CLI for Chinese, traditional, full-width and pinyin queries', async () => {
  const page = await open();
  for (const q of ['不造谣', '湾乡', '張建黨', 'Ｎ９５', 'zjd', 'zhang jian dang', '口罩 体温', '元宵 -张晓', 'title:张建党', 'date:2月7日..2月8日', '元宵 OR 万果园', '没有这个词']) {
    const want = cli(q);
    await search(page, q);
    await waitCount(page, want.length);
    assert.deepEqual(await resultIds(page), want.map((h) => h.id), q);
  }
  assert.deepEqual(page.errors, []);
});

test('snippets mark every match and the reader highlights and navigates hits', async () => {
  const page = await open();
  await search(page, '不造谣');
  await waitCount(page, 1);
  const marks = await page.locator('[data-testid=result] mark').allTextContents();
  assert.ok(marks.length >= 1 && marks.every((m) => m === '不造谣'), JSON.stringify(marks));
  await page.locator('[data-testid=result] a.result-link').first().click();
  const reader = page.locator('[data-testid=reader]');
  await reader.waitFor();
  assert.equal(await reader.getAttribute('data-article-id'), '2020-02-04-sfqqfwjzscfkyq');
  assert.equal(await page.locator('[data-testid=hit-counter]').textContent(), '1 / 2');
  assert.deepEqual(await reader.locator('mark').allTextContents(), ['不造谣', '不造谣']);
  assert.equal(await reader.locator('mark.current').getAttribute('data-hit'), '0');
  await page.locator('[data-testid=next-hit]').click();
  assert.equal(await page.locator('[data-testid=hit-counter]').textContent(), '2 / 2');
  assert.equal(await reader.locator('mark.current').getAttribute('data-hit'), '1');
  await page.locator('[data-testid=next-hit]').click();
  assert.equal(await page.locator('[data-testid=hit-counter]').textContent(), '1 / 2', 'wraps around');
  await page.locator('[data-testid=prev-hit]').click();
  assert.equal(await page.locator('[data-testid=hit-counter]').textContent(), '2 / 2');
  // Keys n / N (focus outside the search box).
  await page.locator('[data-testid=hit-counter]').click();
  await page.keyboard.press('n');
  assert.equal(await page.locator('[data-testid=hit-counter]').textContent(), '1 / 2');
  await page.keyboard.press('Shift+N');
  assert.equal(await page.locator('[data-testid=hit-counter]').textContent(), '2 / 2');
  // The current hit is scrolled into view.
  const inView = await reader.locator('mark.current').evaluate((m) => {
    const r = m.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  assert.ok(inView, 'current hit is visible');
  // Original layout beside the repaired text: the column break is visible there.
  await page.locator('[data-testid=raw-toggle]').click();
  const raw = page.locator('[data-testid=raw]');
  await raw.waitFor();
  assert.ok((await raw.locator('.raw-line[data-line="71"]').textContent()).endsWith('坚决做到不造'));
  assert.ok((await raw.locator('.raw-line[data-line="73"]').textContent()).includes('谣、不信谣'));
  await page.screenshot({ path: artifact('reader-raw.png') });
  assert.deepEqual(page.errors, []);
});

test('facets combine with the query and clear in one click', async () => {
  const page = await open();
  await search(page, '张建党');
  const n = await count(page);
  assert.equal(n, 5);
  const newsCount = Number(await page.locator('[data-testid=facet-kind][data-kind=news] >> xpath=..').locator('.n').textContent());
  await page.locator('[data-testid=facet-kind][data-kind=news]').check();
  await waitCount(page, newsCount);
  // The timeline shows days of the current results; clicking a day filters to it.
  const day = page.locator('[data-testid=timeline-day][data-day="2020-02-08"]');
  const dayCount = Number(await day.getAttribute('data-count'));
  await day.click();
  await waitCount(page, dayCount);
  assert.equal(await page.locator('[data-testid=date-range]').textContent(), '2020-02-08 – 2020-02-08');
  // Drag across days selects a range.
  const a = await page.locator('[data-testid=timeline-day][data-day="2020-02-04"]').boundingBox();
  const b = await page.locator('[data-testid=timeline-day][data-day="2020-02-07"]').boundingBox();
  await page.mouse.move(a.x + a.width / 2, a.y + a.height - 5);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height - 5, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => document.querySelector('[data-testid=date-range]')?.textContent === '2020-02-04 – 2020-02-07');
  const ids = await resultIds(page);
  assert.ok(ids.length > 0 && ids.every((id) => id >= '2020-02-04' && id < '2020-02-08'), JSON.stringify(ids));
  await page.locator('[data-testid=clear-facets]').click();
  await waitCount(page, n);
  // Author facet.
  await search(page, '');
  await waitCount(page, 8);
  assert.equal(await page.locator('[data-testid=facet-author]').count(), 1);
  await page.locator('[data-testid=facet-kind][data-kind=photo]').check();
  await waitCount(page, 1);
  assert.deepEqual(page.errors, []);
});

test('the URL restores the view after reload and back/forward work', async () => {
  const page = await open();
  await search(page, '元宵');
  await waitCount(page, 2);
  await page.locator('[data-testid=result] a.result-link').first().click();
  await page.locator('[data-testid=reader]').waitFor();
  await page.locator('[data-testid=next-hit]').click();
  const counter = await page.locator('[data-testid=hit-counter]').textContent();
  const id = await page.locator('[data-testid=reader]').getAttribute('data-article-id');
  // Moving between hits replaces the address a moment after the frame that shows it.
  await page.waitForFunction(() => location.hash.includes('hit=2'));
  const url = page.url();
  assert.match(url, /#.*q=/);
  // A fresh page at the copied address shows the same view.
  const other = await open(url);
  assert.equal(await other.locator('[data-testid=search]').inputValue(), '元宵');
  assert.equal(await count(other), 2);
  assert.equal(await other.locator('[data-testid=reader]').getAttribute('data-article-id'), id);
  assert.equal(await other.locator('[data-testid=hit-counter]').textContent(), counter);
  // Back closes the article; forward reopens it.
  await page.locator('[data-testid=close-reader]').evaluate((b) => b.click());
  await page.waitForSelector('[data-testid=reader]', { state: 'detached' });
  await page.goBack();
  await page.waitForSelector('[data-testid=reader]');
  assert.equal(await page.locator('[data-testid=reader]').getAttribute('data-article-id'), id);
  await page.goForward();
  await page.waitForSelector('[data-testid=reader]', { state: 'detached' });
  // A malformed hash is ignored gracefully.
  const bad = await open(server.url + '#q=%E4%B8&kind=bogus&hit=abc&a=%&from=2020-99-99');
  assert.equal(await count(bad), 8);
  assert.deepEqual([...page.errors, ...other.errors, ...bad.errors], []);
});

test('the address follows a burst of keystrokes once, after the frame, replacing the entry', async () => {
  const page = await newPage(browser);
  // Counts the page's history writes.
  await page.addInitScript(() => {
    window.__replaced = 0;
    const replace = history.replaceState.bind(history);
    history.replaceState = (...a) => { window.__replaced += 1; return replace(...a); };
  });
  await page.goto(server.url);
  await ready(page);
  const before = await page.evaluate(() => ({ hash: location.hash, length: history.length, replaced: window.__replaced }));
  // Five keystrokes in one task, as a fast typist's burst: the address is not written in it.
  const during = await page.evaluate(() => {
    const box = document.querySelector('[data-testid=search]');
    for (const q of ['口', '口罩', '口罩 ', '口罩 体', '口罩 体温']) {
      box.value = q;
      box.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }
    return location.hash;
  });
  assert.equal(during, before.hash, 'not written in the keystroke');
  await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('q') === '口罩 体温');
  const after = await page.evaluate(() => ({ length: history.length, replaced: window.__replaced }));
  assert.equal(after.replaced - before.replaced, 1, 'one write for the burst');
  assert.equal(after.length, before.length, 'the entry replaced, none added');
  // Typing, then at once following a link (a new entry): the typed address is written to the
  // entry typed in before the new one is added, so Back returns to what was typed.
  await page.evaluate(() => new Promise((resolve) => {
    const box = document.querySelector('[data-testid=search]');
    box.value = '口罩';
    box.dispatchEvent(new InputEvent('input', { bubbles: true }));
    requestAnimationFrame(() => { document.querySelector('[data-testid=result] a.result-link').click(); resolve(); });
  }));
  await page.locator('[data-testid=reader]').waitFor();
  await page.goBack();
  await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('q') === '口罩' && !new URLSearchParams(location.hash.slice(1)).has('a'));
  assert.equal(await page.locator('[data-testid=search]').inputValue(), '口罩');
  assert.deepEqual(page.errors, []);
});

test('keyboard only: / focuses, arrows move, Enter opens, Esc clears, Tab reaches controls', async () => {
  const page = await open();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'search');
  await page.keyboard.type('张建党');
  await waitCount(page, 5);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const second = (await resultIds(page))[1];
  assert.equal(await page.evaluate(() => document.activeElement?.closest('[data-testid=result]')?.dataset.articleId), second);
  // Keys faster than the app renders (a held key repeats): two in one task move two rows.
  const rowKeys = async (key, want) => {
    await page.evaluate((key) => { for (let i = 0; i < 2; i++) document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })); }, key);
    await page.waitForFunction((want) => document.activeElement?.closest('[data-testid=result]')?.dataset.rank === want, String(want), { timeout: 5000 })
      .catch(() => {});
    assert.equal(await page.evaluate(() => Number(document.activeElement?.closest('[data-testid=result]')?.dataset.rank)), want, `${key} twice in one task`);
  };
  await rowKeys('ArrowDown', 3);
  await rowKeys('ArrowUp', 1);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`[data-testid=reader][data-article-id="${second}"]`);
  await page.keyboard.press('n');
  const hits = await page.locator('[data-testid=reader] mark').count();
  assert.equal(await page.locator('[data-testid=hit-counter]').textContent(), `2 / ${hits}`);
  // Keys faster than the app renders (a held key repeats): two in one task move two hits.
  const twice = async (key, want) => {
    await page.evaluate((key) => { for (let i = 0; i < 2; i++) document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })); }, key);
    await page.waitForFunction((want) => document.querySelector('[data-testid=hit-counter]')?.textContent === want, want, { timeout: 5000 })
      .catch(() => {});
    assert.equal(await page.locator('[data-testid=hit-counter]').textContent(), want, `${key} twice in one task`);
  };
  await twice('n', `${((1 + 2) % hits) + 1} / ${hits}`);
  await twice('N', `2 / ${hits}`);
  await page.keyboard.press('/');
  await page.keyboard.press('Escape');
  await waitCount(page, 8);
  assert.equal(await page.locator('[data-testid=search]').inputValue(), '');
  // Every control is reachable with Tab and shows a focus ring.
  const seen = new Set();
  // (The date fields take three stops each: month, day, year.)
  for (let i = 0; i < 100; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return null; // wrapped past the last control
      const s = getComputedStyle(e);
      return { id: e.dataset.testid || e.id || e.textContent.slice(0, 12), ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 };
    });
    if (!info) continue;
    assert.ok(info.ring, `focus ring on ${info.id}`);
    seen.add(info.id);
  }
  for (const id of ['help-toggle', 'theme', 'font-up', 'lang-toggle', 'export-csv', 'facet-kind', 'timeline-day', 'sort']) {
    assert.ok(seen.has(id), `${id} reachable by Tab (saw ${[...seen].join(', ')})`);
  }
  assert.deepEqual(page.errors, []);
});

test('theme, font size and language toggles are remembered', async () => {
  const page = await open();
  await page.locator('[data-testid=theme]').selectOption('dark');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(23, 22, 20)');
  await page.locator('[data-testid=font-up]').click();
  const size = await page.evaluate(() => document.documentElement.style.fontSize);
  assert.equal(size, '112%');
  await page.locator('[data-testid=lang-toggle]').click();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.match(await page.locator('.count-line').textContent(), /articles/);
  await page.reload();
  await ready(page);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await page.evaluate(() => document.documentElement.style.fontSize), '112%');
  assert.match(await page.locator('.count-line').textContent(), /articles/);
  await page.screenshot({ path: artifact('dark-en.png') });
  // A hostile stored setting is ignored.
  await page.evaluate(() => { localStorage.setItem('archive-explorer.font', '"999"'); localStorage.setItem('archive-explorer.theme', '{bad'); });
  await page.reload();
  await ready(page);
  // The settings were applied (the bad font fell back to 100%), so the theme check can fail.
  await page.waitForFunction(() => document.documentElement.style.fontSize === '100%');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), undefined);
  assert.deepEqual(page.errors, []);
});

test('citations and exports', async () => {
  const page = await open();
  await search(page, '不造谣');
  await waitCount(page, 1);
  await page.locator('[data-testid=result] a.result-link').first().click();
  // The seed's sidecar gives no paper: the citation says so and never names the file; the
  // permalink opens this article.
  const gbt = await page.locator('[data-testid=citation-gbt]').textContent();
  const link = gbt.match(/ (http\S+#a=2020-02-04-sfqqfwjzscfkyq)\.$/);
  assert.ok(gbt.startsWith('张劲松. 示范区全方位精准施策防控疫情[N/OL]. [报名不详], 2020-02-04. http'), gbt);
  assert.ok(link, gbt);
  const plain = await page.locator('[data-testid=citation-plain]').textContent();
  assert.equal(plain, `张劲松《示范区全方位精准施策防控疫情》,[报名不详],2020-02-04,${link[1]}`);
  assert.ok(!gbt.includes('.txt') && !plain.includes('.txt'));
  const other = await page.context().newPage();
  await other.goto(link[1]);
  await other.waitForSelector('[data-testid=reader][data-article-id="2020-02-04-sfqqfwjzscfkyq"]');
  await other.close();
  for (const [button, ext, check] of [
    ['export-csv', 'csv', (t) => t.includes('2020-02-04-sfqqfwjzscfkyq') && t.split('\r\n').length === 3],
    ['export-json', 'json', (t) => JSON.parse(t).results.length === 1 && JSON.parse(t).results[0].hits === 2],
    ['export-md', 'md', (t) => t.startsWith('# 不造谣') && t.includes('示范区全方位精准施策防控疫情')],
  ]) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-testid=${button}]`).click()]);
    assert.equal(download.suggestedFilename(), `archive-results-不造谣.${ext}`);
    const text = fs.readFileSync(await download.path(), 'utf8');
    assert.ok(check(text), `${button}: ${text.slice(0, 200)}`);
  }
  assert.deepEqual(page.errors, []);
});

test('query text is never rendered as HTML', async () => {
  const page = await open();
  const q = '<img src=x onerror="window.pwned=1">';
  await search(page, q);
  // Wait until the app has rendered this query (the count equals the CLI's and the URL holds
  // the query, written after the render), so that the absence checks below can fail.
  await waitCount(page, cli(q).length);
  await page.waitForFunction((q) => new URLSearchParams(location.hash.slice(1)).get('q') === q, q);
  assert.equal(await page.locator('[data-testid=search]').inputValue(), q);
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(page.errors, []);
});

test('phone layout: stacked, the reader is its own view', async () => {
  const page = await newPage(browser, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  await page.goto(server.url);
  await ready(page);
  await search(page, '元宵');
  await waitCount(page, 2);
  await page.screenshot({ path: artifact('phone-results.png') });
  await page.locator('[data-testid=result] a.result-link').first().click();
  await page.locator('[data-testid=reader]').waitFor();
  assert.equal(await page.locator('#results').isVisible(), false, 'results hidden while reading');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no horizontal scroll (${width})`);
  await page.screenshot({ path: artifact('phone-reader.png') });
  await page.locator('[data-testid=close-reader]').click();
  await page.locator('#results').waitFor();
  assert.deepEqual(page.errors, []);
});

test('text meets WCAG AA contrast in light and dark themes', async () => {
  const page = await open();
  await search(page, '元宵');
  await waitCount(page, 2);
  await page.locator('[data-testid=result] a.result-link').first().click();
  await page.locator('[data-testid=reader] mark.current').waitFor();
  for (const theme of ['light', 'dark']) {
    await page.locator('[data-testid=theme]').selectOption(theme);
    const report = await page.evaluate(() => {
      const rgb = (s) => (s.match(/[\d.]+/g) || []).map(Number);
      const lum = ([r, g, b]) => {
        const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      // The effective background: the first ancestor with an opaque background colour.
      const bg = (el) => {
        for (let e = el; e; e = e.parentElement) {
          const c = rgb(getComputedStyle(e).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3] > 0.9)) return c.slice(0, 3);
        }
        return rgb(getComputedStyle(document.body).backgroundColor);
      };
      const out = [];
      for (const sel of ['body', '.brand h1', '.count-line', '.result .title', '.result .meta', '.meta .count', '.snippet', '.snippet mark',
        '.reader .byline', '.meta-list', '.para', '.reader mark', '.reader mark.current', '.facet h3', '.facet .n', 'button', '.citation', '.offline-link']) {
        const el = document.querySelector(sel);
        if (!el) { out.push({ sel, missing: true }); continue; }
        const fg = rgb(getComputedStyle(el).color);
        const a = lum(fg), b = lum(bg(el));
        out.push({ sel, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) });
      }
      return out;
    });
    for (const r of report) {
      assert.ok(!r.missing, `${theme}: ${r.sel} present`);
      assert.ok(r.ratio >= 4.5, `${theme}: ${r.sel} contrast ${r.ratio.toFixed(2)} < 4.5`);
    }
  }
  assert.deepEqual(page.errors, []);
});

test('query hints, syntax help, landmarks and a print stylesheet', async () => {
  const page = await open();
  await search(page, 'title: "unclosed');
  await page.locator('[data-testid=hint]').nth(1).waitFor();
  const hints = await page.locator('[data-testid=hint]').allTextContents();
  assert.equal(hints.length, 2, JSON.stringify(hints));
  assert.ok(hints.some((h) => h.includes('title')) && hints.some((h) => h.includes('引号')), JSON.stringify(hints));
  await search(page, '');
  await waitCount(page, 8);
  assert.equal(await page.locator('[data-testid=hint]').count(), 0);
  await page.locator('[data-testid=result-count]').click();
  await page.keyboard.press('?');
  await page.locator('[data-testid=help]').waitFor();
  assert.match(await page.locator('[data-testid=help]').textContent(), /date:2月7日\.\.2月8日/);
  await page.keyboard.press('Escape');
  await page.locator('[data-testid=help]').waitFor({ state: 'detached' });
  for (const sel of ['header[role=banner]', 'main', '[role=search]', 'aside[aria-label]', '#results[aria-labelledby]']) {
    assert.equal(await page.locator(sel).count(), 1, sel);
  }
  await page.locator('[data-testid=result] a.result-link').first().click();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.facets').isVisible(), false);
  assert.equal(await page.locator('#results').isVisible(), false);
  assert.equal(await page.locator('[data-testid=reader] .title').isVisible(), true);
  assert.equal(await page.locator('.reader-bar').isVisible(), false);
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(page.errors, []);
});

test('previous / next article and copying a citation to the clipboard', async () => {
  const page = await newPage(browser);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await page.goto(server.url);
  await ready(page);
  const ids = await resultIds(page);
  await page.locator('[data-testid=result] a.result-link').nth(1).click();
  await page.waitForSelector(`[data-testid=reader][data-article-id="${ids[1]}"]`);
  await page.locator('[data-testid=next-article]').click();
  await page.waitForSelector(`[data-testid=reader][data-article-id="${ids[2]}"]`);
  await page.locator('[data-testid=prev-article]').click();
  await page.locator('[data-testid=prev-article]').click();
  await page.waitForSelector(`[data-testid=reader][data-article-id="${ids[0]}"]`);
  assert.equal(await page.locator('[data-testid=prev-article]').isDisabled(), true, 'first article has no previous');
  await page.locator('[data-testid=cite-gbt]').click();
  await page.locator('.toast').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await page.locator('[data-testid=citation-gbt]').textContent());
  assert.match(copied, /^张劲松\. 众志成城 鏖战“疫”魔\[N\/OL\]\. \[报名不详\]\. http\S+#a=000-zzccazym\.$/);
  assert.deepEqual(page.errors, []);
});

test('people, places and organisations: facets, the index of names and underlines in the reader', async () => {
  const page = await open();
  const person = page.locator('[data-testid=facet-entity][data-kind=person][data-name="张建党"]');
  const n = Number(await person.locator('xpath=..').locator('.n').textContent());
  assert.equal(n, 5);
  await person.check();
  await waitCount(page, 5);
  // Combined with a place: articles naming both.
  const place = page.locator('[data-testid=facet-entity][data-kind=place][data-name="许湾乡"]');
  const both = Number(await place.locator('xpath=..').locator('.n').textContent());
  await place.check();
  await waitCount(page, both);
  assert.match(page.url(), /ent=/);
  await page.locator('[data-testid=clear-facets]').click();
  await waitCount(page, 8);
  // The index of names, and one click to search a name.
  await page.locator('[data-testid=names-toggle]').click();
  const index = page.locator('[data-testid=names-index]');
  await index.waitFor();
  for (const [name, kind] of [['韩宝珠', 'person'], ['许湾乡', 'place'], ['周口市妇幼保健院', 'org']]) {
    assert.equal(await index.locator(`[data-testid=entity][data-name="${name}"][data-kind=${kind}]`).count(), 1, name);
  }
  assert.match(await index.locator('[data-testid=entity][data-name="韩宝珠"]').textContent(), /韩主任/);
  await index.locator('[data-testid=entity][data-name="王金洒"] [data-testid=search-name]').click();
  await waitCount(page, 1);
  assert.equal(await page.locator('[data-testid=search]').inputValue(), '王金洒');
  // Underlines in the reader.
  await search(page, '韩主任');
  await waitCount(page, 1);
  await page.locator('[data-testid=result] a.result-link').first().click();
  await page.locator('[data-testid=reader]').waitFor();
  assert.equal(await page.locator('[data-testid=reader] .ent').count(), 0);
  await page.locator('[data-testid=entities-toggle]').click();
  const han = page.locator('[data-testid=reader] .ent-person[data-entity="韩宝珠"]');
  assert.deepEqual(await han.allTextContents(), ['韩主任', '韩主任', '韩宝珠']);
  assert.ok(await page.locator('[data-testid=reader] .ent-org').count() > 0);
  // Marks survive inside underlined names: both hits of 韩主任 are marked, numbered, and inside
  // the underline of the person they name.
  const marks = await page.locator('[data-testid=reader] mark').evaluateAll((ms) => ms.map((m) => ({
    text: m.textContent, hit: m.dataset.hit, ent: m.closest('.ent')?.dataset.entity ?? null,
  })));
  assert.deepEqual(marks, [
    { text: '韩主任', hit: '0', ent: '韩宝珠' },
    { text: '韩主任', hit: '1', ent: '韩宝珠' },
  ]);
  assert.deepEqual(await page.locator('[data-testid=reader] .ent-person[data-entity="韩宝珠"] mark').allTextContents(), ['韩主任', '韩主任']);
  await page.screenshot({ path: artifact('entities.png') });
  assert.deepEqual(page.errors, []);
});

test('results sort by date: oldest first, undated last', async () => {
  const page = await open();
  await page.locator('[data-testid=sort]').selectOption('date');
  await page.waitForFunction(() => location.hash.includes('sort=date'));
  await settled(page);
  const dates = await page.locator('[data-testid=result] .date').allTextContents();
  assert.equal(dates.length, 8);
  const dated = dates.slice(0, 7);
  assert.deepEqual(dated, [...dated].sort(), JSON.stringify(dates));
  assert.equal(dated[0], '2020-02-04');
  assert.match(dates[7], /日期不详|undated/);
  assert.deepEqual(page.errors, []);
});

test('results sort by date: newest first, undated last; relevance restores the order', async () => {
  const page = await open();
  const relevance = await resultIds(page);
  await page.locator('[data-testid=sort]').selectOption('newest');
  await page.waitForFunction(() => location.hash.includes('sort=newest'));
  await settled(page);
  const dates = await page.locator('[data-testid=result] .date').allTextContents();
  assert.equal(dates.length, 8);
  const dated = dates.slice(0, 7);
  assert.deepEqual(dated, [...dated].sort().reverse(), JSON.stringify(dates));
  assert.match(dates[7], /日期不详|undated/);
  // A shared link keeps the order.
  const other = await open(page.url());
  assert.deepEqual(await resultIds(other), await resultIds(page));
  assert.equal(await other.locator('[data-testid=sort]').inputValue(), 'newest');
  await page.locator('[data-testid=sort]').selectOption('relevance');
  await page.waitForFunction(() => !location.hash.includes('sort='));
  assert.deepEqual(await resultIds(page), relevance);
  assert.deepEqual([...page.errors, ...other.errors], []);
});

test('a new list draws the rows in view in its first frame; the rows beyond and the facet counts follow', async () => {
  const page = await open();
  // Once searched (the height of a row with snippets is known), then cleared.
  const want = cli('疫');
  await search(page, '疫');
  await page.waitForFunction((n) => document.querySelector('[data-testid=result-count]')?.textContent === String(n), want.length);
  await settled(page);
  await search(page, '');
  await settled(page);
  // Typed as an input event; read in the next animation frame (what that frame paints).
  const first = await page.evaluate(() => new Promise((resolve) => {
    const box = document.querySelector('[data-testid=search]');
    box.value = '疫';
    box.dispatchEvent(new InputEvent('input', { bubbles: true }));
    requestAnimationFrame(() => {
      const rows = [...document.querySelectorAll('[data-testid=result]')];
      const pane = document.querySelector('#results').getBoundingClientRect();
      const last = rows[rows.length - 1].getBoundingClientRect();
      resolve({
        rows: rows.length,
        count: Number(document.querySelector('[data-testid=result-count]').textContent),
        // The rows drawn reach past what the pane shows: nothing blank in view.
        covers: last.bottom >= Math.min(pane.bottom, innerHeight),
      });
    });
  }));
  assert.equal(first.count, want.length);
  assert.ok(first.covers, JSON.stringify(first));
  await settled(page);
  const rows = await resultIds(page);
  assert.ok(first.rows < rows.length, `${first.rows} rows in the first frame, ${rows.length} after`);
  assert.deepEqual(rows, want.slice(0, rows.length).map((h) => h.id));
  // The facet pane counts what was found (every kind's count adds up to the list's).
  const kinds = await page.locator('[data-testid=facet-kind] >> xpath=..').locator('.n').allTextContents();
  assert.equal(kinds.reduce((n, k) => n + Number(k), 0), want.length);
  // Scrolled to the end, the last result is drawn.
  await page.locator('#results').evaluate((e) => e.scrollTo(0, e.scrollHeight));
  await page.waitForFunction((id) => document.querySelector(`[data-testid=result][data-article-id="${id}"]`), want[want.length - 1].id);
  assert.deepEqual(page.errors, []);
});
