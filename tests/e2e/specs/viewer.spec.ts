// Issue #4 (and the Remarks view of #8): every view shows real content from the analysis,
// the filters narrow every view, the URL holds the state, and it all works by keyboard,
// on a phone and without serious accessibility violations, in light and dark.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from '../fixtures';
import { columnTitle, readManifest } from '../corpus';

const titles = readManifest().map(columnTitle);
const VIEWS = ['compare', 'remarks', 'claims', 'actors', 'quotes'] as const;

/** The actor filter checkbox whose accessible name begins with `name`. */
function actorBox(page: Page, name: string): Locator {
  return page.getByRole('checkbox', { name: new RegExp(`^${name}\\b`) });
}

/** The `data-actors` lists of a column's visible passages. Subheadings are left out: one
 * stays above a passage of its section that the filter keeps, to give it its context. */
async function visiblePassageActors(column: Locator): Promise<string[][]> {
  const passages = column.locator('[data-testid=passage]:not([data-kind=subheading]):visible');
  const lists = await passages.evaluateAll((els) => els.map((e) => e.getAttribute('data-actors') ?? ''));
  return lists.map((l) => l.split(' ').filter(Boolean));
}

test.describe('the viewer', () => {
  test('each view renders content computed from the analysis', async ({ app }, testInfo) => {
    await app.page.setViewportSize({ width: 1440, height: 1000 });
    await app.goto();
    const page = app.page;
    for (const title of titles) await expect(app.column(title)).toBeVisible();
    await expect(page.locator('[data-testid=framing-summary]')).toHaveCount(titles.length);
    await expect(page.locator('mark.px-mention').first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('compare.png') });

    await page.getByRole('tab', { name: /^Claims/ }).click();
    await expect(page.locator('[data-testid=claim-row]').first()).toBeVisible();
    await expect(page.getByRole('columnheader', { name: titles[0] })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('claims.png') });

    await page.getByRole('tab', { name: /^Actors/ }).click();
    await expect(page.locator('[data-testid=heat-row][data-actor=emmanuel-macron]')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('actors.png') });

    await page.getByRole('tab', { name: /^Quotes/ }).click();
    await expect(page.locator('[data-testid=quote-group]').first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('quotes.png') });

    await page.getByRole('tab', { name: /^Remarks/ }).click();
    await expect(page.getByRole('heading', { name: 'How each outlet reports Emmanuel Macron' })).toBeVisible();
    await expect(page.locator('[data-testid=statement]').first()).toBeVisible();
    await expect(page.locator('[data-testid=prominence]')).toHaveCount(titles.length);
    await page.screenshot({ path: testInfo.outputPath('remarks.png') });
  });

  test('choosing Olaf Scholz leaves only passages naming him, and the article that never names him says so', async ({
    app,
  }) => {
    await app.goto();
    await actorBox(app.page, 'Olaf Scholz').check();
    let n_silent = 0;
    for (const title of titles) {
      const column = app.column(title);
      const lists = await visiblePassageActors(column);
      for (const list of lists) expect(list).toContain('olaf-scholz');
      if (lists.length === 0) {
        n_silent += 1;
        await expect(column.getByText('Olaf Scholz is not named in this article.')).toBeVisible();
      }
    }
    expect(n_silent).toBeGreaterThan(0);
  });

  test('"all" keeps passages naming both actors, "any" those naming either', async ({ app }) => {
    await app.goto();
    await actorBox(app.page, 'Emmanuel Macron').check();
    await actorBox(app.page, 'Olaf Scholz').check();
    const count = async () => {
      let n = 0;
      for (const title of titles) {
        const lists = await visiblePassageActors(app.column(title));
        n += lists.length;
        for (const list of lists) {
          const all = await app.page.getByRole('radio', { name: 'all' }).isChecked();
          if (all) expect(list).toEqual(expect.arrayContaining(['emmanuel-macron', 'olaf-scholz']));
          else expect(list.includes('emmanuel-macron') || list.includes('olaf-scholz')).toBe(true);
        }
      }
      return n;
    };
    const n_any = await count();
    await app.page.getByRole('radio', { name: 'all' }).check();
    await expect(app.page).toHaveURL(/match=all/);
    const n_all = await count();
    expect(n_all).toBeGreaterThan(0);
    expect(n_all).toBeLessThan(n_any);
  });

  test('the URL keeps the view and filters across reload, Back and Forward', async ({ app }) => {
    await app.goto();
    const page = app.page;
    await actorBox(page, 'Olaf Scholz').check();
    await expect(page).toHaveURL(/actors=olaf-scholz/);
    await page.getByRole('tab', { name: /^Claims/ }).click();
    await expect(page).toHaveURL(/view=claims/);
    await page.reload();
    await expect(page.getByRole('tab', { name: /^Claims/ })).toHaveAttribute('aria-selected', 'true');
    await expect(actorBox(page, 'Olaf Scholz')).toBeChecked();
    await page.goBack();
    await expect(page.getByRole('tab', { name: /^Compare/ })).toHaveAttribute('aria-selected', 'true');
    await expect(actorBox(page, 'Olaf Scholz')).toBeChecked();
    await page.goBack();
    await expect(actorBox(page, 'Olaf Scholz')).not.toBeChecked();
    await page.goForward();
    await expect(actorBox(page, 'Olaf Scholz')).toBeChecked();
  });

  test('unknown values in the URL are ignored with a notice and the rest applies', async ({ app }) => {
    await app.goto('./?view=nonsense&actors=olaf-scholz,nobody-at-all&cues=quotes');
    const page = app.page;
    await expect(page.locator('[data-testid=notice]')).toHaveCount(2);
    await expect(page.locator('[data-testid=notice]').first()).toContainText('nonsense');
    await expect(actorBox(page, 'Olaf Scholz')).toBeChecked();
    await expect(page.getByRole('checkbox', { name: /^Quotations only/ })).toBeChecked();
    for (const title of titles) await expect(app.column(title)).toBeVisible();
  });

  test('a long actor list shows the most mentioned first, the rest on request, and never hides a chosen actor', async ({
    app,
  }, testInfo) => {
    await app.goto();
    const page = app.page;
    const filter = page.getByTestId('actor-filter');
    const rows = filter.locator('[data-testid=actor-option]');
    const more = filter.getByRole('button', { name: /^Show all \d+ actors$/ });
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    const total = Number((await more.textContent())!.match(/\d+/)![0]);
    // The ten most mentioned, which are the actors with a highlight colour.
    await expect(rows).toHaveCount(10);
    expect(total).toBeGreaterThan(10);
    await expect(rows.first()).toHaveAttribute('data-actor', 'emmanuel-macron');
    await expect(rows.locator('.px-swatch.px-cn')).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('actor-list-short.png') });

    await more.click();
    await expect(rows).toHaveCount(total);
    const fewer = filter.getByRole('button', { name: 'Show the 10 most mentioned only' });
    await expect(fewer).toHaveAttribute('aria-expanded', 'true');
    await expect(fewer).toBeFocused();
    const last = rows.last();
    const slug = (await last.getAttribute('data-actor'))!;
    const name = (await last.locator('.px-actor-row__name').textContent())!;
    await fewer.click();
    await expect(rows).toHaveCount(10);
    await expect(filter.locator(`[data-actor="${slug}"]`)).toHaveCount(0);

    // A search lists every match, however far down; the button waits meanwhile.
    const search = filter.getByRole('searchbox', { name: 'Search actors' });
    await search.fill(name);
    await expect(filter.locator(`[data-actor="${slug}"]`)).toBeVisible();
    await expect(more).toBeHidden();
    await actorBox(page, name).check();
    await search.fill('');
    // Chosen, it keeps its row in the short list, even once unchecked.
    await expect(rows).toHaveCount(11);
    await expect(actorBox(page, name)).toBeChecked();
    await actorBox(page, name).uncheck();
    await expect(rows).toHaveCount(11);
    await expect(more).toBeVisible();

    // A link that chooses it lists it too.
    await app.goto(`./?actors=${slug}`);
    await expect(rows).toHaveCount(11);
    await expect(actorBox(page, name)).toBeChecked();
  });

  test('the actor filter works with the keyboard alone', async ({ app }) => {
    await app.goto();
    const page = app.page;
    const search = page.getByRole('searchbox', { name: 'Search actors' });
    for (let i = 0; i < 30 && !(await search.evaluate((e) => e === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(search).toBeFocused();
    await page.keyboard.type('scholz');
    await page.keyboard.press('Tab');
    await expect(actorBox(page, 'Olaf Scholz')).toBeFocused();
    await page.keyboard.press('Space');
    await expect(actorBox(page, 'Olaf Scholz')).toBeChecked();
    await expect(page).toHaveURL(/actors=olaf-scholz/);
  });

  test('a focused mark says why it was marked', async ({ app }) => {
    await app.goto();
    const mark = app.column(titles[0]).locator('mark.px-mention').first();
    await mark.focus();
    const tip = app.page.getByRole('tooltip');
    await expect(tip).toBeVisible();
    await expect(tip).not.toBeEmpty();
    await app.page.keyboard.press('Escape');
    await expect(tip).toBeHidden();
  });

  test('the Remarks view follows another focal actor and keeps it in the URL', async ({ app }) => {
    await app.goto('./?view=remarks');
    const page = app.page;
    await page.getByTestId('focal-select').selectOption('olaf-scholz');
    await expect(page.getByRole('heading', { name: 'How each outlet reports Olaf Scholz' })).toBeVisible();
    await expect(page).toHaveURL(/focal=olaf-scholz/);
  });

  test('the Remarks view shows every outlet for Macron and honours the outlet and actor filters', async ({ app }) => {
    await app.goto('./?view=remarks');
    const page = app.page;
    await expect(page.getByRole('heading', { name: 'How each outlet reports Emmanuel Macron' })).toBeVisible();
    const view = page.getByTestId('remarks-view');
    for (const title of titles) await expect(view.getByRole('columnheader', { name: title, exact: true })).toBeVisible();
    await expect(view.getByTestId('prominence')).toHaveCount(titles.length);
    const allRows = await view.getByTestId('remark-row').count();
    expect(allRows).toBeGreaterThan(3);
    // Whose words the headlines carry: a headline in the outlet's shorthand for speech
    // ("X Says …", "X: …") carries the focal actor's words.
    await expect(view.getByTestId('headline-carries').filter({ hasText: 'Emmanuel Macron (' }).first()).toBeVisible();
    // The generated contrast names outlets and counts them, never judges them.
    await expect(view.getByTestId('contrast').locator('li').first()).toContainText(/of \d outlets|Only 1 of/);
    // A statement several outlets carry is a claim's, named by its key words, and says so
    // in its row and in the contrast.
    const heads = view.getByTestId('remark-row').getByRole('rowheader');
    await expect(heads.filter({ hasText: /\d outlets$/ }).first()).toContainText(/^Key words/);
    await expect(heads.filter({ hasText: /\d outlets$/ }).filter({ hasNotText: 'Key words' })).toHaveCount(0);
    await expect(view.getByTestId('contrast')).toContainText('the statement of the key words ‘');

    // Two outlets: the other columns go, the URL keeps the choice.
    await app.goto('./?view=remarks&outlets=000,002');
    await expect(view.getByRole('columnheader', { name: titles[0], exact: true })).toBeVisible();
    await expect(view.getByRole('columnheader', { name: titles[2], exact: true })).toBeVisible();
    await expect(view.getByRole('columnheader', { name: titles[1], exact: true })).toHaveCount(0);
    await expect(view.getByTestId('prominence')).toHaveCount(2);

    // An actor filter keeps the statements whose sentence or reactions name the actor.
    await app.goto('./?view=remarks&actors=olaf-scholz');
    const kept = await view.getByTestId('remark-row').count();
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(allRows);
    await page.getByRole('radio', { name: 'dim' }).check();
    await expect(view.getByTestId('remark-row')).toHaveCount(allRows);
    await expect(view.locator('[data-testid=remark-row].px-dim')).toHaveCount(allRows - kept);
    await expect(page).toHaveURL(/view=remarks/);
    await expect(page).toHaveURL(/others=dim/);
  });

  test('on a phone the outlet columns form a swipeable strip with an outlet switcher', async ({ app }, testInfo) => {
    await app.page.setViewportSize({ width: 375, height: 800 });
    await app.goto();
    const page = app.page;
    await expect(page.getByRole('navigation', { name: 'Jump to an outlet' })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The toolbar is two rows: the tabs across the width, then the three actions side by
    // side under them, each label on one line and every button on screen.
    const tabs = (await page.getByRole('tablist', { name: 'Views' }).boundingBox())!;
    expect(tabs.width).toBeGreaterThan(375 - 20);
    const actions = [/^Filters/, /^Your articles/, /^Export & share/].map((name) =>
      page.getByRole('button', { name }),
    );
    const boxes = await Promise.all(actions.map(async (b) => (await b.boundingBox())!));
    expect(new Set(boxes.map((b) => Math.round(b.y))).size).toBe(1);
    for (const box of boxes) {
      expect(box.y).toBeGreaterThanOrEqual(tabs.y + tabs.height - 1);
      expect(box.x + box.width).toBeLessThanOrEqual(375);
      expect(box.height).toBeLessThan(tabs.height);
    }
    const last = titles[titles.length - 1];
    await page.getByRole('navigation', { name: 'Jump to an outlet' }).getByRole('button', { name: last }).click();
    await expect(app.column(last)).toBeInViewport();
    await page.screenshot({ path: testInfo.outputPath('phone.png') });
    // A link to the last view opens with its tab scrolled into sight.
    await page.goto('./?view=quotes');
    await expect(page.getByTestId('tab-quotes')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('tab-quotes')).toBeInViewport({ ratio: 1 });
  });

  test('on a phone the matrix views keep their row headers in sight while the outlets scroll sideways', async ({
    app,
  }, testInfo) => {
    await app.page.setViewportSize({ width: 375, height: 800 });
    const page = app.page;
    for (const [view, region] of [
      ['claims', 'Claims matrix'],
      ['actors', 'Actors heat map'],
      ['remarks', 'Remarks by outlet'],
    ] as const) {
      await app.goto(`./?view=${view}`);
      const wrap = page.getByRole('region', { name: region });
      const header = wrap.locator('tbody th').first();
      await header.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      const firstCell = wrap.locator('tbody tr').first().locator('td').first();
      const w = (await wrap.boundingBox())!;
      const h = (await header.boundingBox())!;
      // A narrow header, and the first outlet's cell whole beside it.
      expect(h.width, view).toBeLessThanOrEqual(140);
      const c = (await firstCell.boundingBox())!;
      expect(c.x + c.width, view).toBeLessThanOrEqual(w.x + w.width + 1);
      // Scrolled sideways, the header stays at the left edge and the cells pass under it.
      await wrap.evaluate((el) => (el.scrollLeft = 240));
      const after = (await header.boundingBox())!;
      expect(Math.abs(after.x - h.x), view).toBeLessThanOrEqual(1);
      const moved = (await firstCell.boundingBox())!;
      expect(moved.x, view).toBeLessThan(c.x - 200);
      const top = await page.evaluate(
        ([x, y]) => document.elementFromPoint(x, y)?.closest('th') !== null,
        [after.x + after.width / 2, after.y + after.height / 2],
      );
      expect(top, `${view}: the header is painted over the cells`).toBe(true);
      await page.screenshot({ path: testInfo.outputPath(`phone-${view}.png`) });
    }
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`no serious accessibility violation in any view (${scheme})`, async ({ app }) => {
      // Five full axe-core runs: slow on a loaded two-core machine.
      test.setTimeout(180_000);
      await app.page.emulateMedia({ colorScheme: scheme });
      for (const view of VIEWS) {
        await app.goto(`./?view=${view}&actors=olaf-scholz&others=dim`);
        const results = await new AxeBuilder({ page: app.page }).analyze();
        const serious = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${view}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`);
        expect(serious).toEqual([]);
      }
    });
  }
});
