// Issues #5 and #7: the release build on a plain static host — from a sub-path, behind
// its Content Security Policy — and embedded in another site's page with a <script>, with
// styles isolated both ways (the app does not restyle the page, the page does not restyle
// the app).
//
// The example host page is examples/embed/host.html, served at /examples/embed/ by
// server.mjs; it loads the app from /tools/parallax/embed.js, so every path embed.js
// resolves must be relative to itself, not to the page.
import type { Page } from '@playwright/test';
import { test, expect } from '../fixtures';
import { columnTitle, readManifest } from '../corpus';
import { ParallaxPage } from '../pages/parallax-page';
// The Trunk post_build hook's pure functions (plain Node ESM, no types).
import {
  CSP,
  PAINT_FIRST,
  START_FAILED,
  STARTED,
  blockedByPolicy,
  policy,
  scriptHash,
  transform,
  workerFiles,
} from '../../../scripts/post-build.mjs';

const titles = readManifest().map(columnTitle);
/** A reader's article, added in a host page. */
const HOSTED_ARTICLE = 'Scholz rules out troops\n\nGerman Chancellor Olaf Scholz said no troops would be sent.';
const HOST_PAGE = 'examples/embed/host.html';
const APP_PATH = '/tools/parallax/';

/** Trunk 0.21's index.html as it writes it before the hook runs (see trunk's
 * src/pipelines/rust/output.rs): the inline module loader, then the preload links. */
const TRUNK_HTML = `<!DOCTYPE html><html lang="en"><head>
<meta charset="utf-8" />
<title>Parallax</title>
<script type="module">
import init, * as bindings from './parallax-0123456789abcdef.js';
const wasm = await init({ module_or_path: './parallax-0123456789abcdef_bg.wasm' });

window.wasmBindings = bindings;

dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
</script>
<link rel="stylesheet" href="./base-aaaa.css" integrity="sha384-AAAA"/>
<link rel="stylesheet" href="./views-bbbb.css" integrity="sha384-BBBB"/>
<link rel="modulepreload" href="./parallax-0123456789abcdef.js" crossorigin="anonymous" integrity="sha384-GLUE">
<link rel="preload" href="./parallax-0123456789abcdef_bg.wasm" crossorigin="anonymous" integrity="sha384-WASM" as="fetch" type="application/wasm"></head>
<body class="px-page"><noscript>Parallax needs JavaScript and WebAssembly.</noscript></body></html>`;

/** What `trunk serve` adds: its autoreload script, filled in when it serves the page. */
const AUTORELOAD = `<script>"use strict"; (function () { const address = '{{__TRUNK_ADDRESS__}}'; })()</script>`;

