// The baseline of "time to first comparison": a plain static HTML page with the same
// articles in columns, in manifest order, one `<section aria-label="{outlet}">` per
// article like the viewer's Compare view. No script, one inline style sheet. Every piece
// of article text is escaped: the page shows text, never markup from the articles.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Text escaped for HTML element content and double-quoted attribute values. */
export function escapeHtml(text) {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The page for `articles` (from corpus.mjs `loadCorpus`). */
export function staticPage(articles) {
  const columns = articles
    .map((article) => {
      const lines = article.text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '');
      const [headline = '', ...body] = lines;
      const paragraphs = body.map((p) => `      <p>${escapeHtml(p)}</p>`).join('\n');
      return [
        `    <section aria-label="${escapeHtml(article.outlet)}">`,
        `      <h2>${escapeHtml(article.outlet)}</h2>`,
        `      <h3>${escapeHtml(headline)}</h3>`,
        paragraphs,
        '    </section>',
      ].join('\n');
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Parallax benchmark baseline: the same articles as a static page</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; margin: 0; padding: 1rem; }
      main { display: grid; grid-auto-flow: column; grid-auto-columns: minmax(18rem, 1fr);
             gap: 1rem; overflow-x: auto; }
      section { border-top: 3px solid #333; }
      h2 { font-size: 1rem; margin: .5rem 0; }
      h3 { font-size: 1.1rem; }
    </style>
  </head>
  <body>
    <h1>One story, ${articles.length} outlets</h1>
    <main>
${columns}
    </main>
  </body>
</html>
`;
}

/** Write the page as `dir/index.html`; returns the folder. */
export function writeStaticPage(articles, dir) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), staticPage(articles));
  return dir;
}
