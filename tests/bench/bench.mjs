// Parallax's benchmark (issue #6), run by `make bench` through scripts/bench.sh.
//
// Serves the release build (dist/), a plain static page of the same articles, and the
// release build of the synthetic 1,000-article corpus on 127.0.0.1, drives Debian's
// Chromium (headless, a fresh profile per run) and reports median and spread of:
//   1. first-load transfer size per file, raw and gzip;
//   2. time to first comparison, next to the static page's, as a ratio in the same run;
//   3. filter latency (click on an actor → DOM settled);
//   4. scale: loading the analysis made at build time, the browser's own analysis (one
//      article of the reader's added), first comparison, filter latency, memory, longest
//      frame while scrolling, on the synthetic corpus;
//   5. native engine throughput (criterion's figures, from the log bench.sh wrote);
// plus Lighthouse scores. Writes the tables to stdout, target/bench/latest.md and the raw
// figures to target/bench/latest.json.
//
//   node tests/bench/bench.mjs [--runs 7] [--synth-runs 5] [--lighthouse-runs 3]
//        [--dist dist] [--synth-dist target/dist-synth] [--synth-corpus target/synth-corpus]
//        [--native-log target/bench/criterion.log] [--no-synth] [--no-lighthouse]

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus, squeeze } from './corpus.mjs';
import { startServer } from './server.mjs';
import { writeStaticPage } from './static-page.mjs';
import { installComparisonProbe, measureClick, pageFacts, scrollProbe } from './page-probes.mjs';
// The first-load walk of the size budget (scripts/check-size-budget.sh): one definition.
import { firstLoadFiles, onDemandFiles } from '../../scripts/first-load.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
// The browser driver comes from the e2e tests' packages (tests/e2e/package.json).
const { chromium } = await import(
  join(root, 'tests/e2e/node_modules/playwright-core/index.mjs')
);

// ---- options -------------------------------------------------------------------------

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : fallback;
};
const flag = (name) => argv.includes(`--${name}`);
const RUNS = Number(opt('runs', process.env.BENCH_RUNS ?? 7));
const SYNTH_RUNS = Number(opt('synth-runs', process.env.BENCH_SYNTH_RUNS ?? 5));
const LH_RUNS = Number(opt('lighthouse-runs', process.env.BENCH_LIGHTHOUSE_RUNS ?? 3));
const DIST = resolve(root, opt('dist', 'dist'));
const SYNTH_DIST = resolve(root, opt('synth-dist', 'target/dist-synth'));
const SYNTH_CORPUS = resolve(root, opt('synth-corpus', 'target/synth-corpus'));
const NATIVE_LOG = resolve(root, opt('native-log', 'target/bench/criterion.log'));
const OUT = resolve(root, 'target/bench');
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
// The flags that keep Chromium quiet on a closed network (shared/TOOLCHAIN.md), plus
// precise heap figures and a callable gc() so memory is read after a collection.
const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const PROBE_FLAGS = ['--enable-precise-memory-info', '--js-flags=--expose-gc'];
const VIEWPORT = { width: 1366, height: 900 };
// Actors tried first for the filter figures when the corpus has them; otherwise the first
// actors of the filter list are used.
const PREFERRED_ACTORS = ['Olaf Scholz', 'Joe Biden', 'Vladimir Putin'];

mkdirSync(OUT, { recursive: true });

// ---- statistics and formatting -------------------------------------------------------

const sorted = (xs) => xs.filter((x) => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
function quantile(xs, q) {
  const s = sorted(xs);
  if (s.length === 0) return null;
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return s[lo] + (s[hi] - s[lo]) * (at - lo);
}
const median = (xs) => quantile(xs, 0.5);
function stats(xs) {
  const s = sorted(xs);
  return {
    n: s.length,
    median: median(s),
    min: s[0] ?? null,
    max: s[s.length - 1] ?? null,
    q1: quantile(s, 0.25),
    q3: quantile(s, 0.75),
  };
}
const fmt = (x, digits = 1) => (x === null || x === undefined ? '—' : x.toFixed(digits));
const ms = (st, digits = 1) =>
  st.n === 0 ? 'not reached' : `${fmt(st.median, digits)}`;
const spread = (st, digits = 1) =>
  st.n === 0 ? '—' : `${fmt(st.min, digits)}–${fmt(st.max, digits)} (IQR ${fmt(st.q1, digits)}–${fmt(st.q3, digits)})`;
const kb = (bytes) => (bytes === null || bytes === undefined ? '—' : (bytes / 1000).toFixed(1));
const mb = (bytes) => (bytes === null || bytes === undefined ? '—' : (bytes / 1e6).toFixed(1));
const verdict = (value, aim, lower = true) =>
  value === null || value === undefined ? 'not measured' : (lower ? value <= aim : value >= aim) ? 'meets' : 'misses';

// ---- the machine ---------------------------------------------------------------------

function sh(cmd, args) {
  try {
    return execFileSync(cmd, args, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function machine(browserVersion) {
  const commit = sh('git', ['rev-parse', '--short', 'HEAD']);
  const dirty = sh('git', ['status', '--porcelain', '--untracked-files=no']) !== '' ? ' (with uncommitted changes)' : '';
  return {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    commit: commit + dirty,
    cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    chromium: browserVersion,
    rustc: sh('rustc', ['--version']),
    node: process.version,
  };
}

// ---- browser runs --------------------------------------------------------------------

async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROME_FLAGS, ...PROBE_FLAGS],
  });
}