test.describe('the post-build hook', () => {
  test('moves Trunk’s inline loader to a content-named file and adds the policy to a release build', () => {
    const { html, files, refs } = transform(TRUNK_HTML, { release: true, publicUrl: './' });
    expect(blockedByPolicy(html)).toEqual([]);
    const boot = /<script type="module" src="\.\/(boot-[0-9a-f]{16}\.js)" integrity="sha384-[^"]+" crossorigin="anonymous"><\/script>/.exec(html);
    expect(boot, 'the loader is now an external module script').not.toBeNull();
    expect(files[boot![1]]).toContain("import init, * as bindings from './parallax-0123456789abcdef.js';");
    expect(files[boot![1]]).toContain('TrunkApplicationStarted');
    // The policy comes right after the charset, before anything it must cover.
    expect(html).toContain(`<meta charset="utf-8" /><meta http-equiv="Content-Security-Policy" content="${CSP}">`);
    expect(refs).toEqual([
      boot![1],
      'parallax-0123456789abcdef.js',
      'parallax-0123456789abcdef_bg.wasm',
      'base-aaaa.css',
      'views-bbbb.css',
    ]);
    // embed.js finds every file next to itself, in page order, with its integrity.
    const embed = files['embed.js'];
    expect(embed).toContain('import init from "./parallax-0123456789abcdef.js";');
    expect(embed).toContain('const STYLES = [["base-aaaa.css","sha384-AAAA"],["views-bbbb.css","sha384-BBBB"]];');
    expect(embed).toContain('const WASM = ["parallax-0123456789abcdef_bg.wasm","sha384-WASM"];');
    expect(embed).toContain('new URL(file, import.meta.url)');
    // Same input, same output: the boot file's name depends on its content only.
    expect(transform(TRUNK_HTML, { release: true }).html).toBe(html);
  });

  test('names the analysis worker for its content and tells the app where its loader is', () => {
    const glue = 'let wasm_bindgen; (function() { /* wasm-bindgen glue */ })();';
    const { loader, files } = workerFiles(glue, Buffer.from([0, 97, 115, 109, 1]));
    expect(Object.keys(files).sort()).toEqual([
      expect.stringMatching(/^analysis-worker-[0-9a-f]{16}\.js$/),
      expect.stringMatching(/^analysis-worker-[0-9a-f]{16}_bg\.wasm$/),
      expect.stringMatching(/^analysis-worker-loader-[0-9a-f]{16}\.js$/),
    ]);
    const [glueName, wasmName] = Object.keys(files).sort();
    expect(files[glueName]).toBe(glue);
    // The loader finds both next to itself, or next to the address a blob: script gives it.
    expect(files[loader]).toContain(`importScripts(new URL("./${glueName}", base).href);`);
    expect(files[loader]).toContain(`wasm_bindgen({ module_or_path: new URL("./${wasmName}", base) })`);
    expect(files[loader]).toContain('const base = self.parallaxBase || self.location.href;');
    // New wasm, new names: a cached worker never answers a newer app.
    const other = workerFiles(glue, Buffer.from([0, 97, 115, 109, 2]));
    expect(other.loader).not.toBe(loader);

    // boot-….js and embed.js name the loader, resolved against their own address.
    const { files: out } = transform(TRUNK_HTML, { release: true, workerLoader: loader });
    const named = `globalThis.parallaxWorker = new URL("./${loader}", import.meta.url).href;`;
    const bootName = Object.keys(out).find((f) => f.startsWith('boot-'))!;
    expect(out[bootName]).toContain(named);
    expect(out['embed.js']).toContain(named);
    expect(bootName).not.toBe(Object.keys(transform(TRUNK_HTML, { release: true }).files).find((f) => f.startsWith('boot-')));
  });

  test('reads a minified index.html whose attributes have no quotes', () => {
    const minified = TRUNK_HTML.replace(/\n/g, '')
      .replace(/="([^"\s]*)"/g, '=$1')
      .replace('<meta charset=utf-8 />', '<meta charset=utf-8>');
    const { html, files } = transform(minified, { release: true });
    expect(blockedByPolicy(html)).toEqual([]);
    expect(files['embed.js']).toContain('["base-aaaa.css","sha384-AAAA"]');
    expect(html).toMatch(/^<!DOCTYPE html><html lang=en><head><meta charset=utf-8><meta http-equiv="Content-Security-Policy"/);
  });

  test('leaves trunk serve’s autoreload script alone and adds no policy to a debug build', () => {
    const served = TRUNK_HTML.replace('</body>', `${AUTORELOAD}</body>`);
    const { html } = transform(served, { release: false });
    expect(html).toContain(AUTORELOAD);
    expect(html).not.toContain('Content-Security-Policy');
    expect(html).not.toContain('import init');
    // The same page in a release build would be refused: the policy would block the script.
    expect(() => transform(served, { release: true })).toThrow(/would block an inline script/);
  });

  test('puts the prerendered first view last in the body and allows its gate script by its hash alone', () => {
    const prerender = {
      gate: 'document.body.classList.add("px-no-prerender")',
      root: '<div inert class="px-app px-app--prerendered"><p>Sputnik</p></div>',
    };
    const { html } = transform(TRUNK_HTML, { release: true, prerender });
    const hash = scriptHash(prerender.gate);
    expect(hash).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/);
    expect(html).toContain(`content="${policy([hash])}"`);
    expect(policy([hash])).toContain(`script-src 'self' 'wasm-unsafe-eval' '${hash}';`);
    // After the <noscript> message, before </body>: the live app mounts after it.
    expect(html).toMatch(
      new RegExp(`</noscript><script>${prerender.gate.replace(/[.()]/g, '\\$&')}</script>${prerender.root}</body>`),
    );
    expect(blockedByPolicy(html, [hash])).toEqual([]);
    // The app lets the browser paint the prerendered view before it starts.
    const { files } = transform(TRUNK_HTML, { release: true, prerender });
    const boot = Object.keys(files).find((f) => f.startsWith('boot-'))!;
    expect(files[boot].indexOf(PAINT_FIRST)).toBeGreaterThanOrEqual(0);
    expect(files[boot].indexOf(PAINT_FIRST)).toBeLessThan(files[boot].indexOf('await init('));
    // The glue is imported (so evaluated) after that paint, not before everything else.
    expect(files[boot]).not.toMatch(/^import /m);
    const imported = files[boot].indexOf("const bindings = await import('./parallax-0123456789abcdef.js');\nconst init = bindings.default;");
    expect(imported).toBeGreaterThan(files[boot].indexOf(PAINT_FIRST));
    expect(() => transform(TRUNK_HTML.replace('import init, * as bindings', 'import init'), { release: true, prerender })).toThrow(
      /does not `import init, \* as bindings from` its glue/,
    );
    // Should it fail to start, the page says so; the listener goes once the app has started.
    const failedAt = files[boot].indexOf(START_FAILED);
    expect(failedAt).toBeGreaterThanOrEqual(0);
    expect(failedAt).toBeLessThan(files[boot].indexOf(PAINT_FIRST));
    expect(files[boot].trimEnd().endsWith(STARTED.trim())).toBe(true);
    // It fetches the wasm then, with its integrity, rather than preloading it.
    expect(files[boot]).toContain(
      `init({ module_or_path: fetch('./parallax-0123456789abcdef_bg.wasm', { integrity: "sha384-WASM" }) })`,
    );
    expect(html).not.toContain('rel="preload"');
    expect(transform(TRUNK_HTML, { release: true }).html).toContain('rel="preload"');
    // Any other inline script is still refused, and so is a gate that would end its element.
    expect(blockedByPolicy(html)).toEqual([expect.stringMatching(/^an inline script \(document\.body/)]);
    expect(() => transform(TRUNK_HTML, { release: true, prerender: { ...prerender, gate: 'x="</script>"' } })).toThrow(
      /would end its <script> element early/,
    );
  });

  test('puts the style sheets into a release build’s page as one element, allowed by its hash alone', () => {
    const sheets: Record<string, string> = {
      'base-aaaa.css': '.px-page { color: #222; }',
      'views-bbbb.css': '.px-tabs { display: flex; }',
    };
    const readStyle = (file: string) => sheets[file];
    const { html, files, refs } = transform(TRUNK_HTML, { release: true, readStyle });
    const css = `${sheets['base-aaaa.css']}\n${sheets['views-bbbb.css']}`;
    // Where the first sheet was linked, in page order; no sheet linked any more.
    expect(html).toContain(`</script>\n<style>${css}</style>\n\n<link rel="modulepreload"`);
    expect(html).not.toContain('rel="stylesheet"');
    const hash = scriptHash(css);
    expect(html).toContain(`content="${policy([], [hash])}"`);
    expect(policy([], [hash])).toContain(`style-src 'self' '${hash}';`);
    expect(blockedByPolicy(html, [], [hash])).toEqual([]);
    // Any other <style> element is still refused.
    expect(blockedByPolicy(html)).toEqual(['a <style> element']);
    expect(blockedByPolicy(html.replace(css, `${css} p{}`), [], [hash])).toEqual(['a <style> element']);
    // The files stay for embed.js, which links them into a host page.
    expect(refs).toContain('base-aaaa.css');
    expect(files['embed.js']).toContain('const STYLES = [["base-aaaa.css","sha384-AAAA"],["views-bbbb.css","sha384-BBBB"]];');
    // A sheet linked for a medium keeps it; a sheet that would end the element fails the build.
    const print = TRUNK_HTML.replace('href="./views-bbbb.css"', 'media="print" href="./views-bbbb.css"');
    expect(transform(print, { release: true, readStyle }).html).toContain(`@media print{${sheets['views-bbbb.css']}}`);
    expect(() => transform(TRUNK_HTML, { release: true, readStyle: () => 'p{}</style><script>' })).toThrow(
      /would end its <style> element early/,
    );
    // Debug builds (trunk serve, which reloads changed sheets) keep the links.
    expect(transform(TRUNK_HTML, { release: false, readStyle }).html).toContain('rel="stylesheet"');
  });

  test('fails the build when the loader is missing or the page has what the policy blocks', () => {
    expect(() => transform('<html><head></head><body></body></html>', { release: true })).toThrow(
      /expected one inline Trunk loader script/,
    );
    const withHandler = TRUNK_HTML.replace('<noscript>', '<button onclick="go()">Go</button><noscript>');
    expect(() => transform(withHandler, { release: true })).toThrow(/inline event handler onclick on <button>/);
    const withStyle = TRUNK_HTML.replace('<body class="px-page">', '<body class="px-page" style="margin:0">');
    expect(() => transform(withStyle, { release: true })).toThrow(/a style attribute on <body>/);
    expect(blockedByPolicy('<head><style>p{}</style><base href="/"></head>')).toEqual([
      'a <style> element',
      "a <base> element (base-uri 'none')",
    ]);
  });
});

