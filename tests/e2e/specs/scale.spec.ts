// Issue #6: a corpus with more outlets than fit on screen. The five seeds plus twenty of
// the reader's own articles (made-up texts, kept in the browser's storage before the page
// opens) make 25 outlets: past 12 the Compare strip renders only the columns in view, and
// past 8 the matrix views (Remarks, Claims, Actors) show their outlet columns a page at a
// time. The benchmark (`make bench`) takes the same paths with 1,000 articles.
import type { Page } from '@playwright/test';
import { test, expect } from '../fixtures';
import { columnTitle, readManifest } from '../corpus';

const STORE_KEY = 'parallax.reader-articles';
const N_OWN = 20;
const N_OUTLETS = readManifest().length + N_OWN;

const CITIES = ['Lyon', 'Lille', 'Nantes', 'Toulouse', 'Rennes'];

/** A made-up report: the French president quoted, the German chancellor answering. */
function ownText(i: number): string {
  const city = CITIES[i % CITIES.length];
  return [
    `Report ${i}: Macron keeps the question of troops open`,
    '',
    `French President Emmanuel Macron said in ${city} on Monday that nothing could be ruled out. "We will do whatever it takes for as long as it takes," Macron told reporters in ${city}.`,
    '',
    `German Chancellor Olaf Scholz said that Germany would send no soldiers, in remarks number ${i}.`,
  ].join('\n');
}

/** A longer made-up report: the short one, then paragraphs of quoted and reported
 * remarks, each naming its speaker. */
function longText(i: number): string {
  const paragraphs = [ownText(i)];
  for (let k = 1; k <= 12; k++) {
    const city = CITIES[(i + k) % CITIES.length];
    paragraphs.push(
      '',
      `In ${city}, speaking on day ${k} of his visit, Macron said that Europe had to be ready. "Our security is at stake in Ukraine," he added, according to officials present in ${city}.`,
    );
  }
  return paragraphs.join('\n');
}

function storedDocument(n: number, text: (i: number) => string = ownText): string {
  return JSON.stringify({
    format: 'parallax-reader-articles',
    version: 1,
    articles: Array.from({ length: n }, (_, k) => ({
      id: `own-${k + 1}`,
      text: text(k + 1),
      meta: { outlet: `Outlet ${String(k + 1).padStart(2, '0')}`, date: '2024-03-04', url: null },
    })),
  });
}

async function withManyOutlets(page: Page, n = N_OWN, text: (i: number) => string = ownText): Promise<void> {
  await page.addInitScript(
    ([key, doc]) => {
      if (!localStorage.getItem(key)) localStorage.setItem(key, doc);
    },
    [STORE_KEY, storedDocument(n, text)],
  );
}

test.describe('a corpus with many outlets', () => {
  test.beforeEach(async ({ app }) => {
    await app.page.setViewportSize({ width: 1440, height: 1000 });
    await withManyOutlets(app.page);
  });

  test('Compare renders only the columns in view, and the switcher reaches any outlet', async ({ app }) => {
    await app.goto();
    const page = app.page;
    const nav = page.getByRole('navigation', { name: 'Jump to an outlet' });
    const jump = nav.getByLabel('Go to outlet');
    await expect(jump.locator('option')).toHaveCount(N_OUTLETS);
    await expect(nav).toContainText(`of ${N_OUTLETS}`);
    const rendered = await page.getByTestId('compare').locator('[id^="px-col-"]').count();
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(N_OUTLETS);

    await jump.selectOption({ label: 'Outlet 20' });
    await expect(app.column('Outlet 20')).toBeInViewport();
    await expect(app.column('Outlet 01')).toHaveCount(0);
  });

  for (const view of ['remarks', 'claims', 'actors']) {
    test(`the ${view} view shows its outlet columns a page at a time`, async ({ app }) => {
      await app.goto(`./?view=${view}`);
      const page = app.page;
      const pager = page.getByTestId('outlet-pager');
      await expect(pager).toContainText(`Outlets 1–8 of ${N_OUTLETS}`);
      const previous = pager.getByRole('button', { name: '‹ Previous outlets' });
      const next = pager.getByRole('button', { name: 'Next outlets ›' });
      await expect(previous).toBeDisabled();
      const table = page.getByRole('table').first();
      const outletHeads = table.locator('thead th:not(:first-child)');
      await expect(outletHeads).toHaveCount(8);
      const firstPage = await outletHeads.allTextContents();

      await next.click();
      await expect(pager).toContainText(`Outlets 9–16 of ${N_OUTLETS}`);
      await expect(outletHeads).toHaveCount(8);
      const secondPage = await outletHeads.allTextContents();
      expect(secondPage.some((name) => firstPage.includes(name))).toBe(false);

      // The last page holds the rest, and Next stops there.
      await next.click();
      await next.click();
      await expect(pager).toContainText(`Outlets 25–25 of ${N_OUTLETS}`);
      await expect(next).toBeDisabled();
      await expect(outletHeads).toHaveCount(1);
    });
  }

  test('a Remarks link to an outlet outside the Compare window opens its passage', async ({ app }) => {
    await app.goto('./?view=remarks');
    const page = app.page;
    await expect(page.getByRole('heading', { name: 'How each outlet reports Emmanuel Macron' })).toBeVisible();
    // A sentence about many outlets links the first twelve and counts the rest.
    const crowded = page.getByTestId('contrast').locator('li').filter({ hasText: /and \d+ more outlets/ }).first();
    await expect(crowded.getByRole('button')).toHaveCount(12);
    // Links to the reader's outlets: every one of them lies past the first Compare window
    // (the five seeds come first).
    const link = page
      .getByTestId('contrast')
      .getByRole('button', { name: /^Outlet \d\d\s*: show/ })
      .last();
    const name = (await link.textContent()) ?? '';
    const outlet = name.match(/^Outlet \d\d/)![0];
    // The link names the start of the passage it shows: “…”.
    const excerpt = name.match(/“(.*?)…?”/)![1].slice(0, 30);
    await link.click();
    const column = app.column(outlet);
    await expect(column).toBeInViewport();
    // The strip moved its window there: the first outlet's column is out of the DOM.
    await expect(app.column(columnTitle(readManifest()[0]))).toHaveCount(0);
    // The passage holding the finding has the focus, and is on screen.
    const focused = column.locator(':focus');
    await expect(focused).toHaveCount(1);
    await expect(focused).toBeInViewport();
    await expect(focused).toContainText(excerpt);
  });
});

