// Issue #2: the release build loads in a real browser with no error and shows every
// article of the corpus, in manifest order, with its outlet, headline, link and text.
import { test, expect } from '../fixtures';
import { bodySample, columnTitle, readArticle, readManifest } from '../corpus';

const manifest = readManifest();

/** The headline of each seed as the article's own text gives it; 003 and 004 have none,
 * and the viewer must say so rather than promote the lede. */
const HEADLINES: Record<string, string | null> = {
  '000_f56fb9289bcd3499.txt':
    'Macron Says No Need for West to Intervene If French Troops Attacked in Ukraine - Reports',
  '001_87852d5f2ab2cc42.txt':
    "Macron On Sending French Troops To Ukraine: If Russia Attacks Them We Do Not Need NATO's Help",
  '002_2d615c015c570a87.txt':
    "European, U.S. allies taken aback by Macron's comments on troops in Ukraine",
  '003_fe0bddd215f79065.txt': null,
  '004_0a461c4a61171af8.txt': null,
};

test.describe('the bundled corpus', () => {
  test('the page loads without any console error and shows one column per article in manifest order', async ({
    app,
  }, testInfo) => {
    await app.page.setViewportSize({ width: 1440, height: 900 });
    await app.goto();
    const titles = manifest.map(columnTitle);
    expect(titles).toEqual(['Sputnik', 'Novinite', 'AFP (via an aggregator)', 'Head Post', 'Babel']);
    for (const title of titles) await expect(app.column(title)).toBeVisible();
    const shown = (await app.regionNames()).filter((name) => titles.includes(name));
    expect(shown).toEqual(titles);
    await app.page.screenshot({ path: testInfo.outputPath('compare.png'), fullPage: false });
  });

  for (const entry of manifest) {
    const title = columnTitle(entry);

    test(`the ${title} column shows the text of ${entry.file} with its link and date`, async ({ app }) => {
      await app.goto();
      const column = app.column(title);
      await expect(column).toContainText(bodySample(readArticle(entry.file)));
      if (entry.url) await expect(app.linksTo(column, entry.url).first()).toBeVisible();
      if (entry.date) {
        const date = column.locator(`time[datetime="${entry.date}"]`).or(column.getByText(entry.date));
        await expect(date.first()).toBeVisible();
      }
    });

    test(`the ${title} column shows the headline of ${entry.file}, or says it has none`, async ({ app }) => {
      expect(entry.file in HEADLINES, `expected headline of ${entry.file} is written in this test`).toBe(true);
      const headline = HEADLINES[entry.file];
      await app.goto();
      const column = app.column(title);
      if (headline) {
        await expect(app.headingsWith(column, headline)).toHaveCount(1);
      } else {
        await expect(column).toContainText(/no headline in source/i);
        // The lede is not promoted to a headline.
        const lede = bodySample(readArticle(entry.file));
        await expect(app.headingsWith(column, lede)).toHaveCount(0);
      }
    });
  }

  test('the app works from a sub-path of a static host', async ({ app }) => {
    await app.goto('tools/parallax/');
    for (const entry of manifest) await expect(app.column(columnTitle(entry))).toBeVisible();
  });
});