test.describe('the release build on a static host', () => {
  test('index.html carries the Content Security Policy, one inline script and the styles, allowed by their hashes', async ({
    request,
  }) => {
    const response = await request.get('index.html');
    expect(response.status()).toBe(200);
    const html = await response.text();
    const metas = [...html.matchAll(/<meta\s[^>]*http-equiv="?Content-Security-Policy"?[^>]*>/gi)];
    expect(metas).toHaveLength(1);
    // First in <head> after the charset: before every script and style it covers.
    const firstLoad = html.search(/<(script|link|style)\b/i);
    expect(metas[0].index!).toBeLessThan(firstLoad);
    // The one inline script is the prerendered view's gate; the policy names its hash and
    // allows no other inline script.
    const inline = [...html.matchAll(/<script>([^<]*)<\/script>/gi)].map((m) => m[1]);
    expect(inline).toHaveLength(1);
    expect(inline[0]).toContain('px-no-prerender');
    // The styles are one element in <head>, the policy names its hash; no sheet is linked.
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/gi)].map((m) => m[1]);
    expect(styles).toHaveLength(1);
    expect(html.indexOf('<style>')).toBeLessThan(html.indexOf('</head>'));
    expect(styles[0]).toContain('.px-app');
    expect(html).not.toMatch(/rel="?stylesheet/);
    const [scriptHashes, styleHashes] = [[scriptHash(inline[0])], [scriptHash(styles[0])]];
    expect(metas[0][0]).toContain(`content="${policy(scriptHashes, styleHashes)}"`);
    expect(blockedByPolicy(html, scriptHashes, styleHashes)).toEqual([]);
    for (const m of html.matchAll(/<script\b([^>]*)>/gi)) if (m[1] !== '') expect(m[1]).toMatch(/\ssrc=/);
  });

  test('the app runs under its policy with no violation, and the browser enforces it', async ({
    app,
    problems,
  }) => {
    await app.goto();
    for (const title of titles) await expect(app.column(title)).toBeVisible();
    const page = app.page;
    const found = await page.evaluate(() => ({
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
      inline: [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? ''),
      styles: [...document.querySelectorAll('style')].map((s) => s.textContent ?? ''),
    }));
    // The prerendered view's gate script, allowed by its hash, is the only inline script;
    // the build's style element the only one.
    expect(found.inline).toHaveLength(1);
    expect(found.styles).toHaveLength(1);
    expect(found.csp).toBe(policy([scriptHash(found.inline[0])], [scriptHash(found.styles[0])]));
    expect(problems.seen, 'no CSP violation while the app starts').toEqual([]);

    // The policy is not only present but enforced: inline code and inline styles are refused.
    problems.allow(/^CSP violation/);
    problems.allow(/^console error: .* violates the following Content Security Policy directive/);
    const outcome = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__parallaxInlineRan = true;';
      document.body.append(script);
      const title = document.querySelector('.px-masthead__title') as HTMLElement;
      const before = getComputedStyle(title).color;
      title.setAttribute('style', 'color: rgb(1, 2, 3)');
      return {
        ran: (window as unknown as { __parallaxInlineRan?: boolean }).__parallaxInlineRan ?? false,
        colourChanged: getComputedStyle(title).color !== before,
      };
    });
    expect(outcome).toEqual({ ran: false, colourChanged: false });
    await expect.poll(() => problems.seen.join('\n')).toMatch(/CSP violation: script-src-elem/);
    await expect.poll(() => problems.seen.join('\n')).toMatch(/CSP violation: style-src-attr/);
  });

  test('from the sub-path /tools/parallax/ every outlet shows and every file comes from there', async ({ app }) => {
    const paths: string[] = [];
    app.page.on('request', (r) => paths.push(new URL(r.url()).pathname));
    await app.goto('tools/parallax/');
    for (const title of titles) await expect(app.column(title)).toBeVisible();
    const files = paths.filter((p) => !p.endsWith('/favicon.ico'));
    expect(files.length).toBeGreaterThan(3);
    expect(files.filter((p) => !p.startsWith(APP_PATH))).toEqual([]);
    expect(files.some((p) => p.endsWith('.wasm'))).toBe(true);

    // A link with the view in it works there too, straight to index.html.
    await app.page.goto('tools/parallax/index.html?view=claims');
    await expect(app.page.getByRole('tab', { name: /^Claims/ })).toHaveAttribute('aria-selected', 'true');
    await expect(app.page.locator('[data-testid=claim-row]').first()).toBeVisible();
  });

  test('embed.js is served next to the app and every file it names is there', async ({ request }) => {
    const embed = await request.get(`${APP_PATH.slice(1)}embed.js`);
    expect(embed.status()).toBe(200);
    expect(embed.headers()['content-type']).toMatch(/^text\/javascript/);
    const source = await embed.text();
    const named = [...source.matchAll(/"([\w.-]+\.(?:js|wasm|css))"/g)].map((m) => m[1]);
    expect(named.filter((f) => f.endsWith('.css')).length).toBeGreaterThan(0);
    expect(named.filter((f) => f.endsWith('.wasm'))).toHaveLength(1);
    for (const file of named) {
      expect((await request.get(`${APP_PATH.slice(1)}${file}`)).status(), file).toBe(200);
    }
  });
});

