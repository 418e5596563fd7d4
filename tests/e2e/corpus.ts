// The bundled corpus as the tests expect to see it, read from seeds/ rather than copied,
// so that a new article in the manifest is expected on screen without editing the tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const seedsDir = fileURLToPath(new URL('../../seeds/', import.meta.url));

/** One `[[article]]` entry of seeds/corpus.toml: its string fields. */
export type ManifestEntry = {
  file: string;
  outlet?: string;
  date?: string;
  url?: string;
  [key: string]: string | undefined;
};

/** The `[[article]]` entries of a manifest, in order.
 *
 * Reads only what corpus.toml uses: `[[article]]` headers and `key = "basic string"` lines
 * (TOML basic strings escape like JSON). The engine's loader is the strict reader; this
 * only has to see the same entries, and throws on any line it does not understand. */
export function parseManifest(text: string): ManifestEntry[] {
  const entries: ManifestEntry[] = [];
  text.split('\n').forEach((raw, line_idx) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (line === '[[article]]') {
      entries.push({ file: '' });
      return;
    }
    const m = /^([A-Za-z_]+)\s*=\s*(".*")\s*(#.*)?$/.exec(line);
    const entry = entries[entries.length - 1];
    if (!m || !entry) throw new Error(`corpus.toml:${line_idx + 1}: cannot read \`${line}\``);
    entry[m[1]] = JSON.parse(m[2]);
  });
  return entries;
}

/** The column title the viewer shows for an article: its outlet, or, when the outlet is
 * not known, a plain statement of that (issue #2: never guess). */
export function columnTitle(entry: ManifestEntry): string {
  return entry.outlet ?? `Unattributed article ${entry.file.replace(/\.txt$/, '')}`;
}

export function readManifest(): ManifestEntry[] {
  return parseManifest(readFileSync(join(seedsDir, 'corpus.toml'), 'utf8'));
}

export function readArticle(file: string): string {
  return readFileSync(join(seedsDir, file), 'utf8');
}

/** A run of words from the article's body that any rendering of its text must contain:
 * the start of its first long line (header line, headline and short furniture lines such
 * as "ARTICLE AD BOX" are shorter), cut at a word boundary. */
export function bodySample(text: string, n_chars = 60): string {
  const line = text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.length >= 120 && !l.startsWith('date '));
  if (!line) throw new Error('the article has no line of 120 characters or more');
  const cut = line.slice(0, n_chars);
  return cut.slice(0, cut.lastIndexOf(' '));
}
