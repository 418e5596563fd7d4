#!/usr/bin/env node
// The files the first view of a release build loads, found the way the browser finds them,
// with their raw and gzip (zlib level 9) sizes: the first-load size budget of issue #6.
//
//   node scripts/first-load.mjs [--budget BYTES] [--json] [DIST_DIR]     (default: dist)
//
// Used by scripts/check-size-budget.sh (in `make test`, budget 250,000 bytes gzipped) and by
// the benchmark (tests/bench/bench.mjs). Deterministic: no browser, no network.
//
// The walk starts at index.html and follows every reference to a file of the build:
// - in HTML, the `src` of any element and the `href` of `<link>` elements (style sheets,
//   icon, module and wasm preloads); an `<a href>` is a link, not a load, and is skipped;
// - in JavaScript, every quoted relative path to a file (`'./parallax-….js'`,
//   `new URL('parallax-…_bg.wasm', import.meta.url)`): the loader script the post-build
//   hook moves out of index.html imports the wasm-bindgen glue and starts the wasm, so
//   those only appear here;
// - in CSS, `url(…)` and `@import`.
// A reference of HTML or CSS to a file that is not in the build fails the walk: the page
// would fail to load it. A quoted path in JavaScript counts only when such a file exists:
// not every string that looks like a path is loaded (the wasm-bindgen glue names its wasm
// imports `"./parallax_bg.js"`, a module name, not a file).

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const FILE_EXT = 'js|mjs|wasm|css|json|svg|png|ico|webp|woff2?|webmanifest';
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i;

/** The statement of a loader script that names the analysis worker's loader. */
const ON_DEMAND_STATEMENT = /globalThis\.parallaxWorker\s*=[^;]*;/g;

/** `{ ref, strict }` for each reference in `text`, a file of kind `ext`. */
export function referencesIn(text, ext) {
  const refs = [];
  const add = (ref, strict) => {
    const clean = ref.trim().replace(/[?#].*$/, '');
    if (clean !== '' && !EXTERNAL.test(clean)) refs.push({ ref: clean, strict });
  };
  if (ext === 'html') {
    const attr = (tag, name) => {
      const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+))`, 'i').exec(tag);
      return m ? (m[1] ?? m[2] ?? m[3]) : null;
    };
    for (const [tag] of text.matchAll(/<[a-z][a-z0-9-]*(?:[^>"']|"[^"]*"|'[^']*')*>/gi)) {
      const src = attr(tag, 'src');
      if (src !== null) add(src, true);
      if (/^<link\b/i.test(tag)) {
        const href = attr(tag, 'href');
        if (href !== null) add(href, true);
      }
    }
  } else if (ext === 'js' || ext === 'mjs') {
    // The analysis worker's loader, named to the app in `globalThis.parallaxWorker = …;`
    // (scripts/post-build.mjs), starts only when a reader's article is analysed: it is
    // loaded on demand, not by the first view (see `onDemandFiles`).
    text = text.replace(ON_DEMAND_STATEMENT, '');
    const re = new RegExp(`(["'\`])((?:\\.{1,2}/)?[A-Za-z0-9_@%+~-][A-Za-z0-9_@%+~./-]*\\.(?:${FILE_EXT}))\\1`, 'g');
    for (const m of text.matchAll(re)) add(m[2], false);
  } else if (ext === 'css') {
    for (const m of text.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/gi)) {
      const ref = m[1] ?? m[2] ?? m[3];
      if (!ref.startsWith('data:')) add(ref, true);
    }
    for (const m of text.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/gi)) add(m[1] ?? m[2], true);
  }
  return refs;
}

/**
 * The files the first view of the build in `dist` loads, in discovery order:
 * `[{ name, raw, gzip, from }]`, `name` relative to `dist`, `from` the file that named it.
 * Throws when index.html is missing or a strict reference names no file of the build.
 */
export function firstLoadFiles(dist) {
  const root = resolve(dist);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${join(dist, 'index.html')} is missing; run \`trunk build --release --offline\` first`);
  }
  return walk(dist, [{ name: 'index.html', from: null }]);
}

/**
 * The files loaded on demand, after the first view: the analysis worker's loader named in
 * `globalThis.parallaxWorker` by the first view's scripts, and what it loads. Same shape
 * as [`firstLoadFiles`]; `first` is its result.
 */
