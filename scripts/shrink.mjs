// Shrinks the first-load files of a Trunk build in place, keeping what they do (run by
// scripts/postbuild.mjs before it hashes anything; also runnable by hand: node scripts/shrink.mjs DIR).
//
//  - wasm + JS glue: wasm-bindgen names every import `__wbg_<name>_<16 hex digits>` and the glue
//    reaches the exports by their Rust names; both files carry every name, and the hex digits do
//    not compress. Imports and exports get names of one or two letters, in the wasm's import and
//    export sections and in the glue alike.
//  - JS glue and pwa.js: doc comments, line comments and indentation go.
//  - CSS: comments and the whitespace around punctuation go.
// Every rewrite checks what it rewrites (a name the wasm does not have, a glue whose shape it
// does not know) and fails the build rather than ship a half-renamed pair. A second run finds
// nothing left to rename and changes nothing.
import fs from 'node:fs';
import path from 'node:path';

const fail = (msg) => { throw new Error(`shrink: ${msg}`); };

// LEB128 (unsigned), as in the wasm binary format.
const readU = (b, p) => {
  let r = 0, s = 0, x;
  do { x = b[p++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80);
  return [r, p];
};
const encU = (n) => {
  const o = [];
  do { let x = n % 128; n = Math.floor(n / 128); if (n) x |= 0x80; o.push(x); } while (n);
  return Buffer.from(o);
};
const readName = (b, p) => { const [n, q] = readU(b, p); return [b.toString('utf8', q, q + n), q + n]; };
const encName = (s) => { const b = Buffer.from(s, 'utf8'); return Buffer.concat([encU(b.length), b]); };

/** The `i`th short name: a, b, …, Z, ba, bb, … (never a JS keyword: no two-letter one is `do`/`if`/`in`). */
export const shortName = (i) => {
  const abc = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let s = '';
  do { s = abc[i % 52] + s; i = Math.floor(i / 52); } while (i);
  return ['do', 'if', 'in'].includes(s) ? `${s}_` : s;
};

/** Skips an import's description (after its kind byte) and returns the position after it. */
const skipImportDesc = (b, kind, r) => {
  if (kind === 0) return readU(b, r)[1]; // function: type index
  if (kind === 1) { r++; const fl = b[r++]; r = readU(b, r)[1]; return fl & 1 ? readU(b, r)[1] : r; } // table
  if (kind === 2) { const fl = b[r++]; r = readU(b, r)[1]; return fl & 1 ? readU(b, r)[1] : r; } // memory
  if (kind === 3) return r + 2; // global: value type, mutability
  if (kind === 4) return readU(b, r + 1)[1]; // tag
  return fail(`unknown import kind ${kind}`);
};

/**
 * Renames the wasm's imports (module and field) and exports to short names. Returns the new
 * bytes and the maps old → new: `modules`, `imports` (per module: field → name) and `exports`,
 * or `null` when every name is short already (a second run).
 */
export function renameWasm(w) {
  const first = renameWith(w, () => null);
  const names = [...first.modules.keys(), ...first.exports.keys(), ...[...first.imports.values()].flatMap((m) => [...m.keys()])];
  if (names.every((n) => n.length <= 2)) return null;
  return renameWith(w, shortName);
}

/** One pass over the import and export sections, naming the `i`th distinct name of each kind `rename(i)` (or keeping it when that is null). */
function renameWith(w, rename) {
  const give = (map, name) => { if (!map.has(name)) map.set(name, rename(map.size) ?? name); return map.get(name); };
  if (w.readUInt32LE(0) !== 0x6d736100) fail('not a wasm module');
  const modules = new Map(), imports = new Map(), exports = new Map();
  const out = [w.subarray(0, 8)];
  let p = 8;
  while (p < w.length) {
    const id = w[p];
    const [size, q] = readU(w, p + 1);
    const end = q + size;
    if (id === 2 || id === 7) {
      let [n, r] = readU(w, q);
      const parts = [encU(n)];
      for (let i = 0; i < n; i++) {
        if (id === 2) {
          let mod, field;
          [mod, r] = readName(w, r);
          [field, r] = readName(w, r);
          const start = r;
          r = skipImportDesc(w, w[r], r + 1);
          const m = imports.get(mod) || new Map();
          imports.set(mod, m);
          parts.push(encName(give(modules, mod)), encName(give(m, field)), w.subarray(start, r));
        } else {
          let field;
          [field, r] = readName(w, r);
          const start = r;
          r = readU(w, r + 1)[1];
          parts.push(encName(give(exports, field)), w.subarray(start, r));
        }
      }
      if (r !== end) fail(`section ${id} has ${end - r} bytes after its entries`);
      const body = Buffer.concat(parts);
      out.push(Buffer.from([id]), encU(body.length), body);
    } else {
      out.push(w.subarray(p, end));
    }
    p = end;
  }
  if (p !== w.length) fail('the last section runs past the end of the file');
  return { bytes: Buffer.concat(out), modules, imports, exports };
}

/** Drops `/** … *\/` blocks, whole-line `//` comments, indentation and blank lines. */
export const stripJs = (js) => js
  .replace(/^[ \t]*\/\*\*[\s\S]*?\*\/[ \t]*\n/gm, '')
  .replace(/^[ \t]*\/\/.*\n/gm, '')
  .replace(/^[ \t]+/gm, '')
  .replace(/\n{2,}/g, '\n');

/**
 * Applies the maps of {@link renameWasm} to wasm-bindgen's glue: the keys of each import object,
 * the module names it is returned under, and every `wasm.<export>`.
 */
export function renameGlue(js, { modules, imports, exports }) {
  const objects = new Map(); // importN → module
  js = js.replace(/^(\s*)"([^"]+)": (import\d+),$/gm, (m, sp, mod, obj) => {
    if (!modules.has(mod)) fail(`the glue imports module ${mod}, which the wasm does not`);
    objects.set(obj, mod);
    return `${sp}"${modules.get(mod)}": ${obj},`;
  });
  for (const [obj, mod] of objects) {
    const start = js.indexOf(`const ${obj} = {`);
    if (start < 0) fail(`no object ${obj} in the glue`);
    const stop = js.indexOf('\n    };\n', start);
    if (stop < 0) fail(`cannot find the end of ${obj}`);
    const names = imports.get(mod);
    let seen = 0;
    const body = js.slice(start, stop).replace(/^( {8})([A-Za-z_$][\w$]*): /gm, (m, sp, key) => {
      if (key === '__proto__') return m;
      seen++;
      // An import the wasm does not use keeps its name (harmless, and wasm-bindgen emits none).
      return `${sp}${names.get(key) ?? key}: `;
    });
    if (seen < names.size) fail(`${obj} has ${seen} entries for the wasm's ${names.size} imports of ${mod}`);
    js = js.slice(0, start) + body + js.slice(stop);
  }
  if (objects.size !== modules.size) fail(`the glue provides ${objects.size} of the wasm's ${modules.size} import modules`);
  js = js.replace(/\bwasm\.([A-Za-z_$][\w$]*)/g, (m, name) => {
    if (!exports.has(name)) fail(`the glue uses wasm.${name}, which the wasm does not export`);
    return `wasm.${exports.get(name)}`;
  });
  return js;
}

