#!/usr/bin/env node
// Prints the size of every file of a build, raw / gzip -9 / brotli -q 11, and the first load
// (what a browser fetches before the first result: HTML, JS, wasm, CSS, pwa.js).
//   node scripts/sizes.mjs [dist] [--budget BYTES]
// With --budget, also checks the first load's brotli size against BYTES (1 kB = 1000 bytes),
// prints both, and exits with status 1 when the build is over budget.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const args = process.argv.slice(2);
const at = args.indexOf('--budget');
const budget = at >= 0 ? Number(args.splice(at, 2)[1]) : null;
if (budget !== null && !(Number.isInteger(budget) && budget > 0)) {
  console.error('--budget needs a positive number of bytes');
  process.exit(2);
}
const dir = path.resolve(args[0] || 'dist');
const br = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_LGWIN]: 24 } }).length;
const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1);
const rows = fs.readdirSync(dir).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort().map((f) => {
  const b = fs.readFileSync(path.join(dir, f));
  return { f, raw: b.length, gz: gz(b), br: br(b) };
});
const first = rows.filter((r) => /^(index\.html|explorer-.*\.(js|wasm)|style-.*\.css|pwa-.*\.js)$/.test(r.f));
// The first load is five files; fewer means a build that did not produce them all.
if (budget !== null && first.length !== 5) {
  console.error(`expected 5 first-load files in ${dir}, found ${first.length}: ${first.map((r) => r.f).join(', ')}`);
  process.exit(1);
}
const sum = (rs, k) => rs.reduce((a, r) => a + r[k], 0);
console.log('| file | raw KiB | gzip KiB | brotli KiB |');
console.log('|---|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.f.replace(/-[0-9a-f]{16}/, '-…')} | ${kb(r.raw)} | ${kb(r.gz)} | ${kb(r.br)} |`);
console.log(`| **first load** (HTML + JS + wasm + CSS + pwa.js) | ${kb(sum(first, 'raw'))} | ${kb(sum(first, 'gz'))} | ${kb(sum(first, 'br'))} |`);
if (budget !== null) {
  const br = sum(first, 'br');
  const verdict = br <= budget ? 'ok' : 'OVER BUDGET';
  console.log(`first load, brotli -q 11: ${br} bytes (${kb(br)} KiB) of a budget of ${budget} bytes (${kb(budget)} KiB): ${verdict}, ${budget - br} bytes left`);
  if (br > budget) process.exit(1);
}