/** Computed properties compared between pages: what style sheets typically set, not
 * sizes, which depend on the content around. */
const PROPS = [
  'color', 'background-color', 'background-image', 'font-family', 'font-size', 'font-style',
  'font-weight', 'letter-spacing', 'word-spacing', 'line-height', 'text-transform', 'text-align',
  'text-indent', 'text-decoration-line', 'text-decoration-style', 'text-shadow', 'white-space',
  'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border-top-width', 'border-top-style', 'border-top-color', 'border-right-width',
  'border-bottom-width', 'border-bottom-style', 'border-bottom-color', 'border-left-width',
  'border-top-left-radius', 'box-shadow', 'box-sizing', 'display', 'position', 'opacity',
  'visibility', 'list-style-type', 'vertical-align', 'cursor', 'caption-side', 'border-collapse',
];

type Styles = Record<string, Record<string, string>>;

/** The computed styles of the page's own elements: everything outside #parallax (and
 * #parallax itself, html and body), keyed by document position. */
async function hostStyles(page: Page): Promise<Styles> {
  return page.evaluate((props) => {
    const out: Record<string, Record<string, string>> = {};
    const els = [document.documentElement, ...document.querySelectorAll('body, body *')];
    els
      .filter((el) => el.id === 'parallax' || !el.closest('#parallax'))
      .forEach((el, idx) => {
        const cs = getComputedStyle(el);
        const pseudo = getComputedStyle(el, '::before');
        const values: Record<string, string> = {};
        for (const p of props) values[p] = cs.getPropertyValue(p);
        values['::before content'] = pseudo.getPropertyValue('content');
        out[`${idx} ${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}`] = values;
      });
    return out;
  }, PROPS);
}