// An analysis long enough to show its progress: past its opening quarter of a second, the
// analysis hands the page back every few tens of milliseconds. 300 long articles take
// about 2 s on the two-core machine the suite was written on: several times the opening
// slice even on a much faster one.
const N_LONG = 300;
const N_LONG_OUTLETS = readManifest().length + N_LONG;

test.describe('a long analysis', () => {
  test('the analysis shows its progress while the page stays free, then gives way to the viewer', async ({ app }) => {
    const page = app.page;
    await page.setViewportSize({ width: 1440, height: 1000 });
    await withManyOutlets(page, N_LONG, longText);
    // Every state of the progress the page showed, in order, seen as the DOM changed: the
    // sentence, the bar's value and maximum, and whether the viewer was on screen then.
    await page.addInitScript(() => {
      // A page timer: it must keep running while the analysis does.
      const ticks: number[] = [];
      (window as unknown as { __ticks: number[] }).__ticks = ticks;
      setInterval(() => ticks.push(performance.now()), 40);
      const seen: string[] = [];
      (window as unknown as { __progress: string[] }).__progress = seen;
      const note = (el: Element) => {
        const label = el.querySelector('.px-progress__label')?.textContent ?? '';
        const live = el.closest('[role="status"]') !== null;
        const bar = el.querySelector('progress');
        const viewer = document.querySelector('[data-testid="compare"]') !== null;
        const count = el.querySelector('.px-progress__count')?.textContent ?? '';
        const entry = `${live ? '' : 'NOT LIVE '}${label}|${bar?.value}|${bar?.max}|${viewer ? 'viewer' : 'alone'}|${count}`;
        if (seen[seen.length - 1] !== entry) seen.push(entry);
      };
      new MutationObserver((records) => {
        for (const r of records) {
          for (const n of r.addedNodes) {
            if (n instanceof Element && n.matches('[data-testid="analysis-progress"]')) note(n);
          }
        }
        const shown = document.querySelector('[data-testid="analysis-progress"]');
        if (shown) note(shown);
      }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
    });
    const progress = () => page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);

    await app.goto();
    await expect(page.getByTestId('analysis-progress')).toHaveCount(0);
    const first = await progress();
    // It was the first thing on the page, alone, with the bar at 0 of every article.
    expect(first[0]).toBe(`Analysing the articles…|0|${N_LONG_OUTLETS}|alone|0 of ${N_LONG_OUTLETS} articles`);
    // It moved forward while the page had its turns, never back, never past the total.
    const done = first.map((entry) => Number(entry.split('|')[1]));
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(new Set(done).size).toBeGreaterThan(1);
    expect(Math.max(...done)).toBeLessThanOrEqual(N_LONG_OUTLETS);
    // The page's own timer kept ticking during the analysis (past its opening slice).
    const ticksDuring = await page.evaluate(() => {
      const [m] = performance.getEntriesByName('parallax:analyze');
      const ticks = (window as unknown as { __ticks: number[] }).__ticks;
      return ticks.filter((t) => t > m.startTime + 250 && t < m.startTime + m.duration).length;
    });
    expect(ticksDuring).toBeGreaterThan(0);
    // Its last state names the step that follows the articles.
    expect(first[first.length - 1]).toBe(
      `Analysing the articles…|${N_LONG_OUTLETS}|${N_LONG_OUTLETS}|alone|${N_LONG_OUTLETS} articles; now grouping the claims they share`,
    );

    // A later analysis (the reader adds an article) keeps the viewer on screen, with a
    // status line, until the new analysis replaces it.
    const dialog = await app.addPasted(ownText(99), 'Outlet 99');
    await expect(dialog.getByTestId('own-article')).toHaveCount(N_LONG + 1);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('navigation', { name: 'Jump to an outlet' })).toContainText(`of ${N_LONG_OUTLETS + 1}`);
    await expect(page.getByTestId('analysis-progress')).toHaveCount(0);
    const later = (await progress()).slice(first.length);
    expect(later.length).toBeGreaterThan(0);
    for (const entry of later) {
      expect(entry).toMatch(new RegExp(`^Analysing the articles again, with yours…\\|\\d+\\|${N_LONG_OUTLETS + 1}\\|viewer\\|`));
    }
  });
});
