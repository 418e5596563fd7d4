// Issue #5: the reader's own articles (paste, drop, pick, keep, remove, export, import),
// the downloads (JSON and CSV content checked value by value), the permalink, and the
// iframe snippet with its compact mode.
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { test, expect } from '../fixtures';
import { ParallaxPage } from '../pages/parallax-page';
import { columnTitle, readManifest } from '../corpus';

const titles = readManifest().map(columnTitle);

const OWN_TEXT = [
  'Scholz rules out sending German troops to Ukraine',
  '',
  'German Chancellor Olaf Scholz said on Tuesday that no European or NATO soldiers would be sent to Ukraine. "What was agreed from the start applies," Scholz told reporters in Freiburg.',
  '',
  'French President Emmanuel Macron had said that sending Western troops could not be ruled out.',
].join('\n');

async function readDownload(download: Download): Promise<string> {
  const path = await download.path();
  return readFileSync(path!, 'utf8');
}

/** Opens the "Export & share" dialog of `page` and returns it. */
async function openShare(page: Page) {
  await page.getByRole('button', { name: 'Export & share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export & share' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Rows of a CSV file (RFC 4180: quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

test.describe("the reader's own articles", () => {
  test('a pasted article becomes a column, joins the filter, survives a reload and can be removed', async ({
    app,
  }, testInfo) => {
    await app.page.setViewportSize({ width: 1440, height: 1000 });
    await app.goto();
    const page = app.page;
    const dialog = await app.addPasted(OWN_TEXT, 'Le Monde (test)', '2024-02-27', 'https://example.org/scholz');
    await expect(dialog.getByTestId('reader-status')).toContainText('Added the pasted article');
    await expect(dialog.getByTestId('own-article')).toHaveCount(1);
    await page.screenshot({ path: testInfo.outputPath('reader-dialog.png') });
    await dialog.getByRole('button', { name: 'Close' }).click();

    const column = app.column('Le Monde (test)');
    await expect(column).toBeVisible();
    await expect(column.getByRole('link', { name: /example\.org|original/i })).toHaveAttribute(
      'href',
      'https://example.org/scholz',
    );
    await expect(column.locator('mark.px-mention').first()).toBeVisible();
    // It joins the actor filter: Scholz now counts one more article.
    await page.getByRole('checkbox', { name: /^Olaf Scholz\b/ }).check();
    await expect(column.locator('[data-testid=passage]:visible').first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('reader-column.png') });

    await page.reload();
    await expect(app.column('Le Monde (test)')).toBeVisible();
    for (const title of titles) await expect(app.column(title)).toBeVisible();

    const again = await app.openReader();
    await again.getByRole('button', { name: 'Remove Le Monde (test)' }).click();
    await expect(again.getByTestId('reader-status')).toContainText('Removed Le Monde (test)');
    await again.getByRole('button', { name: 'Close' }).click();
    await expect(app.column('Le Monde (test)')).toHaveCount(0);
    await page.reload();
    await expect(app.column(titles[0])).toBeVisible();
    await expect(app.column('Le Monde (test)')).toHaveCount(0);
  });

  test('articles added one after another are analysed from what the worker keeps, as a fresh page analyses them', async ({
    app,
    context,
  }) => {
    // The analysis JSON that `page` exports.
    const exported = async (page: Page): Promise<unknown> => {
      const dialog = await openShare(page);
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        dialog.getByRole('button', { name: 'Analysis (JSON)' }).click(),
      ]);
      await dialog.getByRole('button', { name: 'Close' }).click();
      return JSON.parse(await readDownload(file));
    };
    await app.goto();
    // "Your articles" opened: the worker warms up and keeps the bundle read, its prepared
    // analysis and its claims' units; each article added is analysed from them.
    const first = await app.addPasted(OWN_TEXT, 'Le Monde (test)');
    await expect(first.getByTestId('own-article')).toHaveCount(1);
    await first.getByRole('button', { name: 'Close' }).click();
    await expect(app.column('Le Monde (test)')).toBeVisible();
    const second = await app.addPasted(
      OWN_TEXT.replace('Freiburg', 'Berlin').replace('Tuesday', 'Wednesday'),
      'Die Zeit (test)',
    );
    await expect(second.getByTestId('own-article')).toHaveCount(2);
    await second.getByRole('button', { name: 'Close' }).click();
    await expect(app.column('Die Zeit (test)')).toBeVisible();
    const kept = await exported(app.page);

    // A new tab with the same articles kept in the browser: its worker starts cold and
    // analyses them with nothing kept. The analysis is the same, claims included.
    const fresh = new ParallaxPage(await context.newPage());
    await fresh.goto();
    await expect(fresh.column('Die Zeit (test)')).toBeVisible();
    await expect(fresh.column('Le Monde (test)')).toBeVisible();
    expect(await exported(fresh.page)).toEqual(kept);
    await fresh.page.close();
  });

  test('dropped and picked .txt files are added, with their header line giving date and link', async ({ app }) => {
    await app.goto();
    const page = app.page;
    const dialog = await app.openReader();
    const body = ` date 2024-03-01 https://example.org/dropped\n\n${OWN_TEXT}`;
    // A drop: a DataTransfer with a File, dispatched on the drop zone.
    const transfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.txt', { type: 'text/plain' }));
      return dt;
    }, body);
    await dialog.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer: transfer });
    await expect(dialog.getByTestId('reader-status')).toContainText('Added “dropped.txt”');
    // A pick through the file chooser, with a second file that is not UTF-8.
    await dialog.locator('input[type=file][multiple]').setInputFiles([
      { name: 'picked.txt', mimeType: 'text/plain', buffer: Buffer.from(OWN_TEXT.replace('Tuesday', 'Monday')) },
      { name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from([0x53, 0xe9, 0x6a, 0x6f, 0x75, 0x72, 0x6e, 0xe9]) },
    ]);
    await expect(dialog.getByTestId('reader-status')).toContainText('Added “picked.txt”');
    await expect(dialog.getByTestId('reader-status')).toContainText('Could not add “latin1.txt”: it is not UTF-8 text.');
    await expect(dialog.getByTestId('own-article')).toHaveCount(2);
    await expect(dialog.getByTestId('own-article').first()).toContainText('2024-03-01');
    await dialog.getByRole('button', { name: 'Close' }).click();
    const dropped = app.column('Unattributed article own-1');
    await expect(dropped).toBeVisible();
    await expect(dropped.locator('a[href="https://example.org/dropped"]')).toHaveCount(1);
  });

  test('bad input is refused with a sentence and nothing is added', async ({ app }) => {
    await app.goto();
    const page = app.page;
    let dialog = await app.addPasted('   ', 'Empty');
    await expect(dialog.getByTestId('reader-status')).toContainText('empty');
    await dialog.getByLabel('Article text').fill(OWN_TEXT);
    await dialog.getByLabel('Date (YYYY-MM-DD)').fill('27/02/2024');
    await dialog.getByRole('button', { name: 'Add article' }).click();
    await expect(dialog.getByTestId('reader-status')).toContainText('YYYY-MM-DD');
    await dialog.getByLabel('Date (YYYY-MM-DD)').fill('');
    await dialog.getByLabel(/^Link to the original/).fill('javascript:alert(1)');
    await dialog.getByRole('button', { name: 'Add article' }).click();
    await expect(dialog.getByTestId('reader-status')).toContainText('http');
    await expect(dialog.getByTestId('own-article')).toHaveCount(0);
    // The form keeps what was typed, so nothing is lost.
    await expect(dialog.getByLabel('Article text')).toHaveValue(OWN_TEXT);
  });

  test('when the analysis cannot start, the reader is told, the bundled articles stay and theirs are kept', async ({
    app,
    problems,
  }) => {
    // The worker's wasm does not arrive (a host that did not publish it, a network cut).
    problems.allow(/analysis-worker-[0-9a-f]{16}_bg\.wasm/);
    await app.page.route('**/analysis-worker-*_bg.wasm', (route) => route.abort());
    await app.goto();
    const reader = await app.addPasted(OWN_TEXT, 'Le Monde (test)');
    await expect(reader.getByTestId('own-article')).toHaveCount(1);
    await reader.getByRole('button', { name: 'Close' }).click();
    await expect(app.page.getByText(/^Your articles could not be analysed: .*its code could not be loaded/)).toBeVisible();
    for (const title of titles) await expect(app.column(title)).toBeVisible();
    await expect(app.column('Le Monde (test)')).toHaveCount(0);
    await expect(app.page.locator('.px-fatal')).toHaveCount(0);

    // Once the worker can load again, a reload analyses the article that was kept.
    await app.page.unroute('**/analysis-worker-*_bg.wasm');
    await app.page.reload();
    await expect(app.column('Le Monde (test)')).toBeVisible();
    await expect(app.page.getByText(/^Your articles could not be analysed/)).toHaveCount(0);
  });

  test('articles are exported to a file and imported back after being removed', async ({ app }) => {
    await app.goto();
    const page = app.page;
    const dialog = await app.addPasted(OWN_TEXT, 'Exported Outlet', '2024-02-28');
    await expect(dialog.getByTestId('own-article')).toHaveCount(1);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Export my articles' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('parallax-my-articles.json');
    const saved = await readDownload(download);
    const doc = JSON.parse(saved);
    expect(doc.format).toBe('parallax-reader-articles');
    expect(doc.version).toBe(1);
    expect(doc.articles).toHaveLength(1);
    expect(doc.articles[0].text).toBe(OWN_TEXT);
    expect(doc.articles[0].meta.outlet).toBe('Exported Outlet');

    await dialog.getByRole('button', { name: 'Remove Exported Outlet' }).click();
    await expect(dialog.getByTestId('own-article')).toHaveCount(0);
    await dialog.locator('input[type=file]:not([multiple])').setInputFiles({
      name: 'parallax-my-articles.json',
      mimeType: 'application/json',
      buffer: Buffer.from(saved),
    });
    await expect(dialog.getByTestId('reader-status')).toContainText('1 article added, 0 already here');
    // Importing the same file again adds nothing twice.
    await dialog.locator('input[type=file]:not([multiple])').setInputFiles({
      name: 'again.json',
      mimeType: 'application/json',
      buffer: Buffer.from(saved),
    });
    await expect(dialog.getByTestId('reader-status')).toContainText('0 articles added, 1 already here');
    await dialog.locator('input[type=file]:not([multiple])').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "something else"'),
    });
    await expect(dialog.getByTestId('reader-status')).toContainText('Could not import “broken.json”');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(app.column('Exported Outlet')).toBeVisible();
  });
});