/** Open `url` in a fresh context, wait until the comparison is shown, return the page. */
async function openComparison(browser, url, expected, timeoutMs) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e.message ?? e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.addInitScript(installComparisonProbe, expected);
  await page.goto(url, { waitUntil: 'load' });
  let t = null;
  let tDom = null;
  try {
    await page.waitForFunction(() => window.__bench && window.__bench.t !== null, null, {
      timeout: timeoutMs,
      polling: 50,
    });
    ({ t, tDom } = await page.evaluate(() => ({ t: window.__bench.t, tDom: window.__bench.tDom })));
  } catch {
    // Not shown in time: reported as "not reached" with what the page did show.
  }
  // The prerendered first view satisfies the probe before the app runs: the page's facts
  // (its measures, its wasm, its memory) are read once the live app has replaced it.
  await page
    .waitForFunction(() => !document.querySelector('.px-app--prerendered'), null, {
      timeout: timeoutMs,
      polling: 50,
    })
    .catch(() => {});
  const facts = await page.evaluate(pageFacts);
  return { context, page, t, tDom, facts, errors };
}

/** The reader's storage with one article of their own in it (the format of
 * `parallax_engine::reader`): with it, the app analyses the whole corpus in the browser
 * instead of decoding the analysis made at build time. */
const OWN_ARTICLE_DOC = JSON.stringify({
  format: 'parallax-reader-articles',
  version: 1,
  articles: [
    {
      id: 'own-1',
      text: [
        'Scholz rules out sending German troops to Ukraine',
        '',
        'German Chancellor Olaf Scholz said on Tuesday that no European or NATO soldiers would be sent to Ukraine. "What was agreed from the start applies," Scholz told reporters in Freiburg.',
        '',
        'French President Emmanuel Macron had said that sending Western troops could not be ruled out.',
      ].join('\n'),
      meta: { outlet: 'Reader outlet', date: '2024-02-27', url: null },
    },
  ],
});

/** Waits for the page's first analysis in the worker and returns its wall time
 * (`parallax:analyze`); throws if it is not done in `timeoutMs`. */
async function firstAnalysisMs(page, timeoutMs) {
  await page.waitForFunction(() => performance.getEntriesByName('parallax:analyze').length > 0, null, {
    timeout: timeoutMs,
    polling: 50,
  });
  return page.evaluate(() => performance.getEntriesByName('parallax:analyze')[0].duration);
}

/** Open `url` in a fresh context with one article of the reader's stored, and return
 * how long the app's analysis of the corpus with it took (`parallax:analyze`): the
 * engine's own speed in the browser, its code run for the first time in the page. */
async function analyzeWithOwnArticle(browser, url, timeoutMs) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.addInitScript((doc) => localStorage.setItem('parallax.reader-articles', doc), OWN_ARTICLE_DOC);
  await page.goto(url, { waitUntil: 'load' });
  let ms = null;
  try {
    ms = await firstAnalysisMs(page, timeoutMs);
  } catch {
    // Not done in time: reported as not measured.
  }
  await context.close();
  return ms;
}

/** The reader's text the warm-up figure pastes (the article of `OWN_ARTICLE_DOC`). */
const OWN_ARTICLE = JSON.parse(OWN_ARTICLE_DOC).articles[0];

/** Open `url` in a fresh context, open "Your articles" (which starts the analysis worker
 * and has it warm up on the bundled articles), give it `warmMs`, then paste and add one
 * article and return how long its analysis took (`parallax:analyze`): the reader's
 * usual path, with the worker's start and first compilation behind it. */
