#!/usr/bin/env node
// Prints the size of every file of a build, raw / gzip -9 / brotli -q 11, and the first load
// (what a browser fetches before the first result: HTML, JS, wasm, CSS, pwa.js).
//   node scripts/sizes.mjs [dist]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = path.resolve(process.argv[2] || 'dist');
const br = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_LGWIN]: 24 } }).length;
const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
const kb = (n) => (n / 1024).toFixed(1);
const rows = fs.readdirSync(dir).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort().map((f) => {
  const b = fs.readFileSync(path.join(dir, f));
  return { f, raw: b.length, gz: gz(b), br: br(b) };
});
const first = rows.filter((r) => /^(index\.html|explorer-.*\.(js|wasm)|style-.*\.css|pwa-.*\.js)$/.test(r.f));
const sum = (rs, k) => rs.reduce((a, r) => a + r[k], 0);
console.log('| file | raw KiB | gzip KiB | brotli KiB |');
console.log('|---|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.f.replace(/-[0-9a-f]{16}/, '-…')} | ${kb(r.raw)} | ${kb(r.gz)} | ${kb(r.br)} |`);
console.log(`| **first load** (HTML + JS + wasm + CSS + pwa.js) | ${kb(sum(first, 'raw'))} | ${kb(sum(first, 'gz'))} | ${kb(sum(first, 'br'))} |`);