export function onDemandFiles(dist, first) {
  const root = resolve(dist);
  const start = [];
  for (const f of first.filter((f) => /\.m?js$/.test(f.name))) {
    const text = readFileSync(join(root, f.name), 'utf8');
    for (const [statement] of text.matchAll(ON_DEMAND_STATEMENT)) {
      const ref = /(["'`])\.?\/?([^"'`]+)\1/.exec(statement)?.[2];
      if (ref) start.push({ name: normalize(join(dirname(f.name), ref)).split(sep).join('/'), from: f.name });
    }
  }
  const inFirst = new Set(first.map((f) => f.name));
  return walk(dist, start).filter((f) => !inFirst.has(f.name));
}

/** The files `queue` names and every file they load in turn (see the top of this file). */
function walk(dist, queue) {
  const root = resolve(dist);
  const seen = new Map();
  while (queue.length > 0) {
    const { name, from } = queue.shift();
    if (seen.has(name)) continue;
    const bytes = readFileSync(join(root, name));
    seen.set(name, { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, from });
    const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    if (!['html', 'js', 'mjs', 'css'].includes(ext)) continue;
    for (const { ref, strict } of referencesIn(bytes.toString('utf8'), ext)) {
      let path;
      try {
        path = normalize(join(dirname(join(root, name)), decodeURIComponent(ref)));
      } catch {
        path = null;
      }
      const inside = path !== null && path.startsWith(root + sep);
      const isFile = inside && existsSync(path) && statSync(path).isFile();
      if (isFile) {
        queue.push({ name: relative(root, path).split(sep).join('/'), from: name });
      } else if (strict) {
        throw new Error(`${name} loads ${ref}, which is not a file of ${dist}/`);
      }
    }
  }
  return [...seen.values()];
}

/** Totals of `files`: `{ raw, gzip, wasmRaw, wasmGzip }`. */
export function totals(files) {
  const sum = (list, key) => list.reduce((n, f) => n + f[key], 0);
  const wasm = files.filter((f) => f.name.endsWith('.wasm'));
  return { raw: sum(files, 'raw'), gzip: sum(files, 'gzip'), wasmRaw: sum(wasm, 'raw'), wasmGzip: sum(wasm, 'gzip') };
}

function main(argv) {
  let budget = null;
  let json = false;
  let dist = 'dist';
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--budget') budget = Number(argv[++i]);
    else if (argv[i] === '--json') json = true;
    else dist = argv[i];
  }
  if (budget !== null && !(budget > 0)) {
    console.error('size budget: --budget needs a number of bytes');
    return 2;
  }
  let files;
  try {
    files = firstLoadFiles(dist);
  } catch (e) {
    console.error(`size budget: ${e.message}`);
    return 1;
  }
  const t = totals(files);
  let later;
  try {
    later = onDemandFiles(dist, files);
  } catch (e) {
    console.error(`size budget: ${e.message}`);
    return 1;
  }
  const tl = totals(later);
  if (json) {
    process.stdout.write(`${JSON.stringify({ files, totals: t, onDemand: { files: later, totals: tl } }, null, 1)}\n`);
  } else {
    const kb = (b) => (b / 1000).toFixed(1);
    const row = (a, b, c, d) => `${a.padEnd(44)} ${String(b).padStart(11)} ${String(c).padStart(11)}  ${d}`;
    console.log(row(`file (first load of ${dist}/)`, 'raw bytes', 'gzip -9', 'named by'));
    console.log(row('-'.repeat(44), '-'.repeat(11), '-'.repeat(11), '--------'));
    for (const f of files) console.log(row(f.name, f.raw, f.gzip, f.from ?? '(the page)'));
    console.log(row(`total (${files.length} files)`, t.raw, t.gzip, ''));
    console.log('');
    console.log(`wasm alone: ${kb(t.wasmRaw)} KB raw, ${kb(t.wasmGzip)} KB gzip`);
    console.log(
      `first load: ${kb(t.raw)} KB raw, ${kb(t.gzip)} KB gzip` +
        (budget !== null ? ` (budget ${kb(budget)} KB gzip)` : ''),
    );
    if (later.length > 0) {
      const names = later.map((f) => f.name).join(', ');
      console.log(`loaded on demand (the analysis worker, when a reader's article is analysed): ${kb(tl.raw)} KB raw, ${kb(tl.gzip)} KB gzip: ${names}`);
    }
  }
  if (t.wasmRaw === 0) {
    console.error(`size budget: FAIL — the first view loads no .wasm file; is ${dist}/ a Trunk release build?`);
    return 1;
  }
  if (budget !== null && t.gzip > budget) {
    console.error(`size budget: FAIL — ${t.gzip} bytes gzipped > ${budget}`);
    return 1;
  }
  if (budget !== null && !json) console.log('size budget: ok');
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