async function analyzeAfterWarmUp(browser, url, timeoutMs, warmMs = 3000) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  let ms = null;
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => !document.querySelector('.px-app--prerendered'), null, { timeout: timeoutMs });
    await page.getByRole('button', { name: 'Your articles' }).click();
    const dialog = page.getByRole('dialog', { name: 'Your articles' });
    await page.waitForTimeout(warmMs);
    await dialog.getByLabel('Article text').fill(OWN_ARTICLE.text);
    await dialog.getByLabel('Outlet', { exact: true }).fill(OWN_ARTICLE.meta.outlet);
    await dialog.getByRole('button', { name: 'Add article' }).click();
    ms = await firstAnalysisMs(page, timeoutMs);
  } catch {
    // Not done in time, or the dialog not found: reported as not measured.
  }
  await context.close();
  return ms;
}

/** The actor checkboxes the filter figures use: accessible names that begin with a
 * canonical actor name of the gazetteer, preferred actors first. */
async function actorBoxes(page, canonical) {
  const boxes = page.getByRole('checkbox');
  const n_boxes = await boxes.count();
  const found = [];
  for (let i = 0; i < n_boxes && found.length < 40; i++) {
    const box = boxes.nth(i);
    const label = (await box.evaluate((el) => (el.labels && el.labels[0] ? el.labels[0].textContent : el.getAttribute('aria-label') || ''))).trim();
    const name = canonical.find((c) => label.startsWith(c));
    if (name) found.push({ name, box });
  }
  const ranked = [
    ...PREFERRED_ACTORS.map((p) => found.find((f) => f.name === p)).filter(Boolean),
    ...found.filter((f) => !PREFERRED_ACTORS.includes(f.name)),
  ];
  return ranked.slice(0, 3);
}

/** Click and measure; a page too busy to answer in 60 s gives `{ ms: null, error }`. */
async function clickAndMeasure(page, locator) {
  try {
    const handle = await locator.elementHandle({ timeout: 60_000 });
    const result = await page.evaluate(measureClick, handle);
    await handle.dispose();
    return result;
  } catch (e) {
    return { ms: null, work: null, error: String(e.message ?? e).split('\n')[0] };
  }
}

/** Filter latency scenarios on a loaded app page. */
async function filterLatency(page, canonical) {
  const out = { single: [], two_all: [], clear: [], notes: [] };
  const actors = await actorBoxes(page, canonical);
  if (actors.length === 0) {
    out.notes.push('no actor checkbox whose accessible name begins with a gazetteer name');
    return out;
  }
  out.actors = actors.map((a) => a.name);
  const record = (list, r, what) => {
    if (r.error) out.notes.push(`${what}: ${r.error}`);
    else if (r.ms === null) out.notes.push(`${what}: no DOM change within 2 s`);
    else list.push(r);
  };
  for (const actor of actors) {
    record(out.single, await clickAndMeasure(page, actor.box), `check ${actor.name}`);
    record(out.clear, await clickAndMeasure(page, actor.box), `uncheck ${actor.name}`);
  }
  if (actors.length >= 2) {
    const all = page.getByRole('radio', { name: 'all', exact: true });
    const any = page.getByRole('radio', { name: 'any', exact: true });
    if ((await all.count()) > 0) {
      await clickAndMeasure(page, all.first());
      await clickAndMeasure(page, actors[0].box);
      record(out.two_all, await clickAndMeasure(page, actors[1].box), 'two actors, all');
      const clear = page.getByRole('button', { name: 'Clear', exact: true });
      if ((await clear.count()) > 0) {
        record(out.clear, await clickAndMeasure(page, clear.first()), 'Clear button');
      } else {
        await clickAndMeasure(page, actors[1].box);
        record(out.clear, await clickAndMeasure(page, actors[0].box), 'uncheck both');
      }
      if ((await any.count()) > 0) await clickAndMeasure(page, any.first());
    } else {
      out.notes.push('no radio button named "all"');
    }
  }
  return out;
}

/** The other views at scale: click each view's tab (from Compare) → DOM settled. */
const VIEWS = ['Remarks', 'Claims', 'Actors', 'Quotes'];
async function openViews(page) {
  const out = {};
  const tab = (name) => page.getByRole('tab', { name: new RegExp(`^${name}`) });
  for (const view of VIEWS) {
    const r = await clickAndMeasure(page, tab(view));
    out[view] = { ms: r.ms, error: r.error, n_elements: await page.evaluate(() => document.getElementsByTagName('*').length) };
    await clickAndMeasure(page, tab('Compare'));
  }
  return out;
}

function expectedOf(articles, mode) {
  const byLabel = new Map();
  for (const a of articles) {
    const list = byLabel.get(a.outlet) ?? [];
    list.push(squeeze(a.snippet));
    byLabel.set(a.outlet, list);
  }
  return { mode, items: [...byLabel].map(([label, snippets]) => ({ label, snippets })) };
}

