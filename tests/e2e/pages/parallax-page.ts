// The page object of the app: how tests find things on screen, in one place, by role and
// accessible name (the contract of issue #4) rather than by CSS classes that change.
import { expect, type Locator, type Page } from '@playwright/test';

export class ParallaxPage {
  constructor(readonly page: Page) {}

  /** Opens the app at `path`, relative to the server's base URL (`./` or
   * `tools/parallax/`), and waits until the live app shows something: not the first view
   * prerendered in index.html, which is inert until the app takes its place. */
  async goto(path = './'): Promise<void> {
    await this.page.goto(path);
    await expect(this.page.getByTestId('parallax')).toBeVisible();
    await expect(this.page.getByRole('region').first()).toBeVisible();
  }

  /** The first view prerendered in index.html, while it is in the page. */
  prerendered(): Locator {
    return this.page.locator('.px-app--prerendered');
  }

  /** The outlet column whose accessible name is `title` (the outlet's name). */
  column(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** The accessible names of every region on the page, in document order. */
  async regionNames(): Promise<string[]> {
    const regions = await this.page.getByRole('region').all();
    const names = await Promise.all(
      regions.map((r) =>
        r.evaluate((el) => {
          const label = el.getAttribute('aria-label');
          if (label) return label;
          const ids = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
          return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
        }),
      ),
    );
    return names;
  }

  /** The headings of a column that contain `text`: the headline is shown as a heading. */
  headingsWith(column: Locator, text: string): Locator {
    return column.getByRole('heading').filter({ hasText: text });
  }

  /** Links in a column that point to `url`. */
  linksTo(column: Locator, url: string): Locator {
    return column.locator(`a[href="${url.replace(/"/g, '\\"')}"]`);
  }

  /** Opens the "Your articles" dialog and returns it. */
  async openReader(): Promise<Locator> {
    await this.page.getByRole('button', { name: /^Your articles/ }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Your articles' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Adds an article of the reader's own through the dialog's form; returns the dialog. */
  async addPasted(text: string, outlet: string, date = '', link = ''): Promise<Locator> {
    const dialog = await this.openReader();
    await dialog.getByLabel('Article text').fill(text);
    await dialog.getByLabel('Outlet', { exact: true }).fill(outlet);
    await dialog.getByLabel('Date (YYYY-MM-DD)').fill(date);
    await dialog.getByLabel(/^Link to the original/).fill(link);
    await dialog.getByRole('button', { name: 'Add article' }).click();
    return dialog;
  }
}
