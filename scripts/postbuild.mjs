#!/usr/bin/env node
// Trunk post-build hook (also runnable by hand): finishes a build directory.
//
//   node scripts/postbuild.mjs [DIR] [--build-id ID]
//
// DIR defaults to $TRUNK_STAGING_DIR (inside Trunk) or dist/. It
//  0. shrinks the first-load files in place (scripts/shrink.mjs: short wasm import and export
//     names, comments and whitespace) and renews their integrity attributes in index.html;
//  0b. for a sharded build, copies its chunks to shards/ and writes search-worker.js;
//  1. stamps index.html with a build id (a hash of every file) and a strict
//     Content-Security-Policy whose script hashes cover Trunk's inline loader;
//  2. writes sw.js, the service worker, precaching exactly this build's files;
//  3. writes archive-explorer.html: the whole app in one self-contained file (CSS, JS, wasm and
//     icon inlined, wasm instantiated from inline bytes) that works from file:// with no network.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { shrinkBuild } from './shrink.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
let buildIdOverride = null;
const pos = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--build-id') buildIdOverride = args[++i];
  else pos.push(args[i]);
}
const dir = path.resolve(pos[0] || process.env.TRUNK_STAGING_DIR || path.join(here, '..', 'dist'));
const SINGLE = 'archive-explorer.html';
const fail = (msg) => { console.error(`postbuild: ${msg}`); process.exit(1); };

const sha256 = (data, enc = 'base64') => crypto.createHash('sha256').update(data).digest(enc);
const listFiles = (d, base = '') => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
  const rel = base ? `${base}/${e.name}` : e.name;
  if (e.isDirectory()) return e.name.startsWith('.') ? [] : listFiles(path.join(d, e.name), rel);
  return [rel];
});

const indexPath = path.join(dir, 'index.html');
if (!fs.existsSync(indexPath)) fail(`${indexPath} not found`);
let html = fs.readFileSync(indexPath, 'utf8')
  .replace(/\s*<meta name="archive-build"[^>]*>/g, '')
  .replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/g, '');

// 0. Shrink, then renew the integrity (SRI) of every rewritten file.
let shrunk;
try {
  shrunk = shrinkBuild(dir, html);
} catch (e) {
  fail(e.message);
}
for (const name of shrunk) {
  const sri = `sha384-${crypto.createHash('sha384').update(fs.readFileSync(path.join(dir, name))).digest('base64')}`;
  let found = false;
  html = html.replace(/<(link|script)\b[^>]*>/g, (tag) => {
    if (!tag.includes(`"./${name}"`)) return tag;
    found = true;
    return tag.replace(/integrity="[^"]*"/, `integrity="${sri}"`);
  });
  if (!found) fail(`no tag of index.html names ${name}`);
}

// 0b. A sharded build (see build.rs): its wasm carries `archive-shards:<id>;`, and build.rs left
// the chunk files in `<target>/wasm32-unknown-unknown/<profile>/build/archive-explorer-*/out/
// shards-<id>/`: copy them next to the app. Run by hand on a finished build, the chunks already
// there are kept.
const findShards = (id) => {
  const root = path.join(process.env.CARGO_TARGET_DIR || path.join(here, '..', 'target'), 'wasm32-unknown-unknown');
  for (const profile of fs.existsSync(root) ? fs.readdirSync(root) : []) {
    const build = path.join(root, profile, 'build');
    for (const d of fs.existsSync(build) ? fs.readdirSync(build) : []) {
      const f = path.join(build, d, 'out', `shards-${id}`);
      if (d.startsWith('archive-explorer-') && fs.existsSync(f)) return f;
    }
  }
  return null;
};
let sharded = fs.existsSync(path.join(dir, 'shards'));
if (process.env.TRUNK_STAGING_DIR) {
  const wasm = fs.readdirSync(dir).find((f) => f.endsWith('_bg.wasm'));
  const id = wasm && fs.readFileSync(path.join(dir, wasm)).toString('latin1').match(/archive-shards:([0-9a-f]{16});/)?.[1];
  sharded = Boolean(id);
  fs.rmSync(path.join(dir, 'shards'), { recursive: true, force: true });
  if (id) {
    const from = findShards(id);
    if (!from) fail(`the wasm is a sharded build (${id}) but its chunks (shards-${id}) are not under target/`);
    fs.mkdirSync(path.join(dir, 'shards'));
    for (const f of fs.readdirSync(from)) fs.copyFileSync(path.join(from, f), path.join(dir, 'shards', f));
  }
}
const shardFiles = sharded ? fs.readdirSync(path.join(dir, 'shards')).map((f) => `shards/${f}`).sort() : [];
// The search worker of a sharded build: the app's own glue and wasm, run in a module worker
// (src/ui/shard_worker.rs). Messages that come before the wasm is ready wait for it.
const WORKER = 'search-worker.js';
fs.rmSync(path.join(dir, WORKER), { force: true });
if (sharded) {
  // No single file to offer when loading fails (a sharded build has none).
  html = html.replace(/(<p class="loading-failed">)[\s\S]*?(<\/p>)/, '$1档案未能载入：这个浏览器可能不支持 WebAssembly，或网络中断。请检查网络后重新载入；离线阅读请先在线打开一次并保存整个档案。<br><span lang="en">The archive could not load: this browser may lack WebAssembly, or the network failed. Check the connection and reload; to read offline, open it online once and save the whole archive.</span>$2');
  const glue = html.match(/import init, \* as bindings from '\.\/([^']+\.js)'/)?.[1];
  const wasmFile = html.match(/module_or_path: '\.\/([^']+\.wasm)'/)?.[1];
  if (!glue || !wasmFile) fail('index.html does not name the glue and wasm Trunk loads');
  fs.writeFileSync(path.join(dir, WORKER), [
    '// The search of a sharded archive, off the page\'s thread: see src/ui/shard_worker.rs.',
    `import init from './${glue}';`,
    'const early = [];',
    'self.onmessage = (e) => early.push(e);',
    `await init({ module_or_path: './${wasmFile}' });`,
    'for (const e of early) self.onmessage(e);',
    '',
  ].join('\n'));
}

