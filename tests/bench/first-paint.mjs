// Where a page's first paint goes: loads each page (a folder with an index.html) in
// headless Chromium, interleaved, with a trace of the renderer, and sums the main thread's
// phases (parse, style, layout, pre-paint, paint, script) up to the first contentful
// paint. Medians of the runs. Used to take apart "time to first comparison"
// (BENCHMARKS.md); the benchmark itself (bench.mjs) reports the times, this says why.
//
//   node tests/bench/first-paint.mjs [--runs N] [--no-scripts] [--static] DIR…
//
// --no-scripts refuses the pages' scripts (so a prerendered page counts alone);
// --static adds the plain static page of the seeds (as bench.mjs writes it) as a page.

import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from './corpus.mjs';
import { startServer } from './server.mjs';
import { writeStaticPage } from './static-page.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const { chromium } = await import(join(root, 'tests/e2e/node_modules/playwright-core/index.mjs'));

const argv = process.argv.slice(2);
let runs = 9;
let scripts = true;
const dirs = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--runs') runs = Number(argv[++i]);
  else if (argv[i] === '--no-scripts') scripts = false;
  else if (argv[i] === '--static') {
    const out = join(root, 'target/bench/first-paint');
    mkdirSync(out, { recursive: true });
    dirs.push(writeStaticPage(loadCorpus(join(root, 'seeds')), join(out, 'static')));
  } else dirs.push(argv[i]);
}
if (!dirs.length) {
  console.error('usage: node tests/bench/first-paint.mjs [--runs N] [--no-scripts] [--static] DIR…');
  process.exit(2);
}

const mounts = Object.fromEntries(dirs.map((d, i) => [`/p${i}/`, d]));
const server = await startServer(mounts);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
});

/** Phases, by trace event name, summed on the renderer's main thread before the paint. */
const PHASES = {
  parse: ['ParseHTML'],
  style: ['UpdateLayoutTree', 'RecalculateStyles', 'ParseAuthorStyleSheet'],
  layout: ['Layout'],
  prepaint: ['PrePaint', 'Layerize'],
  paint: ['Paint', 'PaintImage', 'RasterTask'],
  script: ['EvaluateScript', 'v8.compile', 'FunctionCall', 'v8.evaluateModule'],
};

async function once(url) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, javaScriptEnabled: scripts });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,loading,blink.user_timing,disabled-by-default-devtools.timeline,v8.execute',
    transferMode: 'ReportEvents',
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  await cdp.send('Tracing.end');
  await done;
  await context.close();
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame);
  const fcp = events.find((e) => e.name === 'firstContentfulPaint');
  if (!nav || !fcp) return null;
  // The renderer's main thread: where the first contentful paint was recorded.
  const main = events.filter((e) => e.pid === fcp.pid && e.tid === fcp.tid && e.ph === 'X');
  const before = main.filter((e) => e.ts >= nav.ts && e.ts < fcp.ts);
  const out = { fcp: (fcp.ts - nav.ts) / 1000 };
  for (const [phase, names] of Object.entries(PHASES)) {
    out[phase] = before.filter((e) => names.includes(e.name)).reduce((s, e) => s + (e.dur ?? 0), 0) / 1000;
  }
  const layouts = before.filter((e) => e.name === 'Layout');
  out.layouts = layouts.length;
  out.objects = layouts.reduce((s, e) => s + (e.args?.beginData?.dirtyObjects ?? 0), 0);
  return out;
}

const results = dirs.map(() => []);
for (let r = 0; r < runs; r++) {
  for (let i = 0; i < dirs.length; i++) {
    const res = await once(`${server.origin}/p${i}/`);
    if (res) results[i].push(res);
  }
}
await browser.close();
await server.close();

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const cols = ['fcp', ...Object.keys(PHASES), 'layouts', 'objects'];
console.log(`| page (${runs} runs${scripts ? '' : ', scripts refused'}) | ${cols.join(' | ')} |`);
console.log(`| --- | ${cols.map(() => '---:').join(' | ')} |`);
dirs.forEach((d, i) => {
  console.log(`| ${d} | ${cols.map((c) => median(results[i].map((x) => x[c])).toFixed(c === 'layouts' || c === 'objects' ? 0 : 1)).join(' | ')} |`);
});
