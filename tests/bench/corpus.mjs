// Reading a corpus folder (corpus.toml + article .txt files) the way the benchmark needs it:
// the articles in manifest order, with their outlet, and a snippet of each one's body that
// the browser must find in the outlet's column before the comparison counts as shown.
//
// The manifest parser reads only what this script needs: `[[article]]` tables of
// `key = "string"` lines (basic strings with \" \\ \n \t \uXXXX escapes, or 'literal'
// strings). The app itself loads the corpus through the engine's strict loader; a manifest
// this reader does not understand fails the benchmark loudly instead of guessing.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Unescape a TOML basic string body. */
function unescapeBasic(body) {
  return body.replace(/\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|["\\bfnrt])/g, (_, e) => {
    switch (e[0]) {
      case 'u':
      case 'U':
        return String.fromCodePoint(parseInt(e.slice(1), 16));
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      default:
        return e;
    }
  });
}

/** The `[[article]]` tables of a corpus.toml, in order, as objects of string fields. */
export function parseManifest(text) {
  const articles = [];
  let current = null;
  for (const [n_line, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line === '[[article]]') {
      current = {};
      articles.push(current);
      continue;
    }
    if (line.startsWith('[')) {
      current = null;
      continue;
    }
    const m = /^([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')\s*(?:#.*)?$/.exec(line);
    if (!m) throw new Error(`corpus.toml:${n_line + 1}: not a key = "string" line: ${line}`);
    if (current) current[m[1]] = m[2] !== undefined ? unescapeBasic(m[2]) : m[3];
  }
  return articles;
}

/** Whitespace removed: how column text and snippets are compared, so that the app may
 * lay sentences and paragraphs out in its own elements without failing the check. */
export function squeeze(text) {
  return text.replace(/\s+/g, '');
}

/** A line of the article's body that the app must show: the start of its longest line
 * (always a real paragraph, never page furniture such as "ARTICLE AD BOX"). */
export function snippetOf(text) {
  const lines = text.split('\n').map((l) => l.trim());
  let longest = '';
  for (const line of lines) if (line.length > longest.length) longest = line;
  return [...longest].slice(0, 48).join('');
}

/** The articles of a corpus folder in manifest order: `{ file, id, outlet, text, snippet }`.
 * `outlet` falls back to the article id, as the viewer names a column without one. */
export function loadCorpus(dir) {
  const manifest = parseManifest(readFileSync(join(dir, 'corpus.toml'), 'utf8'));
  return manifest.map((entry) => {
    const text = readFileSync(join(dir, entry.file), 'utf8');
    const id = entry.file.replace(/\.txt$/, '');
    return { ...entry, id, outlet: entry.outlet ?? id, text, snippet: snippetOf(text) };
  });
}