function gazetteerNames(dir) {
  const text = readFileSync(join(dir, 'actors.toml'), 'utf8');
  const names = [];
  let inActor = false;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t.startsWith('[')) inActor = t === '[[actor]]';
    const m = inActor && /^name\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(t);
    if (m) names.push(m[1]);
  }
  // Longest first, so "Joe Biden" wins over a shorter name that prefixes it.
  return names.sort((a, b) => b.length - a.length);
}

// ---- Lighthouse ----------------------------------------------------------------------

async function lighthouse(url, preset) {
  const cli = join(root, 'tests/bench/node_modules/lighthouse/cli/index.js');
  if (!existsSync(cli)) return { error: 'lighthouse is not installed (npm ci in tests/bench)' };
  const outFile = join(OUT, `lighthouse-${preset}.json`);
  const args = [
    cli,
    url,
    '--output=json',
    `--output-path=${outFile}`,
    '--only-categories=performance,accessibility,best-practices',
    // chrome-launcher gives every run a fresh temporary profile of its own.
    `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
    '--quiet',
  ];
  if (preset === 'desktop') args.push('--preset=desktop');
  // Asynchronously: the server Lighthouse's Chromium loads the page from runs in this
  // process, and a synchronous spawn would stop it from answering.
  const run = await new Promise((done) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, CHROME_PATH: CHROMIUM } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
    child.on('error', (error) => done({ status: null, error, stdout, stderr }));
    child.on('close', (status) => {
      clearTimeout(timer);
      done({ status, stdout, stderr });
    });
  });
  if (run.status !== 0) {
    const why = `${run.error ?? ''} ${run.stderr ?? ''} ${run.stdout ?? ''}`.trim();
    return { error: `exit ${run.status}: ${why.split('\n').slice(-4).join(' ')}` };
  }
  const report = JSON.parse(readFileSync(outFile, 'utf8'));
  const score = (id) => (report.categories[id]?.score ?? null) === null ? null : Math.round(report.categories[id].score * 100);
  const failing = (id) =>
    (report.categories[id]?.auditRefs ?? [])
      .filter((r) => r.weight > 0 && (report.audits[r.id]?.score ?? 1) < 0.9)
      .map((r) => report.audits[r.id].id);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    best_practices: score('best-practices'),
    fcp: report.audits['first-contentful-paint']?.numericValue ?? null,
    lcp: report.audits['largest-contentful-paint']?.numericValue ?? null,
    tbt: report.audits['total-blocking-time']?.numericValue ?? null,
    failing: {
      performance: failing('performance'),
      accessibility: failing('accessibility'),
      best_practices: failing('best-practices'),
    },
  };
}

// ---- native engine (criterion) -------------------------------------------------------

const TIME_UNITS = { ps: 1e-9, ns: 1e-6, µs: 1e-3, us: 1e-3, ms: 1, s: 1000 };
const THRPT_UNITS = { 'B/s': 1e-6, 'KiB/s': 1024 / 1e6, 'MiB/s': 1024 ** 2 / 1e6, 'GiB/s': 1024 ** 3 / 1e6 };

/** Criterion's "name time: [lo mid hi]" and "thrpt: [lo mid hi]" lines: the middle
 * estimates, as ms per iteration and MB/s (criterion prints binary MiB/s). */
function parseCriterion(text) {
  const rows = [];
  let name = null;
  const value = (v, u, units) => (units[u] === undefined ? null : Number(v) * units[u]);
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r/g, '');
    const time = /^(\S.*?)?\s+time:\s+\[\S+ \S+ (\S+) (\S+) \S+ \S+\]/.exec(line);
    const thrpt = /^\s+thrpt:\s+\[\S+ \S+ (\S+) (\S+) \S+ \S+\]/.exec(line);
    if (time) {
      rows.push({ name: (time[1] ?? name ?? '?').trim(), ms: value(time[2], time[3], TIME_UNITS), mbps: null });
    } else if (thrpt && rows.length) {
      rows[rows.length - 1].mbps = value(thrpt[1], thrpt[2], THRPT_UNITS);
    } else if (/^[A-Za-z_][\w/ .-]*$/.test(line) && !/^(Benchmarking|Found|Gnuplot|Warning|Running)\b/.test(line)) {
      name = line.trim();
    }
  }
  // The last figure of each benchmark (criterion reruns print them again).
  const byName = new Map(rows.map((r) => [r.name, r]));
  return [...byName.values()].map((r) => {
    const n = /\/(\d+)$/.exec(r.name);
    return { ...r, n_articles: n ? Number(n[1]) : null };
  });
}

// ---- main ----------------------------------------------------------------------------

const seeds = loadCorpus(join(root, 'seeds'));
const canonical = gazetteerNames(join(root, 'seeds'));
const staticDir = writeStaticPage(seeds, join(OUT, 'static'));
const haveSynth = !flag('no-synth') && existsSync(join(SYNTH_DIST, 'index.html')) && existsSync(join(SYNTH_CORPUS, 'corpus.toml'));
const mounts = { '/app/': DIST, '/static/': staticDir };
if (haveSynth) mounts['/synth/'] = SYNTH_DIST;
const server = await startServer(mounts);
const log = (...xs) => console.error('[bench]', ...xs);

const results = { runs: RUNS, synth_runs: SYNTH_RUNS, seeds: { app: [], static: [], ratio: [], filter: [], own: [], warm: [] } };
let browserVersion = 'unknown';

// 1–3: the five seeds, the app and the static page in the same run, order alternating.
const seedsExpected = expectedOf(seeds, 'all');
for (let run = 0; run < RUNS; run++) {
  const browser = await launch();
  browserVersion = `Chromium ${browser.version()}`;
  const order = run % 2 === 0 ? ['static', 'app'] : ['app', 'static'];
  const got = {};
  for (const which of order) {
    const url = `${server.origin}/${which}/`;
    const r = await openComparison(browser, url, seedsExpected, 20_000);
    got[which] = r;
    if (which === 'app' && r.t !== null) {
      results.seeds.filter.push(await filterLatency(r.page, canonical));
      results.seeds.scroll = await r.page.evaluate(scrollProbe, 60);
    }
    await r.context.close();
  }
  results.seeds.own.push(await analyzeWithOwnArticle(browser, `${server.origin}/app/`, 20_000));
  results.seeds.warm.push(await analyzeAfterWarmUp(browser, `${server.origin}/app/`, 20_000));
  await browser.close();
  results.seeds.app.push({ t: got.app.t, tDom: got.app.tDom, facts: got.app.facts, errors: got.app.errors });
  results.seeds.static.push({ t: got.static.t, tDom: got.static.tDom, facts: got.static.facts });
  if (got.app.t !== null && got.static.t !== null) results.seeds.ratio.push(got.app.t / got.static.t);
  log(`seeds run ${run + 1}/${RUNS}: app ${fmt(got.app.t)} ms, static ${fmt(got.static.t)} ms`);
}

// 4: the synthetic corpus.
if (haveSynth) {
  const synth = loadCorpus(SYNTH_CORPUS);
  const synthCanonical = gazetteerNames(SYNTH_CORPUS);
  const expected = expectedOf(synth, 'visible');
  results.synth = { n_articles: synth.length, bytes: synth.reduce((n, a) => n + Buffer.byteLength(a.text), 0), runs: [] };
  for (let run = 0; run < SYNTH_RUNS; run++) {
    const browser = await launch();
    const r = await openComparison(browser, `${server.origin}/synth/`, expected, 120_000);
    const entry = { t: r.t, tDom: r.tDom, facts: r.facts, errors: r.errors.slice(0, 5) };
    if (r.t !== null) {
      entry.filter = await filterLatency(r.page, synthCanonical);
      entry.scroll = await r.page.evaluate(scrollProbe, 180);
      entry.views = await openViews(r.page);
    }
    await r.context.close();
    entry.own = await analyzeWithOwnArticle(browser, `${server.origin}/synth/`, 120_000);
    results.synth.runs.push(entry);
    await browser.close();
    log(`synthetic run ${run + 1}/${SYNTH_RUNS}: first comparison ${fmt(r.t)} ms`);
  }
}

// Lighthouse on the seeds build.
if (!flag('no-lighthouse') && LH_RUNS > 0) {
  results.lighthouse = { mobile: [], desktop: [] };
  for (let run = 0; run < LH_RUNS; run++) {
    for (const preset of ['mobile', 'desktop']) {
      const r = await lighthouse(`${server.origin}/app/`, preset);
      results.lighthouse[preset].push(r);
      log(`lighthouse ${preset} ${run + 1}/${LH_RUNS}:`, r.error ?? `${r.performance}/${r.accessibility}/${r.best_practices}`);
    }
  }
}
await server.close();

results.native = existsSync(NATIVE_LOG) ? parseCriterion(readFileSync(NATIVE_LOG, 'utf8')) : null;
results.machine = machine(browserVersion);
results.sizes = firstLoadFiles(DIST);
results.onDemand = onDemandFiles(DIST, results.sizes);
if (haveSynth) results.synth.sizes = firstLoadFiles(SYNTH_DIST);

// ---- the report ----------------------------------------------------------------------

const md = [];
const m = results.machine;
md.push(`## Latest figures`, '');
md.push(`Measured ${m.date} at commit ${m.commit}; ${m.cpu}, ${m.memory}; ${m.chromium} headless; ${m.rustc}; node ${m.node}.`);
md.push(`Median of ${RUNS} runs (synthetic corpus: ${SYNTH_RUNS}); spread is min–max and interquartile range.`, '');

// 1. sizes
md.push('### 1. First load (five seeds)', '');
md.push('| file | raw bytes | gzip -9 bytes | on the wire (browser, gzip) |', '| --- | ---: | ---: | ---: |');
const wire = new Map();
for (const run of results.seeds.app) for (const r of run.facts.resources) {
  const list = wire.get(r.name) ?? [];
  list.push(r.encoded);
  wire.set(r.name, list);
}
let totalRaw = 0;
let totalGz = 0;
for (const f of results.sizes) {
  totalRaw += f.raw;
  totalGz += f.gzip;
  const w = wire.get(f.name);
  md.push(`| ${f.name} | ${f.raw} | ${f.gzip} | ${w ? median(w) : '—'} |`);
}
md.push(`| **total** | **${totalRaw}** | **${totalGz}** | |`);
const wasm = results.sizes.filter((f) => f.name.endsWith('.wasm'));
md.push('', `Wasm alone: ${kb(wasm.reduce((n, f) => n + f.raw, 0))} KB raw, ${kb(wasm.reduce((n, f) => n + f.gzip, 0))} KB gzip. Budget: whole first load ≤ 250 KB gzip — **${verdict(totalGz, 250_000)}** (${kb(totalGz)} KB).`, );
if (results.onDemand.length > 0) {
  const sum = (key) => results.onDemand.reduce((n, f) => n + f[key], 0);
  md.push('', `Loaded on demand, not by the first view: the analysis worker (when the reader opens "Your articles" or has articles of their own), ${results.onDemand.length} files, ${kb(sum('raw'))} KB raw, ${kb(sum('gzip'))} KB gzip.`);
}
md.push('');

// 2. first comparison
const appT = stats(results.seeds.app.map((r) => r.t));
const staticT = stats(results.seeds.static.map((r) => r.t));
const ratio = stats(results.seeds.ratio);
const appFcp = stats(results.seeds.app.map((r) => r.facts.paints['first-contentful-paint'] ?? null));
const staticFcp = stats(results.seeds.static.map((r) => r.facts.paints['first-contentful-paint'] ?? null));
md.push('### 2. Time to first comparison (five seeds)', '');
md.push('From navigation start to the frame after every outlet column shows its text.', '');
md.push('| page | median ms | spread ms | first contentful paint, median ms |', '| --- | ---: | --- | ---: |');
md.push(`| Parallax (release build) | ${ms(appT)} | ${spread(appT)} | ${fmt(appFcp.median)} |`);
md.push(`| plain static page, same articles | ${ms(staticT)} | ${spread(staticT)} | ${fmt(staticFcp.median)} |`);
md.push(`| **ratio Parallax / static (per run)** | **${fmt(ratio.median, 2)}** | ${spread(ratio, 2)} | |`);
md.push('', `Aim: ratio ≤ 1.5 — **${verdict(ratio.median, 1.5)}**.`);
const appMeasures = results.seeds.app.flatMap((r) => r.facts.measures);
const preparedSeeds = stats(appMeasures.filter((x) => x.name === 'parallax:prepared').map((x) => x.duration));
const ownSeeds = stats(results.seeds.own);
md.push(preparedSeeds.n ? `The seeds' analysis, made at build time, decoded in the browser (\`parallax:prepared\`): median ${fmt(preparedSeeds.median)} ms (${spread(preparedSeeds)}).` : 'The app emits no `performance.measure(\'parallax:prepared\')`: it did not load an analysis made at build time.');
md.push('', ownSeeds.n ? `The engine's analysis in the browser, the seeds with one article of the reader's (a fresh page per run: the analysis worker starts, loads and compiles its wasm, and runs the engine's code for the first time; \`parallax:analyze\`, wall time in the page, which stays free meanwhile): median ${fmt(ownSeeds.median)} ms (${spread(ownSeeds)}).` : 'The analysis with an article of the reader\'s was not measured.');
const warmSeeds = stats(results.seeds.warm);
md.push('', warmSeeds.n ? `The same, the reader's usual path (a fresh page per run; "Your articles" opened, which starts the worker and has it warm up on the bundled articles, then after 3 s one article pasted and added): median ${fmt(warmSeeds.median)} ms (${spread(warmSeeds)}).` : 'The analysis after the worker\'s warm-up was not measured.');
const errs = results.seeds.app.flatMap((r) => r.errors);
if (errs.length) md.push('', `Console errors in the app: ${[...new Set(errs)].slice(0, 3).map((e) => '`' + e.slice(0, 120) + '`').join('; ')}.`);
md.push('');

// 3. filter
const flat = (runs, key) => runs.flatMap((r) => (r ? r[key] : []));
const filterRows = (runs) => {
  const rows = [];
  for (const [key, label] of [['single', 'one actor checked'], ['two_all', 'second actor checked, "all"'], ['clear', 'filter cleared']]) {
    const list = flat(runs, key);
    const st = stats(list.map((r) => r.ms));
    const work = stats(list.map((r) => r.work));
    rows.push({ label, st, work });
  }
  return rows;
};
const seedFilter = filterRows(results.seeds.filter);
md.push('### 3. Filter latency (five seeds)', '');
md.push(`Click on an actor checkbox (actors: ${results.seeds.filter[0]?.actors?.join(', ') ?? 'none found'}) → the first animation frame after the last DOM mutation it caused. "App work" is the time to that last mutation, without the wait for the frame.`, '');
md.push('| action | samples | median ms | spread ms | app work, median ms |', '| --- | ---: | ---: | --- | ---: |');
for (const r of seedFilter) md.push(`| ${r.label} | ${r.st.n} | ${ms(r.st)} | ${spread(r.st)} | ${fmt(r.work.median)} |`);
const allFilter = stats(['single', 'two_all', 'clear'].flatMap((k) => flat(results.seeds.filter, k)).map((r) => r.ms));
md.push('', `Aim: median ≤ 16 ms — **${verdict(allFilter.median, 16)}** (all actions: median ${fmt(allFilter.median)} ms).`);
const fnotes = [...new Set(results.seeds.filter.flatMap((f) => f.notes))];
if (fnotes.length) md.push('', `Notes: ${fnotes.join('; ')}.`);
if (results.seeds.scroll) md.push('', `Scrolling the seeds' comparison (${results.seeds.scroll.scrolled}): longest frame ${fmt(results.seeds.scroll.max)} ms.`);
md.push('');

// 4. scale
md.push(`### 4. Scale: ${results.synth ? results.synth.n_articles : 1000} synthetic articles`, '');
if (!results.synth) {
  md.push('Not measured: no synthetic build (target/dist-synth) — run `make bench`, which builds it.', '');
} else {
  const runs = results.synth.runs;
  const sPrep = stats(runs.flatMap((r) => r.facts.measures.filter((x) => x.name === 'parallax:prepared').map((x) => x.duration)));
  const sAn = stats(runs.map((r) => r.own ?? null));
  const sT = stats(runs.map((r) => r.t));
  const sFilterRows = filterRows(runs.map((r) => r.filter));
  const sFilterAll = stats(['single', 'two_all', 'clear'].flatMap((k) => flat(runs.map((r) => r.filter), k)).map((r) => r.ms));
  const heap = stats(runs.map((r) => r.facts.heap));
  const wasmMem = stats(runs.map((r) => r.facts.wasmMemory));
  const frame = stats(runs.map((r) => r.scroll?.max ?? null));
  const sWasm = results.synth.sizes.filter((f) => f.name.endsWith('.wasm'));
  md.push(`${results.synth.n_articles} articles, ${mb(results.synth.bytes)} MB of text, generated by \`parallax_engine::synth\` (seed 42) and bundled through the normal seeds path. Wasm with this corpus: ${kb(sWasm.reduce((n, f) => n + f.raw, 0))} KB raw, ${kb(sWasm.reduce((n, f) => n + f.gzip, 0))} KB gzip.`, '');
  md.push('| measure | median | spread | aim | |', '| --- | ---: | --- | --- | --- |');
  md.push(`| the analysis made at build time, decoded in the browser (\`parallax:prepared\`) | ${sPrep.n ? fmt(sPrep.median) + ' ms' : 'mark missing'} | ${spread(sPrep)} | ≤ 1,000 ms | ${sPrep.n ? verdict(sPrep.median, 1000) : 'not measured'} |`);
  md.push(`| analysis in the browser, with one article of the reader's (${results.synth.n_articles + 1} articles, \`parallax:analyze\`) | ${sAn.n ? fmt(sAn.median) + ' ms' : 'not measured'} | ${spread(sAn)} | ≤ 1,000 ms | ${sAn.n ? verdict(sAn.median, 1000) : 'not measured'} |`);
  md.push(`| time to first comparison (columns on screen show their text) | ${ms(sT)} ms | ${spread(sT)} | | |`);
  for (const r of sFilterRows) md.push(`| filter: ${r.label} | ${ms(r.st)} ms | ${spread(r.st)} | ≤ 100 ms | ${r.st.n ? verdict(r.st.median, 100) : 'not measured'} |`);
  md.push(`| JS heap after load (after gc) | ${mb(heap.median)} MB | ${mb(heap.min)}–${mb(heap.max)} | | |`);
  md.push(`| wasm linear memory | ${mb(wasmMem.median)} MB | ${mb(wasmMem.min)}–${mb(wasmMem.max)} | | |`);
  md.push(`| longest frame while scrolling | ${fmt(frame.median)} ms | ${spread(frame)} | ≤ 200 ms | ${frame.n ? verdict(frame.median, 200) : 'not measured'} |`);
  for (const view of VIEWS) {
    const st = stats(runs.map((r) => r.views?.[view]?.ms ?? null));
    const els = median(runs.map((r) => r.views?.[view]?.n_elements ?? null));
    md.push(`| open the ${view} view (click on its tab → DOM settled; ${els === null ? '—' : Math.round(els)} elements in the page) | ${ms(st)} ms | ${spread(st)} | | |`);
  }
  const last = runs[runs.length - 1];
  md.push('', `The page had ${last.facts.n_sections} outlet sections and ${last.facts.n_elements} elements after load; scrolled: ${last.scroll?.scrolled ?? '—'}. Filter overall median ${fmt(sFilterAll.median)} ms.`);
  if (!sPrep.n) md.push('', 'The app emits no `performance.measure(\'parallax:prepared\')`, so loading the analysis is not separated from the time to first comparison.');
  const sErr = runs.flatMap((r) => r.errors);
  if (sErr.length) md.push('', `Console errors: ${[...new Set(sErr)].slice(0, 3).map((e) => '`' + e.slice(0, 160) + '`').join('; ')}.`);
  const sNotes = [...new Set(runs.flatMap((r) => r.filter?.notes ?? []))];
  if (sNotes.length) md.push('', `Notes: ${sNotes.join('; ')}.`);
  md.push('');
}

// Lighthouse
md.push('### Lighthouse (release build, five seeds)', '');
if (!results.lighthouse) {
  md.push('Not run.', '');
} else {
  md.push('| category | mobile (default), median | desktop preset, median | aim |', '| --- | ---: | ---: | --- |');
  const ok = (preset) => results.lighthouse[preset].filter((r) => !r.error);
  for (const [key, label] of [['performance', 'performance'], ['accessibility', 'accessibility'], ['best_practices', 'best practices']]) {
    const mob = median(ok('mobile').map((r) => r[key]));
    const desk = median(ok('desktop').map((r) => r[key]));
    md.push(`| ${label} | ${fmt(mob, 0)} | ${fmt(desk, 0)} | ≥ 95 |`);
  }
  const mob = ok('mobile');
  if (mob.length) {
    md.push('', `Mobile (simulated slow 4G, 4× CPU slowdown): FCP ${fmt(median(mob.map((r) => r.fcp)), 0)} ms, LCP ${fmt(median(mob.map((r) => r.lcp)), 0)} ms, TBT ${fmt(median(mob.map((r) => r.tbt)), 0)} ms.`);
    const failing = mob[mob.length - 1].failing;
    const list = Object.entries(failing).filter(([, v]) => v.length).map(([k, v]) => `${k}: ${v.join(', ')}`);
    if (list.length) md.push('', `Audits below 0.9 (last mobile run): ${list.join('; ')}.`);
  }
  const errors = [...results.lighthouse.mobile, ...results.lighthouse.desktop].filter((r) => r.error);
  if (errors.length) md.push('', `Lighthouse errors: ${errors[0].error.slice(0, 200)}`);
  md.push('');
}

// 5. native
md.push('### 5. Native engine throughput (criterion)', '');
if (!results.native || results.native.length === 0) {
  md.push('Not measured: no criterion output (run `cargo bench -p parallax-engine --bench engine`).', '');
} else {
  md.push('| benchmark | time per iteration | MB of text per second | ms per article |', '| --- | ---: | ---: | ---: |');
  for (const r of results.native) {
    const perArticle = r.n_articles ? fmt(r.ms / r.n_articles, 3) : '—';
    md.push(`| ${r.name} | ${fmt(r.ms, 2)} ms | ${fmt(r.mbps, 1)} | ${perArticle} |`);
  }
  const scaled = results.native.filter((r) => r.n_articles).sort((a, b) => a.n_articles - b.n_articles);
  if (scaled.length >= 2) {
    const [small, large] = [scaled[0], scaled[scaled.length - 1]];
    const growth = large.ms / large.n_articles / (small.ms / small.n_articles);
    results.native_linearity = growth;
    md.push('', `Linearity: time per article at ${large.n_articles} articles is ${fmt(growth, 2)}× that at ${small.n_articles} (1.00 = linear; a quadratic step would make it ~${large.n_articles / small.n_articles}×). Aim: ≥ 20 MB/s.`);
  }
  md.push('');
}

const report = md.join('\n') + '\n';
writeFileSync(join(OUT, 'latest.md'), report);
writeFileSync(join(OUT, 'latest.json'), JSON.stringify(results, null, 1));
process.stdout.write(report);
