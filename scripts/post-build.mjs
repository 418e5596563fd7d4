#!/usr/bin/env node
// Trunk post_build hook (Trunk.toml `[[hooks]] stage = "post_build"`): makes the built
// index.html safe to serve under a strict Content Security Policy, and writes `embed.js`,
// the loader a host page includes to show the app in its own page.
//
// Trunk 0.21 runs this after it has written index.html into its staging folder and before
// it moves that folder to dist/. It passes TRUNK_STAGING_DIR, TRUNK_PROFILE ("release" or
// "debug") and TRUNK_PUBLIC_URL ("./" here) in the environment. Plain Node, no packages:
// it must work on a fresh machine with only what scripts/setup.sh installs.
//
// What it does to the staged index.html:
// 1. Trunk inlines a `<script type="module">` that imports the wasm-bindgen glue and starts
//    the wasm. An inline script needs `'unsafe-inline'` (or a hash) in `script-src`, so the
//    loader moves, as it is, to `boot-<hash>.js` next to index.html, named for its content
//    like every other file Trunk writes, so it can be cached for long.
// 2. In release builds it puts the first view, prerendered by the app's own binary built
//    natively (`cargo run --bin parallax`, see src/prerender.rs), last in <body>, after the
//    small inline script that hides it when the page opens on another view; the policy
//    allows that script by its hash.
// 3. In release builds it puts the style sheets into index.html, as one `<style>` element
//    where Trunk linked the first one: the page is styled as soon as it has arrived, with
//    no request more before its first paint (and the browser lays out the prerendered
//    view once, not unstyled first and again when the sheets arrive). The files stay in
//    dist/ for embed.js. The policy allows that element by its hash.
// 4. In release builds it adds the policy as a `<meta http-equiv="Content-Security-Policy">`
//    (first in <head>, so it covers everything after it) and fails the build if anything
//    the policy would block is left: an inline script, an inline event handler, a `style`
//    attribute or a `<style>` element, a `<base>` element.
//    Debug builds (`trunk serve`) get no policy: Trunk's serve injects its own inline
//    autoreload script, whose address it fills in when serving, so it cannot be moved or
//    hashed here. It is left alone.
//
// The analysis worker (`src/worker/main.rs`, `data-type="worker"` in index.html): Trunk
// writes its glue and wasm under fixed names (a worker's files are named at run time). They
// are renamed here for their content like every other file, and a loader, itself named for
// its content, starts them. boot-….js and embed.js name that loader to the app in
// `globalThis.parallaxWorker`; nothing loads it until a reader's article is analysed.
//
// What it adds: `embed.js`, under a name that never changes (a host page links to it),
// so cache it briefly; everything it loads has a hashed name. It adds the app's style
// sheets to the host page (resolved against its own URL, not the page's) unless already
// there, fetches the wasm in the meantime, then starts the app, which mounts into the
// host's `<div id="parallax" data-…>` (see README, "Embedding").

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { access, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The policy of the built page. Only the app's own files; `'wasm-unsafe-eval'` lets it
 * compile its WebAssembly and nothing else; no plugins, no `<base>` rewriting, no forms
 * posting anywhere. Styles from the app's own files and the build's own `<style>` element
 * (by its hash) only: inline `style="…"` attributes are blocked, CSSOM changes
 * (`el.style.left = …`, Leptos `style:left=`) are not.
 * `frame-ancestors` cannot be set from a `<meta>` (browsers ignore it there and warn), so
 * the page may be framed: that is the iframe embed. */
export const CSP = policy([]);

/** The policy, allowing the inline scripts and `<style>` elements whose hashes
 * (`sha256-…`) are given and no other. */
export function policy(scriptHashes, styleHashes = []) {
  return [
    "default-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...scriptHashes.map((h) => `'${h}'`)].join(' '),
    ["style-src 'self'", ...styleHashes.map((h) => `'${h}'`)].join(' '),
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** An inline script's or `<style>` element's hash as a policy names it: `sha256-<base64>`. */
export function scriptHash(text) {
  return `sha256-${createHash('sha256').update(text).digest('base64')}`;
}

/** The file host pages include; its name is part of the embedding contract. */
export const EMBED_FILE = 'embed.js';

/** Attributes of a start tag's attribute text, with HTML's quoting rules (Trunk may
 * minify index.html, which drops quotes). Names are lower-cased; a bare name maps to "". */
export function parseAttributes(text) {
  const attrs = new Map();
  const re = /([^\s"'<>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const m of text.matchAll(re)) {
    attrs.set(m[1].toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/** Every start tag named `name` (case-insensitive), with its attributes and position. */
function startTags(html, name) {
  const re = new RegExp(`<${name}(?=[\\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>`, 'gi');
  return [...html.matchAll(re)].map((m) => ({
    index: m.index,
    end: m.index + m[0].length,
    text: m[0],
    attrs: parseAttributes(m[1].replace(/\/$/, '')),
  }));
}

/** Every `<link rel="stylesheet">` start tag of `html`, in page order. */
function styleLinks(html) {
  return startTags(html, 'link').filter((l) =>
    (l.attrs.get('rel') ?? '').toLowerCase().split(/\s+/).includes('stylesheet'),
  );
}

/** Every `<script …>…</script>` element, with its attributes and content. */
function scripts(html) {
  return startTags(html, 'script').map((tag) => {
    const close = html.toLowerCase().indexOf('</script', tag.end);
    if (close < 0) throw new Error('index.html: a <script> element is not closed');
    const closeEnd = html.indexOf('>', close) + 1;
    return { ...tag, end: closeEnd, content: html.slice(tag.end, close) };
  });
}

/** `sha384-…`, as Trunk writes integrity attributes. */
function sri(text) {
  return `sha384-${createHash('sha384').update(text).digest('base64')}`;
}

/** The name Trunk's style of hashing gives a file with `text`: `stem-<16 hex digits>.ext`. */
function hashedName(stem, ext, text) {
  return `${stem}-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.${ext}`;
}

/** A reference of index.html as a path relative to the build folder: the public URL
 * prefix (`./` or an absolute path) taken off. */
function relative(ref, publicUrl) {
  if (publicUrl && ref.startsWith(publicUrl)) return ref.slice(publicUrl.length);
  return ref.replace(/^\.\//, '');
}

const escapeAttr = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * Rewrites Trunk's index.html. Pure: returns the new index.html and the files to write
 * next to it, or throws with a message that says what is wrong.
 *
 * @param {string} html        index.html as Trunk wrote it
 * @param {{release: boolean, publicUrl?: string, workerLoader?: string | null,
 *          prerender?: {gate: string, root: string} | null}} options
 *   `workerLoader`: the analysis worker's loader, relative to the build folder (see
 *   [`workerFiles`]); the loader scripts name it to the app.
 *   `prerender`: the first view as the app's native binary prints it (`src/prerender.rs`):
 *   its gate script's text and its root element, put last in `<body>`; the policy allows
 *   the gate script by its hash.
 * @returns {{html: string, files: Record<string, string>, refs: string[]}}
 *   `refs`: the build files the page and embed.js load, relative to the build folder.
 */
export function transform(html, { release, publicUrl = './', workerLoader = null, prerender = null, readStyle = null }) {
  // 1. Trunk's loader: the inline module script that imports the glue and calls init.
  const inline = scripts(html).filter((s) => !s.attrs.has('src'));
  const loaders = inline.filter((s) => /\bimport\s+init\b/.test(s.content));
  if (loaders.length !== 1) {
    throw new Error(
      `index.html: expected one inline Trunk loader script (\`import init … from …\`), found ${loaders.length}; ` +
        'has Trunk changed how it starts the app?',
    );
  }
  const [loader] = loaders;
  const glue = /\bfrom\s*(['"])([^'"]+\.js)\1/.exec(loader.content)?.[2];
  const wasm = /(['"])([^'"]+\.wasm)\1/.exec(loader.content)?.[2];
  if (!glue || !wasm) {
    throw new Error("index.html: Trunk's loader names no .js glue or no .wasm file");
  }
  const wasmPreload = startTags(html, 'link').find(
    (l) => relative(l.attrs.get('href') ?? '', publicUrl) === relative(wasm, publicUrl),
  );
  const wasmIntegrity = wasmPreload?.attrs.get('integrity') ?? '';
  // With a prerendered view the wasm is not on the way to the first content: it is fetched
  // when the app starts, after that paint, instead of preloaded, where it would share the
  // line with the page's own HTML and style sheets. Its integrity goes with the fetch.
  let start = loader.content.trim();
  if (prerender) {
    const literal = /(['"])[^'"]+\.wasm\1/.exec(start)[0];
    const options = wasmIntegrity ? `, { integrity: ${JSON.stringify(wasmIntegrity)} }` : '';
    start = start.replace(literal, `fetch(${literal}${options})`);
    // The glue too is run after that paint: a static import would be evaluated first of
    // all, before the browser's first frame. Its `modulepreload` still fetches it early.
    const staticImport = /^import\s+init\s*,\s*\*\s*as\s+bindings\s+from\s*((['"])[^'"]+\.js\2)\s*;/m;
    const found = staticImport.exec(start);
    if (!found) {
      throw new Error("index.html: Trunk's loader does not `import init, * as bindings from` its glue; has Trunk changed how it starts the app?");
    }
    start = start.replace(found[0], `const bindings = await import(${found[1]});\nconst init = bindings.default;`);
  }
  const bootSource = prerender
    ? `${workerGlobal(workerLoader)}${START_FAILED}${PAINT_FIRST}${start}\n${STARTED}`
    : `${workerGlobal(workerLoader)}${start}\n`;
  const bootFile = hashedName('boot', 'js', bootSource);
  const bootTag =
    `<script type="module" src="${escapeAttr(publicUrl + bootFile)}" ` +
    `integrity="${sri(bootSource)}" crossorigin="anonymous"></script>`;
  let out = html.slice(0, loader.index) + bootTag + html.slice(loader.end);
  if (prerender && wasmPreload) {
    const at = out.indexOf(wasmPreload.text);
    out = out.slice(0, at) + out.slice(at + wasmPreload.text.length);
  }

  // 2. What embed.js must load: the style sheets in page order, the glue and the wasm.
  const styles = styleLinks(out)
    .map((l) => ({ href: relative(l.attrs.get('href') ?? '', publicUrl), integrity: l.attrs.get('integrity') ?? '' }))
    .filter((s) => s.href !== '');
  const files = {
    [bootFile]: bootSource,
    [EMBED_FILE]: embedSource({
      glue: relative(glue, publicUrl),
      wasm: relative(wasm, publicUrl),
      wasmIntegrity,
      styles,
      workerLoader,
    }),
  };

  // 3. The prerendered first view, last in <body> (after its <noscript>, which says what
  //    needs JavaScript), after the script that hides it when the page opens on something
  //    else. The app mounts after it.
  const hashes = [];
  if (prerender) {
    if (prerender.gate.toLowerCase().includes('</script')) {
      throw new Error('the prerendered view\'s gate script would end its <script> element early');
    }
    const close = out.toLowerCase().lastIndexOf('</body');
    if (close < 0) throw new Error('index.html: no </body> to put the prerendered view before');
    out = out.slice(0, close) + `<script>${prerender.gate}</script>${prerender.root}` + out.slice(close);
    hashes.push(scriptHash(prerender.gate));
  }

  const styleHashes = [];
  if (release && readStyle && styles.length > 0) {
    // 4. The style sheets, in page order, as one element where the first was linked.
    const links = styleLinks(out);
    const css = links
      .map((l) => {
        const text = readStyle(relative(l.attrs.get('href') ?? '', publicUrl));
        const media = l.attrs.get('media');
        return media ? `@media ${media}{${text}}` : text;
      })
      .join('\n');
    if (/<\/style/i.test(css)) throw new Error('a style sheet would end its <style> element early');
    const first = links[0];
    let inlined = out.slice(0, first.index) + `<style>${css}</style>`;
    let from = first.end;
    for (const l of links.slice(1)) {
      inlined += out.slice(from, l.index);
      from = l.end;
    }
    out = inlined + out.slice(from);
    styleHashes.push(scriptHash(css));
  }

  if (release) {
    // 5. The policy, first thing in <head> (after the charset, which must stay early).
    out = out.replace(/<meta\s+http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>/gi, '');
    const meta = `<meta http-equiv="Content-Security-Policy" content="${escapeAttr(policy(hashes, styleHashes))}">`;
    const charset = startTags(out, 'meta').find((m) => m.attrs.has('charset'));
    const head = startTags(out, 'head')[0];
    const at = charset?.end ?? head?.end;
    if (at === undefined) throw new Error('index.html: no <head> to put the security policy in');
    out = out.slice(0, at) + meta + out.slice(at);
    // 6. Nothing the policy would block may be left.
    const problems = blockedByPolicy(out, hashes, styleHashes);
    if (problems.length > 0) {
      throw new Error(`index.html: the Content Security Policy would block ${problems.join('; ')}`);
    }
  }

  const refs = [bootFile, relative(glue, publicUrl), relative(wasm, publicUrl), ...styles.map((s) => s.href)];
  return { html: out, files, refs };
}

/** What in `html` a `script-src 'self'; style-src 'self'; base-uri 'none'` policy blocks;
 * inline scripts whose hashes are in `scriptHashes`, and `<style>` elements whose hashes
 * are in `styleHashes`, are allowed. */
export function blockedByPolicy(html, scriptHashes = [], styleHashes = []) {
  const problems = [];
  for (const s of scripts(html)) {
    const allowed = scriptHashes.includes(scriptHash(s.content));
    if (!s.attrs.has('src') && s.content.trim() !== '' && !allowed) {
      problems.push(`an inline script (${s.content.trim().slice(0, 60)}…)`);
    }
  }
  // Every start tag, scripts' and allowed style elements' contents skipped: an inline
  // handler or style attribute.
  const withoutScripts = html
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<style>([\s\S]*?)<\/style\s*>/gi, (element, css) =>
      styleHashes.includes(scriptHash(css)) ? '' : element,
    );
  for (const m of withoutScripts.matchAll(/<([a-z][a-z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/gi)) {
    for (const name of parseAttributes(m[2]).keys()) {
      if (/^on/.test(name)) problems.push(`the inline event handler ${name} on <${m[1]}>`);
      if (name === 'style') problems.push(`a style attribute on <${m[1]}>`);
    }
  }
  if (/<style[\s>]/i.test(withoutScripts)) problems.push('a <style> element');
  if (/<base[\s>\/]/i.test(withoutScripts)) problems.push("a <base> element (base-uri 'none')");
  if (/javascript:/i.test(withoutScripts)) problems.push('a javascript: URL');
  return problems;
}

/** A script expression: whether the page shows its prerendered first view (in it, and not
 * hidden; `.px-app--prerendered` is `ROOT_CLASS` of src/prerender.rs). */
const PRERENDER_SHOWN = "(document.querySelector('.px-app--prerendered')?.getClientRects().length > 0)";

/** Before the app starts (it takes the page's thread for a while, building its view, then
 * puts it in the prerendered view's place), the browser paints the prerendered view and
 * accounts for it. Otherwise the browser can learn that a frame was shown only after the
 * app has replaced what it showed, and drops it from its paint timing as if the articles
 * had shown only with the app; and a paint of the prerendered view that comes after the
 * app has asked for its wasm makes the wasm, to Lighthouse's simulation, a cause of that
 * paint. This script runs once the document is parsed, which the browser may have painted
 * only in part by then (it paints as the page arrives): the app waits for a
 * largest-contentful-paint entry after this moment (the whole document painted and
 * accounted for), or three frames where none comes (its largest element was painted
 * before), 500 ms at most (a tab in the background paints nothing). Frames count only
 * once a paint has been accounted for at all: a busy machine runs a frame's callbacks
 * well before it shows the frame (three of them, then the first paint 20 ms later, were
 * seen), so counting them from the start let the wasm be asked for before any paint.
 * The glue, preloaded
 * meanwhile, is imported after the wait, and the wasm fetched (see `transform`). No wait
 * when the prerendered view is hidden (the page opens on another view: its gate script
 * hid it). */
export const PAINT_FIRST = `await new Promise((resolve) => {
  if (!${PRERENDER_SHOWN}) {
    resolve();
    return;
  }
  const parsed = performance.now();
  const supported = (globalThis.PerformanceObserver?.supportedEntryTypes ?? []).includes('largest-contentful-paint');
  let observer = null;
  let accounted = !supported;
  let done = false;
  const painted = () => {
    done = true;
    observer?.disconnect();
    setTimeout(resolve);
  };
  if (supported) {
    observer = new PerformanceObserver((list) => {
      const entries = list.getEntries();
      accounted ||= entries.length > 0;
      if (entries.some((entry) => entry.startTime >= parsed)) painted();
    });
    observer.observe({ type: 'largest-contentful-paint', buffered: true });
  }
  const frames = (n) => requestAnimationFrame(() => {
    if (done) return;
    if (!accounted) frames(n);
    else if (n > 1) frames(n - 1);
    else painted();
  });
  frames(3);
  setTimeout(painted, 500);
});
`;

/** Should the app fail to start (its wasm not fetched or not compiled: Trunk's loader then
 * fails with an uncaught error), the page says so above the prerendered articles, which
 * stay readable but inert, rather than leaving them as if the page were working. The
 * listener is removed once the app has started ([`STARTED`]); failures after that are the
 * app's own to show (its panic hook's error panel). */
export const START_FAILED = `const startFailed = (event) => {
  // Once, and not over the app's own error panel (a panic while it starts).
  if (document.querySelector('.px-start-failed, .px-fatal')) return;
  const shown = ${PRERENDER_SHOWN};
  const note = document.createElement('p');
  note.className = 'px-start-failed';
  note.setAttribute('role', 'alert');
  const why = event.error?.message ?? event.message ?? 'an unknown error';
  note.textContent = \`Parallax could not start in this browser (\${why}). \` +
    (shown ? 'The articles below are shown as they were when the site was built; comparing and filtering them needs the app. ' : '') +
    'Reloading the page may help.';
  document.body.prepend(note);
};
addEventListener('error', startFailed);
`;
export const STARTED = "removeEventListener('error', startFailed);\n";

/** The global a loader script sets for the app to find the analysis worker's loader
 * (`src/analysis.rs`), resolved against the script's own address; nothing without one. */
export const WORKER_GLOBAL = 'parallaxWorker';

function workerGlobal(workerLoader) {
  if (!workerLoader) return '';
  return `globalThis.${WORKER_GLOBAL} = new URL(${JSON.stringify(`./${workerLoader}`)}, import.meta.url).href;\n`;
}

/** The worker's files as Trunk writes them: `<name>.js` (glue) and `<name>_bg.wasm`. */
export const WORKER_NAME = 'analysis-worker';

/**
 * The analysis worker's files under names of their content, and its loader. Pure.
 *
 * @param {string} glue   the wasm-bindgen glue Trunk wrote (`--target no-modules`)
 * @param {Buffer} wasm   the worker's wasm
 * @returns {{loader: string, files: Record<string, string | Buffer>}}
 */
export function workerFiles(glue, wasm) {
  const hash = createHash('sha256').update(wasm).update(glue).digest('hex').slice(0, 16);
  const glueName = `${WORKER_NAME}-${hash}.js`;
  const wasmName = `${WORKER_NAME}-${hash}_bg.wasm`;
  const json = (value) => JSON.stringify(value);
  // Runs as the worker's own script, or imported by a blob: script on a host page of
  // another site, which sets `parallaxBase` to the loader's address first.
  const loaderSource = `// Parallax analysis worker loader, written by scripts/post-build.mjs at build time.
const base = self.parallaxBase || self.location.href;
const fail = (error) =>
  self.postMessage(['failed', \`its code could not be loaded (\${error && error.message ? error.message : error})\`]);
try {
  importScripts(new URL(${json(`./${glueName}`)}, base).href);
  wasm_bindgen({ module_or_path: new URL(${json(`./${wasmName}`)}, base) }).catch(fail);
} catch (error) {
  fail(error);
}
`;
  const loader = hashedName(`${WORKER_NAME}-loader`, 'js', loaderSource);
  return { loader, files: { [glueName]: glue, [wasmName]: wasm, [loader]: loaderSource } };
}

/** The source of embed.js. Every path in it is relative to embed.js itself. */
export function embedSource({ glue, wasm, wasmIntegrity, styles, workerLoader = null }) {
  const json = (value) => JSON.stringify(value);
  return `// Parallax embed loader, written by scripts/post-build.mjs at build time.
//
//   <div id="parallax" data-view="claims" data-actors="olaf-scholz"></div>
//   <script type="module" src="https://example.org/tools/parallax/${EMBED_FILE}"></script>
//
// Adds the app's style sheets to the page (unless it already links them), then starts
// the app, which mounts into #parallax and reads its data- options. Every file is found
// next to this one, whatever the page's own address. This file keeps its name from build
// to build (cache it briefly); the files it loads are named for their content.
import init from ${json(`./${glue}`)};

${workerGlobal(workerLoader)}
const here = (file) => new URL(file, import.meta.url);
const STYLES = ${json(styles.map((s) => [s.href, s.integrity]))};
const WASM = ${json([wasm, wasmIntegrity])};

/** Shows a failure in the console and, unless the app's own error panel already says it
 * (a panic while starting), in the host's element as plain text. */
function fail(host, message, error) {
  console.error(\`Parallax: \${message}\`, error ?? '');
  if (host && !host.querySelector('.px-fatal')) host.textContent = \`Parallax could not start: \${message}\`;
}

/** Links one style sheet unless the page links it already; resolves once it has loaded
 * (or failed: the console says so, and the app still starts). */
function linkStyle([file, integrity]) {
  const href = here(file).href;
  const links = document.querySelectorAll('link[rel~="stylesheet"]');
  if ([...links].some((l) => l.href === href)) return Promise.resolve();
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  link.crossOrigin = 'anonymous';
  if (integrity) link.integrity = integrity;
  document.head.append(link);
  return new Promise((done) => {
    link.addEventListener('load', done, { once: true });
    link.addEventListener('error', () => done(), { once: true });
  });
}

const host = document.getElementById('parallax');
if (!host) {
  fail(null, 'this page has no element with id="parallax" to show the app in.');
} else {
  // Fetch the wasm while the style sheets load, so the app appears styled at once.
  const wasm = fetch(here(WASM[0]), WASM[1] ? { integrity: WASM[1] } : {});
  // A failed fetch is reported once, by init below, not also as an unhandled rejection.
  wasm.catch(() => {});
  try {
    await Promise.all(STYLES.map(linkStyle));
    await init({ module_or_path: wasm });
  } catch (error) {
    fail(host, String(error && error.message ? error.message : error), error);
  }
}
`;
}

/** Renames the worker's files Trunk staged (see [`workerFiles`]); fails if there are none:
 * without them a reader's articles could not be analysed. */
async function stagedWorker(staging) {
  const glue = join(staging, `${WORKER_NAME}.js`);
  const wasm = join(staging, `${WORKER_NAME}_bg.wasm`);
  let found;
  try {
    found = workerFiles(await readFile(glue, 'utf8'), await readFile(wasm));
  } catch {
    throw new Error(
      `the build has no analysis worker (${WORKER_NAME}.js and ${WORKER_NAME}_bg.wasm): ` +
        'index.html must build it (`<link data-trunk rel="rust" data-bin="analysis-worker" data-type="worker">`)',
    );
  }
  await rm(glue);
  await rm(wasm);
  return found;
}

/** The first view, as the app's binary built natively prints it (`src/prerender.rs`): the
 * gate script's text on its first line, the root element on its second; `null` when it
 * prints nothing (a corpus too large to prerender). The same corpus as the wasm's: cargo
 * sees this build's environment (`PARALLAX_SEEDS`). Release builds only: `trunk serve`
 * rebuilds stay as fast as they were, and its page starts with the live app. */
function prerendered() {
  const run = spawnSync('cargo', ['run', '--quiet', '--bin', 'parallax'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (run.error || run.status !== 0) {
    throw new Error(`the first view could not be prerendered (cargo run --bin parallax: ${run.error?.message ?? `exit ${run.status}`})`);
  }
  const out = run.stdout.trim();
  if (out === '') return null;
  const newline = out.indexOf('\n');
  if (newline < 0 || !out.slice(newline + 1).startsWith('<div')) {
    throw new Error('the prerendered view is not a gate script and a root element');
  }
  return { gate: out.slice(0, newline), root: out.slice(newline + 1) };
}

/** The hook: rewrites the staged index.html and writes the files next to it. */
async function main() {
  const staging = process.env.TRUNK_STAGING_DIR;
  if (!staging) {
    throw new Error('TRUNK_STAGING_DIR is not set: this script is a Trunk post_build hook (see Trunk.toml)');
  }
  const release = process.env.TRUNK_PROFILE === 'release';
  const publicUrl = process.env.TRUNK_PUBLIC_URL ?? './';
  const index = join(staging, 'index.html');
  const worker = await stagedWorker(staging);
  const prerender = release ? prerendered() : null;
  const result = transform(await readFile(index, 'utf8'), {
    release,
    publicUrl,
    workerLoader: worker.loader,
    prerender,
    readStyle: (file) => readFileSync(join(staging, file), 'utf8'),
  });
  for (const ref of result.refs.filter((r) => !(r in result.files))) {
    await access(join(staging, ref)).catch(() => {
      throw new Error(`index.html loads ${ref}, which is not in the build (${staging})`);
    });
  }
  for (const [name, text] of Object.entries({ ...worker.files, ...result.files })) {
    await writeFile(join(staging, name), text);
  }
  await writeFile(index, result.html);
  const csp = release ? 'with its Content Security Policy' : 'no security policy in a debug build';
  const first = prerender ? `the first view prerendered (${prerender.root.length} bytes)` : 'no prerendered view';
  console.log(
    `post-build: index.html loads ${result.refs[0]} (${csp}, ${first}); wrote ${EMBED_FILE} and the worker's ${worker.loader}`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`post-build: ${error.message}`);
    process.exit(1);
  });
}