test.describe('exports', () => {
  test('the analysis JSON lists every article with its headline, actors and quotations', async ({ app }) => {
    await app.goto();
    const dialog = await openShare(app.page);
    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Analysis (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('parallax-analysis.json');
    const analysis = JSON.parse(await readDownload(download));
    expect(analysis.articles).toHaveLength(titles.length);
    const names = analysis.actors.map((a: { name: string }) => a.name);
    expect(names).toEqual(expect.arrayContaining(['Emmanuel Macron', 'Olaf Scholz']));
    const sputnik = analysis.articles[0];
    expect(sputnik.id).toBe('000_f56fb9289bcd3499');
    expect(sputnik.quotes.length).toBeGreaterThan(0);
    expect(analysis.articles[3].headline ?? null).toBeNull();
    expect(analysis.claims.length).toBeGreaterThan(0);
  });

  test("the bundled articles open on the analysis made at build time, which the browser's own analysis agrees with", async ({
    app,
  }) => {
    const measures = () =>
      app.page.evaluate(() => performance.getEntriesByType('measure').map((m) => m.name));
    const download = async (): Promise<{ articles: { id: string }[]; actors: { name: string }[] }> => {
      const dialog = await openShare(app.page);
      const [file] = await Promise.all([
        app.page.waitForEvent('download'),
        dialog.getByRole('button', { name: 'Analysis (JSON)' }).click(),
      ]);
      await dialog.getByRole('button', { name: 'Close' }).click();
      return JSON.parse(await readDownload(file));
    };
    // The analysis worker's files (`analysis-worker-…`), by name.
    const workerFiles: string[] = [];
    app.page.on('request', (r) => {
      const file = new URL(r.url()).pathname.split('/').pop() ?? '';
      if (file.startsWith('analysis-worker')) workerFiles.push(file);
    });
    await app.goto();
    // Decoded, not analysed: the engine does not run for the bundled articles alone, and
    // its code, in the analysis worker, is not even loaded.
    expect(await measures()).toContain('parallax:prepared');
    expect(await measures()).not.toContain('parallax:analyze');
    const prepared = await download();
    expect(workerFiles).toEqual([]);

    // Opening "Your articles" starts the analysis worker, which loads its loader, its glue
    // and its wasm once, while the reader picks an article.
    const panel = await app.openReader();
    await expect.poll(() => workerFiles.length).toBe(3);
    await panel.getByRole('button', { name: 'Close' }).click();

    // An article of the reader's: the worker analyses it here, in wasm, after the build's
    // analysis of the bundled articles, and groups claims across them all.
    const reader = await app.addPasted(OWN_TEXT, 'Le Monde (test)');
    await expect(reader.getByTestId('own-article')).toHaveCount(1);
    await reader.getByRole('button', { name: 'Close' }).click();
    await expect(app.column('Le Monde (test)')).toBeVisible();
    expect(await measures()).toContain('parallax:analyze');
    expect(workerFiles.map((f) => f.replace(/-[0-9a-f]{16}/, '-#')).sort()).toEqual([
      'analysis-worker-#.js',
      'analysis-worker-#_bg.wasm',
      'analysis-worker-loader-#.js',
    ]);
    const analysed = await download();
    expect(analysed.articles).toHaveLength(titles.length + 1);
    // The bundled articles come out of the browser's analysis exactly as the build
    // analysed them (an article's findings do not depend on the articles after it), their
    // actors keep their places in the list, and the reader's article joins their claims.
    expect(analysed.articles.slice(0, titles.length)).toEqual(prepared.articles);
    expect(analysed.actors.slice(0, prepared.actors.length)).toEqual(prepared.actors);

    // A reload in the same tab decodes the worker's analysis kept in session storage: no
    // worker is started, and the analysis is the same.
    const loaded = workerFiles.length;
    await app.page.reload();
    await expect(app.column('Le Monde (test)')).toBeVisible();
    expect(await measures()).toContain('parallax:cached');
    expect(await measures()).not.toContain('parallax:analyze');
    expect(workerFiles.length).toBe(loaded);
    expect(await download()).toEqual(analysed);
  });

  test('the claims and quotations CSVs open as tables with accents intact', async ({ app }) => {
    await app.goto();
    // The seeds are plain ASCII: an article of the reader's brings the accents.
    const reader = await app.addPasted(
      'Séjourné défend Macron\n\nLe ministre Stéphane Séjourné a déclaré : « Rien n’est exclu, c’est là notre fermeté. »',
      'Le Quotidien Français',
    );
    await expect(reader.getByTestId('own-article')).toHaveCount(1);
    await reader.getByRole('button', { name: 'Close' }).click();
    const dialog = await openShare(app.page);
    const [claims] = await Promise.all([
      app.page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Claims matrix (CSV)' }).click(),
    ]);
    const claimsText = await readDownload(claims);
    expect(claimsText.charCodeAt(0)).toBe(0xfeff); // the BOM spreadsheets need for UTF-8
    const claimRows = parseCsv(claimsText.slice(1));
    const header = claimRows[0];
    for (const title of [...titles, 'Le Quotidien Français']) expect(header).toContain(title);
    expect(claimRows.length).toBeGreaterThan(1);
    for (const row of claimRows) expect(row).toHaveLength(header.length);

    const [quotes] = await Promise.all([
      app.page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Quotations (CSV)' }).click(),
    ]);
    const quoteRows = parseCsv((await readDownload(quotes)).slice(1));
    const qHeader = quoteRows[0];
    expect(qHeader.length).toBeGreaterThan(2);
    const speakerCol = qHeader.findIndex((h) => /speaker/i.test(h));
    expect(speakerCol).toBeGreaterThanOrEqual(0);
    const speakers = quoteRows.slice(1).map((r) => r[speakerCol]);
    expect(speakers).toContain('Emmanuel Macron');
    const own = quoteRows.find((r) => r[0] === 'Le Quotidien Français');
    expect(own, 'the reader article\'s quotation is a row').toBeTruthy();
    expect(own!.join(' ')).toContain('Rien n’est exclu, c’est là notre fermeté.');
  });

  test('the permalink reproduces the view, and the embed snippet opens a compact view', async ({ app, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await app.goto('./?view=claims&actors=olaf-scholz');
    const page = app.page;
    const dialog = await openShare(page);
    const link = await dialog.getByTestId('permalink').inputValue();
    expect(link).toMatch(/\?view=claims&actors=olaf-scholz$/);
    await dialog.getByRole('button', { name: 'Copy link' }).click();
    await expect(dialog.getByTestId('share-status')).toContainText('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    const snippet = await dialog.getByTestId('embed-snippet').inputValue();
    expect(snippet).toMatch(/^<iframe src="[^"]+\?view=claims&amp;actors=olaf-scholz&amp;embed=1" title="[^"]+"/);
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The snippet, pasted into a host page, shows the compact Claims view.
    const src = /src="([^"]+)"/.exec(snippet)![1].replace(/&amp;/g, '&');
    // A host page of the same server (Chromium keeps pages of other origins from framing
    // loopback addresses), with no policy of its own.
    const host = new URL('/host-of-snippet.html', page.url()).href;
    await page.route(host, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Host</title><h1>Host page</h1>${snippet}` }),
    );
    await page.goto(host);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByRole('tab', { name: /^Claims/ })).toHaveAttribute('aria-selected', 'true');
    await expect(frame.getByRole('checkbox', { name: /^Olaf Scholz\b/ })).toBeChecked();
    await expect(frame.getByRole('link', { name: 'Open the full view' })).toBeVisible();
    await expect(frame.getByRole('heading', { level: 1, name: /how each one framed it/ })).toHaveCount(0);
    await expect(frame.getByRole('button', { name: /^Your articles/ })).toHaveCount(0);
    expect(src).toContain('embed=1');
  });
});

test.describe('dialogs', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`"Your articles" and "Export & share" work by keyboard and pass axe-core (${scheme})`, async ({
      app,
    }, testInfo) => {
      test.setTimeout(120_000);
      const { default: AxeBuilder } = await import('@axe-core/playwright');
      await app.page.emulateMedia({ colorScheme: scheme });
      await app.goto();
      const page = app.page;
      for (const [button, name] of [
        [/^Your articles/, 'Your articles'],
        [/^Export & share/, 'Export & share'],
      ] as const) {
        const opener = page.getByRole('button', { name: button });
        await opener.focus();
        await page.keyboard.press('Enter');
        const dialog = page.getByRole('dialog', { name });
        await expect(dialog).toBeVisible();
        // Focus moved into the modal dialog.
        expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
        const results = await new AxeBuilder({ page }).include('dialog[open]').analyze();
        const serious = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${name}: ${v.id} ${v.nodes[0]?.target}`);
        expect(serious).toEqual([]);
        // Every button keeps its label on one line ("Copy / link" broken over two looks
        // unfinished): the label's line boxes all start at one height.
        const wrapped = await dialog.locator('button').evaluateAll((buttons) =>
          buttons
            .filter((b) => {
              const range = document.createRange();
              range.selectNodeContents(b);
              return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
            })
            .map((b) => b.textContent),
        );
        expect(wrapped).toEqual([]);
        await page.screenshot({ path: testInfo.outputPath(`${name.replace(/\W+/g, '-')}-${scheme}.png`) });
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
        await expect(opener).toBeFocused();
      }
    });
  }
});