/** The computed styles of the app's elements, keyed by tag, class, own text and
 * occurrence, so the same element is found on two pages. */
async function appStyles(page: Page): Promise<Styles> {
  return page.evaluate((props) => {
    const out: Record<string, Record<string, string>> = {};
    const root = document.querySelector('.px-app');
    if (!root) return out;
    const seen = new Map<string, number>();
    for (const el of [root, ...root.querySelectorAll('*')]) {
      const own = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim()
        .slice(0, 40);
      const base = `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}|${own}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const cs = getComputedStyle(el);
      const values: Record<string, string> = {};
      for (const p of props) values[p] = cs.getPropertyValue(p);
      out[`${base}#${n}`] = values;
    }
    return out;
  }, PROPS);
}

/** `key: property a → b` for every compared value that differs between `a` and `b`. */
function differences(a: Styles, b: Styles): string[] {
  const out: string[] = [];
  for (const [key, values] of Object.entries(a)) {
    const other = b[key];
    if (!other) continue;
    for (const [prop, value] of Object.entries(values)) {
      if (other[prop] !== value) out.push(`${key}: ${prop} ${value} → ${other[prop]}`);
    }
  }
  return out;
}

/** Opens the example host page and waits until the app has mounted in it. */
async function openHostPage(page: Page): Promise<void> {
  await page.goto(HOST_PAGE);
  await expect(page.locator('#parallax .px-app')).toBeVisible();
  await expect(page.locator('[data-testid=claim-row]').first()).toBeVisible();
}