/**
 * Gives the glue's own top-level functions and variables (`passStringToWasm0`,
 * `wasm_bindgen__convert__closures_____invoke__h<16 hex digits>`, …) names of two or three
 * characters. Left alone: exported names, and any name that also occurs as a property
 * (`.name`, `name:`) or inside a string, where renaming could change what the code means.
 */
export function renameGlueLocals(js) {
  const exported = new Set([...js.matchAll(/^export (?:async )?function ([\w$]+)/gm)].map((m) => m[1]));
  for (const m of js.matchAll(/^export \{([^}]*)\}/gm)) {
    for (const part of m[1].split(',')) exported.add(part.trim().split(/\s+/)[0]);
  }
  const strings = [...js.matchAll(/'[^'\n]*'|"[^"\n]*"|`[^`]*`/g)].map((m) => m[0]).join('\n');
  const declared = [...js.matchAll(/^(?:async )?function ([\w$]+)|^(?:let|const) ([\w$]+)/gm)].map((m) => m[1] || m[2]);
  const names = [...new Set(declared)].filter((n) => n.length > 3 && !exported.has(n)
    && !new RegExp(`\\.${n}\\b|\\b${n}\\s*:`).test(js) && !new RegExp(`\\b${n}\\b`).test(strings));
  // The new names start with `$`, which the glue's own names never do.
  if (/\$[0-9a-z]+\b/.test(js.replace(/\$\{/g, ''))) fail('the glue already has names like $0');
  names.forEach((n, i) => {
    const short = `$${i.toString(36)}`;
    js = js.replace(new RegExp(`\\b${n}\\b`, 'g'), () => short);
  });
  return js;
}

/** Drops comments and the whitespace that CSS does not need. */
export const minifyCss = (css) => css
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .replace(/\s+/g, ' ')
  // Not before `:` (`a :hover` differs from `a:hover`), only after it; not around `+` (calc()
  // needs it) nor `,` (a value with var() keeps its spaces as written).
  .replace(/\s*([{};>])\s*/g, '$1')
  .replace(/:\s+/g, ':')
  .replace(/;}/g, '}')
  .trim();

/**
 * Shrinks the files of a build named by its index.html; returns the names of the files it
 * rewrote (their integrity attributes in index.html must then be renewed).
 */
export function shrinkBuild(dir, html) {
  const loader = html.match(/<script type="module">([\s\S]*?)<\/script>/);
  const jsName = loader?.[1].match(/from '\.\/([^']+\.js)'/)?.[1];
  const wasmName = loader?.[1].match(/module_or_path: '\.\/([^']+\.wasm)'/)?.[1];
  if (!jsName || !wasmName) fail('cannot find the JS glue and wasm names in the loader');
  const rewrite = new Map();
  const wasm = renameWasm(fs.readFileSync(path.join(dir, wasmName)));
  const glue = fs.readFileSync(path.join(dir, jsName), 'utf8');
  if (wasm) rewrite.set(wasmName, wasm.bytes);
  rewrite.set(jsName, Buffer.from(stripJs(wasm ? renameGlueLocals(renameGlue(glue, wasm)) : glue)));
  for (const m of html.matchAll(/<link[^>]*href="\.\/([^"]+\.css)"|<script[^>]*src="\.\/([^"]+\.js)"/g)) {
    if (m[1]) rewrite.set(m[1], Buffer.from(minifyCss(fs.readFileSync(path.join(dir, m[1]), 'utf8'))));
    else rewrite.set(m[2], Buffer.from(stripJs(fs.readFileSync(path.join(dir, m[2]), 'utf8'))));
  }
  const changed = [];
  for (const [name, bytes] of rewrite) {
    const file = path.join(dir, name);
    if (!fs.readFileSync(file).equals(bytes)) {
      fs.writeFileSync(file, bytes);
      changed.push(name);
    }
  }
  return changed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.resolve(process.argv[2] || 'dist');
  console.log(shrinkBuild(dir, fs.readFileSync(path.join(dir, 'index.html'), 'utf8')).join('\n'));
}
