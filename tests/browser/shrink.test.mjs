// scripts/shrink.mjs (run by postbuild on every build): short wasm import/export names kept in
// step between the wasm and its glue, and a CSS minifier that keeps every rule.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { renameWasm, renameGlue, renameGlueLocals, stripJs, minifyCss } from '../../scripts/shrink.mjs';
import { DIST, ROOT, launch, newPage } from './harness.mjs';

const leb = (n) => { const o = []; do { let x = n & 0x7f; n >>>= 7; if (n) x |= 0x80; o.push(x); } while (n); return o; };
const str = (s) => [...leb(Buffer.byteLength(s)), ...Buffer.from(s)];
const section = (id, body) => [id, ...leb(body.length), ...body];

// A module shaped like wasm-bindgen's output: two imported functions with hashed names, an
// exported memory and an exported function `compute(a, b) = mul(add(a, b), b)`.
const ADD = '__wbg_add_0123456789abcdef';
const MUL = '__wbg_mul_fedcba9876543210';
const wasmBytes = Buffer.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, [1, 0x60, 2, 0x7f, 0x7f, 1, 0x7f]),
  ...section(2, [2, ...str('./t_bg.js'), ...str(ADD), 0, 0, ...str('./t_bg.js'), ...str(MUL), 0, 0]),
  ...section(3, [1, 0]),
  ...section(5, [1, 0, 1]),
  ...section(7, [2, ...str('compute_values'), 0, 2, ...str('memory'), 2, 0]),
  ...section(10, (() => { const body = [0, 0x20, 0, 0x20, 1, 0x10, 0, 0x20, 1, 0x10, 1, 0x0b]; return [1, ...leb(body.length), ...body]; })()),
]);
const glue = `let wasm;
/**
 * Doc comment.
 */
function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        ${ADD}: function(arg0, arg1) {
            return arg0 + arg1;
        },
        ${MUL}: function(arg0, arg1) {
            return arg0 * arg1;
        },
    };
    return {
        __proto__: null,
        "./t_bg.js": import0,
    };
}
    // A comment.
function addMemoryPages(v) {
    return v + new Uint8Array(wasm.memory.buffer).length;
}
const keepAsProperty = { keepAsProperty: 1 };
function compute(a, b) {
    return addMemoryPages(wasm.compute_values(a, b)) + keepAsProperty.keepAsProperty - 1;
}
export function setWasm(w) { wasm = w; }
export function getImports() { return __wbg_get_imports(); }
export { compute as default };
`;
const run = (js, bytes) => {
  const body = js.replace(/^export \{.*$/m, '').replace(/^export /gm, '');
  const api = new Function(`${body}\nreturn { imports: getImports, compute, set: setWasm };`)();
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), api.imports());
  api.set(instance.exports);
  return api.compute(4, 5);
};

test('the renamed wasm and glue still work together, with short names only', () => {
  const expected = run(glue, wasmBytes);
  assert.equal(expected, (4 + 5) * 5 + 65536, 'the fixture computes mul(add(a, b), b) + one page of memory');
  const renamed = renameWasm(wasmBytes);
  const js = stripJs(renameGlueLocals(renameGlue(glue, renamed)));
  assert.equal(run(js, renamed.bytes), expected);
  assert.ok(!js.includes('addMemoryPages') && !js.includes('__wbg_get_imports'), 'the glue\'s own functions are renamed');
  assert.ok(js.includes('function compute(') && js.includes('keepAsProperty'), 'exported names and properties are not');
  const mod = new WebAssembly.Module(renamed.bytes);
  const names = [...WebAssembly.Module.imports(mod).flatMap((i) => [i.module, i.name]), ...WebAssembly.Module.exports(mod).map((e) => e.name)];
  assert.equal(names.length, 6);
  assert.ok(names.every((n) => n.length <= 2), `short names: ${names}`);
  assert.ok(renamed.bytes.length < wasmBytes.length);
  assert.ok(!/Doc comment|A comment|\n /.test(js), 'comments and indentation are gone');
  assert.equal(renameWasm(renamed.bytes), null, 'a second run finds nothing to rename');
});

test('a glue that does not match its wasm fails instead of shipping', () => {
  const renamed = renameWasm(wasmBytes);
  assert.throws(() => renameGlue(glue.replace('wasm.compute_values', 'wasm.compute_other'), renamed), /does not export/);
  assert.throws(() => renameGlue(glue.replace('"./t_bg.js"', '"./u_bg.js"'), renamed), /does not/);
  assert.throws(() => renameGlue(glue.replace(/ {8}__wbg_mul[\s\S]*?\},\n/, ''), renamed), /entries for the wasm's 2 imports/);
});

test('the shipped build has short import names, and its wasm compiles', () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const wasmName = html.match(/module_or_path: '\.\/([^']+\.wasm)'/)[1];
  const mod = new WebAssembly.Module(fs.readFileSync(path.join(DIST, wasmName)));
  const imports = WebAssembly.Module.imports(mod);
  assert.ok(imports.length > 50, 'the app imports its DOM calls');
  assert.ok(imports.every((i) => i.name.length <= 2 && i.module.length <= 2), 'every import is renamed');
});

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the minified stylesheet has exactly the rules of style.css (as Chromium parses them)', async () => {
  const source = fs.readFileSync(path.join(ROOT, 'style.css'), 'utf8');
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const shipped = fs.readFileSync(path.join(DIST, html.match(/href="\.\/([^"]+\.css)"/)[1]), 'utf8');
  assert.equal(shipped, minifyCss(source), 'the build ships the minified style.css');
  assert.ok(shipped.length < source.length * 0.9);
  const page = await newPage(browser);
  const rules = (css) => page.evaluate((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    const flat = (list) => [...list].flatMap((r) => [r.cssText]);
    return flat(sheet.cssRules);
  }, css);
  const want = await rules(source);
  assert.ok(want.length > 50, 'style.css has its rules');
  assert.deepEqual(await rules(shipped), want);
  // The oracle sees a changed rule.
  assert.notDeepEqual(await rules(shipped.replace('{', ' *{')), want);
  await page.context().close();
});
