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

function storedDocument(): string {
  return JSON.stringify({
    format: 'parallax-reader-articles',
    version: 1,
    articles: Array.from({ length: N_OWN }, (_, k) => ({
      id: `own-${k + 1}`,
      text: ownText(k + 1),
      meta: { outlet: `Outlet ${String(k + 1).padStart(2, '0')}`, date: '2024-03-04', url: null },
    })),
  });
}

async function withManyOutlets(page: Page): Promise<void> {
  await page.addInitScript(
    ([key, doc]) => {
      if (!localStorage.getItem(key)) localStorage.setItem(key, doc);
    },
    [STORE_KEY, storedDocument()],
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
