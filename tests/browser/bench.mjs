// In-browser timing (not a test): keystroke → results painted, and the search call alone.
//   node tests/browser/bench.mjs [runs]      (after `trunk build --release`)
// Prints a table of p50/p95 in milliseconds; medians over `runs` page loads.
import { serve, launch, newPage, ready } from './harness.mjs';

const QUERIES = ['不', '不造', '不造谣', '湾', '湾乡', '張建黨', 'Ｎ９５', 'zjd', 'zhangjiandang', '口罩 体温', '元宵 -张晓',
  'title:张建党', 'date:2月7日..2月8日', '疫情防控', '示范区', '没有这个词', '乡办', '许湾乡', '周口东站', '元宵'];
const runs = Number(process.argv[2] || 5);
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const median = (xs) => pct(xs, 0.5);

const server = await serve();
const browser = await launch();
const results = { keystroke: [], call: [], load: [] };
for (let r = 0; r < runs; r++) {
  const page = await newPage(browser);
  const t0 = Date.now();
  await page.goto(server.url);
  await ready(page);
  results.load.push(await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const first = performance.getEntriesByName('archive:results')[0];
    return first ? first.startTime - nav.startTime : NaN;
  }));
  // Keystroke to painted results: dispatch an input event, wait for the app's render mark,
  // then for the next animation frame (the paint).
  const lat = await page.evaluate(async (queries) => {
    const box = document.querySelector('[data-testid=search]');
    const out = [];
    for (let rep = 0; rep < 5; rep++) {
      for (const q of queries) {
        const before = performance.getEntriesByName('archive:results').length;
        const t = performance.now();
        box.value = q;
        box.dispatchEvent(new InputEvent('input', { bubbles: true }));
        while (performance.getEntriesByName('archive:results').length === before) {
          await new Promise((res) => setTimeout(res, 0));
        }
        await new Promise((res) => requestAnimationFrame(() => res()));
        out.push(performance.now() - t);
      }
    }
    return out;
  }, QUERIES);
  results.keystroke.push(lat);
  const calls = await page.evaluate((queries) => {
    const out = [];
    for (const q of queries) {
      const reps = 20;
      const t = performance.now();
      window.wasmBindings.benchSearch(q, reps);
      out.push((performance.now() - t) / reps);
    }
    return out;
  }, QUERIES);
  results.call.push(calls);
  await page.close();
}
const ks = results.keystroke.map((l) => [pct(l, 0.5), pct(l, 0.95)]);
const cs = results.call.map((l) => [pct(l, 0.5), pct(l, 0.95)]);
console.log(`runs: ${runs}, queries: ${QUERIES.length} (keystrokes: ${QUERIES.length * 5} per run)`);
console.log('| measure | p50 ms | p95 ms |');
console.log('|---|---|---|');
console.log(`| keystroke → results painted | ${median(ks.map((x) => x[0])).toFixed(2)} | ${median(ks.map((x) => x[1])).toFixed(2)} |`);
console.log(`| search call alone (top 50 with snippets) | ${median(cs.map((x) => x[0])).toFixed(3)} | ${median(cs.map((x) => x[1])).toFixed(3)} |`);
console.log(`| navigation → first results rendered | ${median(results.load).toFixed(1)} | – |`);
await browser.close();
await server.close();
