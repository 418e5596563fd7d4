// Issue #6: the first view is prerendered into index.html when the site is built
// (src/prerender.rs, scripts/post-build.mjs), so the articles show as soon as the page
// arrives, before the wasm has loaded. It is inert until the live app takes its place, the
// live app's markup is the same (nothing moves), and it never shows when the page opens
// on something else.
import type { Page, Route } from '@playwright/test';
import { test, expect } from '../fixtures';
import { bodySample, columnTitle, readArticle, readManifest } from '../corpus';

const manifest = readManifest();

/** Holds the app's wasm (not the analysis worker's) until the returned function is called:
 * the page shows what it has before the app starts. */
async function holdWasm(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/parallax-[0-9a-f]+_bg\.wasm$/, async (route: Route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** What the page shows of an element, as text: every element with its attributes (sorted,
 * class lists sorted, an empty `style` left out: the live app's inputs get one from the
 * properties it sets), the text between them with runs of white space as one space. Left
 * out: Leptos' comment markers, what only tells the prerendered root from the live one
 * (`inert`, `aria-busy`, the test id, its class), and the content of closed dialogs,
 * which is not shown (the share dialog's links need the page's address). Form controls add
 * the state they show (checked, disabled, value), which attributes alone need not tell.
 * Runs in the page. */
function shown(root: Element): string {
  const out: string[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') out.push(JSON.stringify(text.replace(/\s+/g, ' ')));
    text = '';
  };
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      text += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    flush();
    const el = node as Element;
    const attrs = [...el.attributes]
      .filter((a) => !(a.name === 'style' && a.value === ''))
      .filter((a) => !(el === root && ['inert', 'aria-busy', 'data-testid'].includes(a.name)))
      .map((a) => {
        const value =
          a.name === 'class'
            ? a.value.split(/\s+/).filter((c) => c !== '' && c !== 'px-app--prerendered').sort().join(' ')
            : a.value;
        return `${a.name}=${JSON.stringify(value)}`;
      })
      .sort();
    if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
      attrs.push(`.checked=${el.checked}`);
    }
    if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLButtonElement) {
      attrs.push(`.disabled=${el.disabled}`);
    }
    if (el instanceof HTMLSelectElement) attrs.push(`.value=${JSON.stringify(el.value)}`);
    out.push(`<${el.localName} ${attrs.join(' ')}>`);
    if (!(el.localName === 'dialog' && !el.hasAttribute('open'))) el.childNodes.forEach(walk);
    flush();
    out.push(`</${el.localName}>`);
  };
  walk(root);
  return out.join('\n');
}