// 1. Build id over every file of the build (chunks are content-named: their names suffice).
const files = listFiles(dir).filter((f) => f !== 'sw.js' && f !== SINGLE && !f.endsWith('.map') && !f.startsWith('shards/')).sort();
const h = crypto.createHash('sha256');
for (const f of files) {
  h.update(f + '\0');
  h.update(f === 'index.html' ? html : fs.readFileSync(path.join(dir, f)));
}
for (const f of shardFiles) h.update(f + '\0');
const buildId = buildIdOverride || h.digest('hex').slice(0, 16);

const inlineScripts = (doc) => [...doc.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const hostedCsp = [
  "default-src 'self'",
  `script-src 'self' ${inlineScripts(html).map((s) => `'sha256-${sha256(s)}'`).join(' ')} 'wasm-unsafe-eval'`,
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
// The CSP goes right after <meta charset> (before any script), the build id beside it.
const stamp = (doc, csp) => doc.replace(/<meta charset="utf-8">|<head>/,
  (m) => `${m}\n  <meta http-equiv="Content-Security-Policy" content="${csp}">\n  <meta name="archive-build" content="${buildId}">`);
fs.writeFileSync(indexPath, stamp(html, hostedCsp));

// 2. The service worker.
const template = fs.readFileSync(path.join(here, '..', 'assets', 'sw.js'), 'utf8');
fs.writeFileSync(path.join(dir, 'sw.js'), template.replace('__VERSION__', buildId).replace('__FILES__', JSON.stringify(files))
  .replace('__SHARDS__', JSON.stringify(shardFiles)));
if (sharded) {
  // No single file: a browser refuses fetch() from file://, and the chunks are fetched. The
  // README says how to read a sharded archive offline (the installed app, or `archive serve`).
  fs.rmSync(path.join(dir, SINGLE), { force: true });
  const bytes = shardFiles.reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
  console.log(`postbuild: build ${buildId} (sharded): ${files.length} files precached by sw.js; ${shardFiles.length} chunks, ${(bytes / 1048576).toFixed(1)} MiB, cached as fetched`);
  process.exit(0);
}

// 3. The single file.
const read = (href) => {
  const p = path.join(dir, href.replace(/^\.\//, ''));
  if (!fs.existsSync(p)) fail(`${href} referenced by index.html is missing`);
  return fs.readFileSync(p);
};
let single = html;
const cssLink = single.match(/<link[^>]*href="([^"]+\.css)"[^>]*>/);
if (!cssLink) fail('no stylesheet link in index.html');
const css = read(cssLink[1]).toString('utf8');
single = single.replace(cssLink[0], () => `<style>${css}</style>`);
const loader = single.match(/<script type="module">([\s\S]*?)<\/script>/);
if (!loader) fail("no Trunk loader script in index.html");
const jsName = loader[1].match(/from '([^']+\.js)'/)?.[1];
const wasmName = loader[1].match(/module_or_path: '([^']+\.wasm)'/)?.[1];
if (!jsName || !wasmName) fail('cannot find the JS glue and wasm names in the loader');
const glue = read(jsName).toString('utf8')
  .replace(/^export \{[^}]*\};?\s*$/gm, '')
  .replace(/^export (?=(async )?function|class|const|let|var)/gm, '');
const wasm64 = read(wasmName).toString('base64');
const script = `${glue}
const wasmBytes = Uint8Array.from(atob("${wasm64}"), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: wasmBytes });
`;
single = single.replace(loader[0], () => `<script type="module">${script}</script>`);
single = single
  .replace(/<link[^>]*rel="(modulepreload|preload)"[^>]*>/g, '')
  .replace(/<script[^>]*src="[^"]*pwa[^"]*"[^>]*><\/script>/g, '')
  .replace(/<link[^>]*rel="(manifest|apple-touch-icon)"[^>]*>/g, '')
  .replace(/<html([^>]*)>/, '<html$1 data-single-file="">');
const iconLink = single.match(/<link[^>]*rel="icon"[^>]*href="([^"]+)"[^>]*>|<link[^>]*href="([^"]+)"[^>]*rel="icon"[^>]*>/);
if (iconLink) {
  const href = iconLink[1] || iconLink[2];
  const data = read(href).toString('base64');
  single = single.replace(iconLink[0], () => `<link rel="icon" href="data:image/svg+xml;base64,${data}">`);
}
const singleCsp = [
  "default-src 'none'",
  `script-src ${inlineScripts(single).map((s) => `'sha256-${sha256(s)}'`).join(' ')} 'wasm-unsafe-eval'`,
  `style-src ${[...single.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${sha256(m[1])}'`).join(' ')}`,
  'img-src data: blob:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
fs.writeFileSync(path.join(dir, SINGLE), stamp(single, singleCsp));
console.log(`postbuild: build ${buildId}: ${files.length} files precached by sw.js; ${SINGLE} ${(fs.statSync(path.join(dir, SINGLE)).size / 1024).toFixed(0)} KiB`);