test.describe('script embedding in the example host page', () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('the app mounts in the host’s div, with the view and actor its data- attributes ask for', async ({
    page,
  }, testInfo) => {
    const paths: string[] = [];
    page.on('request', (r) => paths.push(new URL(r.url()).pathname));
    await openHostPage(page);
    const host = page.locator('#parallax');
    await expect(host.getByRole('tab', { name: /^Claims/ })).toHaveAttribute('aria-selected', 'true');
    await expect(host.getByRole('checkbox', { name: /^Olaf Scholz\b/ })).toBeChecked();
    // The page's own content is still there, before and after the app.
    await expect(page.locator('#lede')).toContainText('five outlets told the story five ways');
    await expect(page.locator('#after')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('host-page.png'), fullPage: false });
    await host.screenshot({ path: testInfo.outputPath('host-page-app.png') });

    // The app's files come from where embed.js is, not from the page's folder.
    const app = paths.filter((p) => !p.startsWith('/examples/embed/') && !p.endsWith('/favicon.ico'));
    expect(app.filter((p) => !p.startsWith(APP_PATH))).toEqual([]);
    expect(app.filter((p) => p.endsWith('.css')).length).toBeGreaterThan(0);
    expect(app.some((p) => p.endsWith('.wasm'))).toBe(true);

    // Without data-url="sync", the host page's address is left alone.
    const address = page.url();
    await host.getByRole('tab', { name: /^Compare/ }).click();
    for (const title of titles) await expect(host.getByRole('region', { name: title, exact: true })).toBeVisible();
    expect(page.url()).toBe(address);
  });

  test('a reader’s article is analysed in the host page by the worker next to embed.js', async ({ page }) => {
    const worker: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.includes('analysis-worker')) worker.push(path);
    });
    await openHostPage(page);
    expect(worker).toEqual([]);
    const host = page.locator('#parallax');
    const dialog = await new ParallaxPage(page).addPasted(HOSTED_ARTICLE, 'Host Test Daily');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await host.getByRole('tab', { name: /^Compare/ }).click();
    await expect(host.getByRole('region', { name: 'Host Test Daily', exact: true })).toBeVisible();
    expect(worker.length).toBe(3);
    expect(worker.filter((p) => !p.startsWith(APP_PATH))).toEqual([]);
  });

  test('on a page of another site, the worker starts from a blob: script and analyses the article', async ({
    page,
    problems,
    baseURL,
  }) => {
    // A newsroom page on its own site, whose policy lets in the app's origin and blob:
    // workers; the app's server answers with CORS, as README's "Embedding" asks.
    const app = new URL(APP_PATH, baseURL).href;
    const appOrigin = new URL(app).origin;
    problems.allow(/news\.example/);
    await page.route('http://news.example/**', (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' ${appOrigin} 'wasm-unsafe-eval'; style-src 'self' ${appOrigin}; connect-src ${appOrigin}; worker-src blob:">
<title>Another site</title></head><body><div id="parallax" data-view="compare"></div>
<script type="module" src="${app}embed.js"></script></body></html>`,
      }),
    );
    await page.route(`${app}**`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
    });
    const blobs: string[] = [];
    page.on('worker', (w) => blobs.push(new URL(w.url()).protocol));
    await page.goto('http://news.example/story.html');
    const host = page.locator('#parallax');
    await expect(host.getByRole('region').first()).toBeVisible();
    const dialog = await new ParallaxPage(page).addPasted(HOSTED_ARTICLE, 'Other Site Daily');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(host.getByRole('region', { name: 'Other Site Daily', exact: true })).toBeVisible();
    expect(blobs).toEqual(['blob:']);
  });

  test('the app’s style sheets change nothing of the host page', async ({ page }) => {
    // The page as it is without the app: embed.js answered with an empty module.
    await page.route('**/tools/parallax/embed.js', (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }),
    );
    await page.goto(HOST_PAGE);
    await expect(page.locator('#after')).toBeVisible();
    const alone = await hostStyles(page);
    expect(await page.locator('link[href*="/tools/parallax/"]').count()).toBe(0);
    await page.unroute('**/tools/parallax/embed.js');

    await openHostPage(page);
    expect(await page.locator('link[href*="/tools/parallax/"]').count()).toBeGreaterThan(0);
    const withApp = await hostStyles(page);
    expect(Object.keys(withApp)).toEqual(Object.keys(alone));
    expect(Object.keys(alone).length).toBeGreaterThan(30);
    // The host's hostile rules did apply to its own elements (this compares something).
    expect(alone['0 html']['font-size']).toBe('20px');
    const lede = Object.entries(alone).find(([k]) => k.endsWith('p#lede'))![1];
    expect(lede.color).toBe('rgb(91, 42, 134)');
    expect(differences(alone, withApp)).toEqual([]);
  });

  test('the host page’s styles change nothing of the app', async ({ page }, testInfo) => {
    // The same view and filter in the app's own page.
    await page.goto(`${APP_PATH.slice(1)}?view=claims&actors=olaf-scholz`);
    await expect(page.locator('[data-testid=claim-row]').first()).toBeVisible();
    const own = await appStyles(page);

    await openHostPage(page);
    const hosted = await appStyles(page);
    const shared = Object.keys(own).filter((k) => k in hosted);
    expect(shared.length, 'the same elements are found on both pages').toBeGreaterThan(
      0.8 * Object.keys(own).length,
    );
    for (const tag of ['button', 'h2', 'p', 'table', 'th', 'td', 'input', 'label', 'ul', 'li', 'span']) {
      expect(shared.some((k) => k.startsWith(`${tag}.`)), `a <${tag}> of the app is compared`).toBe(true);
    }
    const diff = differences(own, hosted);
    if (diff.length > 0) await page.screenshot({ path: testInfo.outputPath('host-leak.png') });
    expect(diff.slice(0, 40)).toEqual([]);

    // Control: without the app's reset rules, the host's `* { letter-spacing }` and
    // `p { … }` do reach the app, so the comparison above can fail.
    await page.evaluate(() => {
      for (const sheet of document.styleSheets) {
        if (!sheet.href?.includes('/tools/parallax/')) continue;
        for (let i = sheet.cssRules.length - 1; i >= 0; i--) {
          const rule = sheet.cssRules[i];
          if (rule instanceof CSSStyleRule && rule.selectorText.includes(':not(svg, svg *)')) {
            sheet.deleteRule(i);
          }
        }
      }
    });
    const leaked = differences(own, await appStyles(page));
    expect(leaked.some((d) => d.includes('letter-spacing'))).toBe(true);
    expect(leaked.length).toBeGreaterThan(100);
  });

  test('every rule of the app’s style sheets is scoped to the app', async ({ page }) => {
    await openHostPage(page);
    const found = await page.evaluate((appPath) => {
      const root = /^(\.px-app|\.px-hosted|\.px-page|:is\(\.px-page, #parallax\) > \.px-fatal)(?![\w-])/;
      /** A selector list split at its top-level commas. */
      const split = (list: string) => {
        const parts: string[] = [];
        let depth = 0;
        let cur = '';
        for (const ch of list) {
          if (ch === '(' || ch === '[') depth++;
          if (ch === ')' || ch === ']') depth--;
          if (ch === ',' && depth === 0) {
            parts.push(cur.trim());
            cur = '';
          } else cur += ch;
        }
        return [...parts, cur.trim()];
      };
      const unscoped: string[] = [];
      let n_selectors = 0;
      const walk = (rules: CSSRuleList, where: string) => {
        for (const rule of rules) {
          if (rule instanceof CSSStyleRule) {
            for (const sel of split(rule.selectorText)) {
              n_selectors++;
              if (!root.test(sel)) unscoped.push(`${where}: ${sel}`);
            }
          } else if (rule instanceof CSSImportRule) {
            unscoped.push(`${where}: @import ${rule.href}`);
          } else if (!(rule instanceof CSSKeyframesRule) && 'cssRules' in rule) {
            walk((rule as CSSGroupingRule).cssRules, where);
          }
        }
      };
      const sheets = [...document.styleSheets].filter((s) => s.href && new URL(s.href).pathname.startsWith(appPath));
      for (const sheet of sheets) walk(sheet.cssRules, new URL(sheet.href!).pathname);
      return { n_sheets: sheets.length, n_selectors, unscoped };
    }, APP_PATH);
    // Every sheet embed.js names (the app's own page has them inline, in one element).
    const embed = await (await page.request.get(`${APP_PATH.slice(1)}embed.js`)).text();
    const n_named = [.../^const STYLES = (.*);$/m.exec(embed)![1].matchAll(/\.css"/g)].length;
    expect(n_named).toBeGreaterThan(1);
    expect(found.n_sheets).toBe(n_named);
    expect(found.n_selectors).toBeGreaterThan(200);
    expect(found.unscoped).toEqual([]);
  });

  test('when the app cannot load, the host’s div says so in words', async ({ page, problems }) => {
    problems.allow(/_bg\.wasm/);
    problems.allow(/^console error: Parallax: /);
    problems.allow(/^console error: Failed to load resource/);
    await page.route('**/tools/parallax/*_bg.wasm', (route) =>
      route.fulfill({ status: 503, contentType: 'text/plain', body: 'unavailable' }),
    );
    await page.goto(HOST_PAGE);
    await expect(page.locator('#parallax')).toContainText('Parallax could not start');
    await expect(page.locator('#parallax .px-app')).toHaveCount(0);
    // The page around it is whole.
    await expect(page.locator('#after')).toBeVisible();
  });

  test('embed.js on a page without a #parallax element says so and leaves the page alone', async ({
    page,
    problems,
  }) => {
    problems.allow(/Parallax: this page has no element with id="parallax"/);
    await page.route('**/examples/embed/no-host.html', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>No host</title></head>
<body><p id="own">The page's own text.</p><script type="module" src="${APP_PATH}embed.js"></script></body></html>`,
      }),
    );
    await page.goto('examples/embed/no-host.html');
    await expect.poll(() => problems.seen.join('\n')).toMatch(/no element with id="parallax"/);
    await expect(page.locator('.px-app')).toHaveCount(0);
    await expect(page.locator('link')).toHaveCount(0);
    await expect(page.locator('body > *')).toHaveCount(2);
  });
});
