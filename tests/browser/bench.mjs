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
  // Keystroke to results: dispatch an input event as typing does; `rendered` is when the app's
  // render mark lands (DOM updated), `painted` the first animation frame after it (rAF runs
  // right before that frame is painted), `frames` how many frames that took.
  const lat = await page.evaluate(async (queries) => {
    const box = document.querySelector('[data-testid=search]');
    const out = [];
    for (let rep = 0; rep < 5; rep++) {
      for (const q of queries) {
        await new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
        const before = performance.getEntriesByName('archive:results').length;
        const t = performance.now();
        box.value = q;
        box.dispatchEvent(new InputEvent('input', { bubbles: true }));
        let frames = 0;
        let painted;
        for (;;) {
          await new Promise((res) => requestAnimationFrame(() => res()));
          frames += 1;
          if (performance.getEntriesByName('archive:results').length > before) { painted = performance.now() - t; break; }
        }
        const marks = performance.getEntriesByName('archive:results');
        out.push({ rendered: marks[marks.length - 1].startTime - t, painted, frames });
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
const ks = results.keystroke.map((l) => [pct(l.map((x) => x.rendered), 0.5), pct(l.map((x) => x.rendered), 0.95)]);
const kp = results.keystroke.map((l) => [pct(l.map((x) => x.painted), 0.5), pct(l.map((x) => x.painted), 0.95)]);
const nextFrame = results.keystroke.flat().filter((x) => x.frames === 1).length / results.keystroke.flat().length;
const cs = results.call.map((l) => [pct(l, 0.5), pct(l, 0.95)]);
console.log(`runs: ${runs}, queries: ${QUERIES.length} (keystrokes: ${QUERIES.length * 5} per run)`);
console.log('| measure | p50 ms | p95 ms |');
console.log('|---|---|---|');
console.log(`| keystroke → results in the DOM | ${median(ks.map((x) => x[0])).toFixed(2)} | ${median(ks.map((x) => x[1])).toFixed(2)} |`);
console.log(`| keystroke → first frame showing them (incl. wait for vsync) | ${median(kp.map((x) => x[0])).toFixed(2)} | ${median(kp.map((x) => x[1])).toFixed(2)} |`);
console.log(`| keystrokes whose results are in the very next frame | ${(100 * nextFrame).toFixed(1)} % | |`);
console.log(`| search call alone (top 50 with snippets) | ${median(cs.map((x) => x[0])).toFixed(3)} | ${median(cs.map((x) => x[1])).toFixed(3)} |`);
console.log(`| navigation → first results rendered | ${median(results.load).toFixed(1)} | – |`);
await browser.close();
await server.close();