test.describe('the prerendered first view', () => {
  for (const [screen, size] of [
    ['a wide screen', { width: 1440, height: 900 }],
    ['a phone', { width: 390, height: 844 }],
  ] as const) {
    test(`on ${screen} it shows every article before the app starts, inert, and the app takes its place without moving anything`, async ({
      page,
      app,
    }, testInfo) => {
      await page.setViewportSize(size);
      const release = await holdWasm(page);
      await page.goto('./');

      const first = app.prerendered();
      await expect(first).toBeVisible();
      await expect(first).toHaveAttribute('inert', '');
      await expect(page.getByTestId('parallax')).toHaveCount(0);
      const boxes: Record<string, { x: number; y: number; width: number; height: number }> = {};
      for (const entry of manifest) {
        const title = columnTitle(entry);
        const column = first.locator(`section[aria-label="${title}"]`);
        await expect(column).toBeVisible();
        await expect(column).toContainText(bodySample(readArticle(entry.file)));
        boxes[title] = (await column.locator('p').first().boundingBox())!;
      }
      // Inert: the keyboard cannot reach into it, a click changes nothing.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
      // (Inert content is out of the accessibility tree, so found here by its class.)
      const tab = first.locator('#px-tab-claims');
      await tab.click({ force: true });
      await expect(tab).toHaveAttribute('aria-selected', 'false');
      await page.screenshot({ path: testInfo.outputPath('prerendered.png') });
      const before = await first.evaluate(shown);
      // The filters show their state before the app starts (and to a reader without
      // JavaScript): "any" and "hide" chosen, every outlet shown.
      await expect(first.locator('input[name="px-match"][value="any"]')).toBeChecked();
      await expect(first.locator('input[name="px-others"][value="hide"]')).toBeChecked();
      const outletBoxes = first.locator('input[type="checkbox"][id^="px-outlet-"]');
      await expect(outletBoxes).toHaveCount(manifest.length);
      for (const box of await outletBoxes.all()) await expect(box).toBeChecked();

      release();
      const live = page.getByTestId('parallax');
      await expect(live).toBeVisible();
      await expect(first).toHaveCount(0);
      await expect(page.locator('.px-app')).toHaveCount(1);
      for (const entry of manifest) {
        const title = columnTitle(entry);
        const box = (await app.column(title).locator('p').first().boundingBox())!;
        for (const key of ['x', 'y', 'width', 'height'] as const) {
          expect(Math.abs(box[key] - boxes[title][key]), `${title}: ${key}`).toBeLessThan(1);
        }
      }
      await page.screenshot({ path: testInfo.outputPath('live.png') });
      // The same markup: the prerender is the live app's own first view, not a look-alike.
      const after = await live.evaluate(shown);
      expect(after).toBe(before);
      // And it is live now.
      await page.getByRole('tab', { name: /^Claims/ }).click();
      await expect(page.getByRole('tab', { name: /^Claims/ })).toHaveAttribute('aria-selected', 'true');
    });
  }

  for (const [what, query, shown] of [
    ['a link to another view', '?view=claims', (p: Page) => p.getByRole('tab', { name: /^Claims/ })],
    ['a link with a filter', '?actors=olaf-scholz', (p: Page) => p.getByRole('checkbox', { name: /Olaf Scholz/ })],
    ['the compact embed', '?embed=1', (p: Page) => p.getByRole('link', { name: 'Open the full view' })],
  ] as const) {
    test(`${what} never shows the prerendered view, which is hidden before the app starts`, async ({ page, app }) => {
      const release = await holdWasm(page);
      await page.goto(`./${query}`);
      await expect(app.prerendered()).toBeAttached();
      await expect(app.prerendered()).toBeHidden();
      release();
      await expect(app.prerendered()).toHaveCount(0);
      await expect(page.getByTestId('parallax')).toBeVisible();
      await expect(shown(page).first()).toBeVisible();
      if (query === '?view=claims') {
        await expect(shown(page)).toHaveAttribute('aria-selected', 'true');
      }
      if (query === '?actors=olaf-scholz') await expect(shown(page)).toBeChecked();
    });
  }

  test('behind it the app is built in short steps, one outlet column at a time, and shows only once complete', async ({
    page,
    app,
  }) => {
    // Every batch of the live root's DOM changes (a MutationObserver callback runs once per
    // task that changed it): how many columns each batch added, and how many columns the
    // live root held when the prerendered view was removed.
    await page.addInitScript(() => {
      const log: { added: number[]; atSwap: number | null } = { added: [], atSwap: null };
      (window as unknown as { __start: typeof log }).__start = log;
      const isColumn = (n: Node) => n instanceof Element && n.matches('section.px-column');
      new MutationObserver((records) => {
        let added = 0;
        for (const r of records) {
          for (const n of r.addedNodes) {
            const inLive = n instanceof Element && n.closest('.px-app:not(.px-app--prerendered)');
            if (inLive) added += (isColumn(n) ? 1 : 0) + (n instanceof Element ? n.querySelectorAll('section.px-column').length : 0);
          }
          for (const n of r.removedNodes) {
            if (n instanceof Element && n.matches('.px-app--prerendered')) {
              log.atSwap = document.querySelectorAll('.px-app:not(.px-app--prerendered) section.px-column').length;
            }
          }
        }
        if (added > 0) log.added.push(added);
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto('./');
    await expect(page.getByTestId('parallax')).toBeVisible();
    await expect(app.prerendered()).toHaveCount(0);
    const log = await page.evaluate(() => (window as unknown as { __start: { added: number[]; atSwap: number | null } }).__start);
    // One column per step, never all at once; and the reader never saw a part of the view.
    expect(log.added).toEqual(manifest.map(() => 1));
    expect(log.atSwap).toBe(manifest.length);
    await expect(page.locator('section.px-column')).toHaveCount(manifest.length);
  });

  test('behind it the prepared analysis loads without stopping to update a progress nobody sees', async ({
    page,
    app,
  }) => {
    // The live root's progress count, each time a task changed it. Behind the prerendered
    // view the reader sees no progress, so the decoding has no reason to take a turn of
    // the page to show its last step ("5 articles; now laying out the comparison"): that
    // turn was half of the decoding's time.
    await page.addInitScript(() => {
      const counts: string[] = [];
      (window as unknown as { __counts: string[] }).__counts = counts;
      new MutationObserver(() => {
        const count = document.querySelector('.px-app:not(.px-app--prerendered) .px-progress__count');
        const text = count?.textContent ?? null;
        if (text !== null && counts[counts.length - 1] !== text) counts.push(text);
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await page.goto('./');
    await expect(page.getByTestId('parallax')).toBeVisible();
    await expect(app.prerendered()).toHaveCount(0);
    const counts = await page.evaluate(() => (window as unknown as { __counts: string[] }).__counts);
    expect(counts).toEqual([`0 of ${manifest.length} articles`]);
  });

  test('the browser has painted all of it, and accounted for that paint, before the app asks for its wasm', async ({
    page,
    app,
  }) => {
    await page.goto('./');
    await expect(page.getByTestId('parallax')).toBeVisible();
    await expect(app.prerendered()).toHaveCount(0);
    const timing = await page.evaluate(async () => {
      const entries = await new Promise<PerformanceEntry[]>((resolve) =>
        new PerformanceObserver((list) => resolve(list.getEntries())).observe({
          type: 'largest-contentful-paint',
          buffered: true,
        }),
      );
      const wasm = performance
        .getEntriesByType('resource')
        .find((e) => /\/parallax-[0-9a-f]+_bg\.wasm$/.test(e.name));
      return { lastPaint: entries[entries.length - 1]?.startTime ?? null, wasmAsked: wasm?.startTime ?? null };
    });
    // Otherwise a paint of the articles after the wasm was asked for counts, to Lighthouse's
    // simulation of a slow line, as waiting for the wasm (its 3.0 s largest paint).
    expect(timing.lastPaint).not.toBeNull();
    expect(timing.wasmAsked).not.toBeNull();
    expect(timing.lastPaint!).toBeLessThan(timing.wasmAsked!);
  });

  test('with articles of the reader’s kept in the browser, the page waits for the app instead', async ({ page, app }) => {
    await app.goto();
    await app.addPasted('Scholz rules out troops\n\nGerman Chancellor Olaf Scholz said no troops would be sent to Ukraine.', 'Reader Daily');
    await expect(app.column('Reader Daily')).toBeVisible({ timeout: 20_000 });

    const release = await holdWasm(page);
    await page.reload();
    await expect(app.prerendered()).toBeAttached();
    await expect(app.prerendered()).toBeHidden();
    release();
    await expect(app.prerendered()).toHaveCount(0);
    await expect(app.column('Reader Daily')).toBeVisible({ timeout: 20_000 });
  });

  for (const [what, file] of [
    ['its wasm', /\/parallax-[0-9a-f]+_bg\.wasm$/],
    ['its JavaScript glue', /\/parallax-[0-9a-f]+\.js$/],
  ] as const) {
    test(`when the app cannot start (${what} not loaded), the page says so above the articles, which stay readable`, async ({
      page,
      app,
      problems,
    }, testInfo) => {
      problems.allow(/parallax-[0-9a-f]+(_bg\.wasm|\.js)|WebAssembly|wasm|module|Failed to fetch|net::ERR_FAILED/i);
      await page.route(file, (route) => route.abort('failed'));
      await page.goto('./');
      const alert = page.getByRole('alert');
      await expect(alert).toContainText('Parallax could not start in this browser');
      await expect(alert).toContainText('The articles below are shown as they were when the site was built');
      await expect(app.prerendered()).toBeVisible();
      for (const entry of manifest) {
        await expect(app.prerendered().locator(`section[aria-label="${columnTitle(entry)}"]`)).toContainText(
          bodySample(readArticle(entry.file)),
        );
      }
      await page.screenshot({ path: testInfo.outputPath('start-failed.png') });
    });
  }

  test('without JavaScript the articles can still be read, and the page says what needs it', async ({
    browser,
    baseURL,
  }, testInfo) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    await page.goto('./');
    const message = page.locator('noscript');
    await expect(message).toBeVisible();
    expect(await message.textContent()).toMatch(/needs JavaScript and WebAssembly to compare and filter/);
    for (const entry of manifest) {
      const column = page.locator(`section[aria-label="${columnTitle(entry)}"]`);
      await expect(column).toBeVisible();
      await expect(column).toContainText(bodySample(readArticle(entry.file)));
    }
    await page.screenshot({ path: testInfo.outputPath('no-javascript.png') });
    await context.close();
  });
});
