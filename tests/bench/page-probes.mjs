// Functions that run inside the page (passed to Playwright's addInitScript / evaluate).
// They must be self-contained: no closure over this module's scope.

/**
 * Installed before any page script (init script). Watches the DOM and records the time,
 * from navigation start (performance.now()), at which the comparison is shown:
 *   mode "all":     every expected outlet has a `section[aria-label=outlet]` whose text
 *                   contains a snippet of its article;
 *   mode "visible": at least one such section is on screen, and every one on screen
 *                   shows its article's text (for large corpora rendered in windows).
 * `tDom` is when the DOM first satisfies it; `t` is after the next frame (rAF, then a
 * message-channel task, so after that frame's paint), the figure reported.
 */
export function installComparisonProbe(expected) {
  const bench = (window.__bench = { t: null, tDom: null, n_checks: 0, wasm: null });
  addEventListener('TrunkApplicationStarted', (e) => {
    bench.wasm = e.detail && e.detail.wasm;
  });
  const byLabel = new Map(expected.items.map((i) => [i.label, i.snippets]));
  const squeeze = (s) => s.replace(/\s+/g, '');
  const shows = (section) => {
    const snippets = byLabel.get(section.getAttribute('aria-label'));
    if (!snippets) return false;
    const text = squeeze(section.textContent);
    return snippets.some((s) => text.includes(s));
  };
  const check = () => {
    bench.n_checks += 1;
    const sections = Array.from(document.querySelectorAll('section[aria-label]')).filter((s) =>
      byLabel.has(s.getAttribute('aria-label')),
    );
    if (expected.mode === 'all') {
      const shown = new Set();
      for (const s of sections) if (shows(s)) shown.add(s.getAttribute('aria-label'));
      return shown.size === byLabel.size;
    }
    const vw = innerWidth;
    const vh = innerHeight;
    const visible = sections.filter((s) => {
      const r = s.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && r.left < vw && r.right > 0 && r.top < vh && r.bottom > 0;
    });
    return visible.length > 0 && visible.every(shows);
  };
  let observer = null;
  const done = () => {
    if (bench.tDom !== null) return;
    bench.tDom = performance.now();
    if (observer) observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        bench.t = performance.now();
      };
      channel.port2.postMessage(null);
    });
  };
  observer = new MutationObserver(() => {
    if (check()) done();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  document.addEventListener('DOMContentLoaded', () => {
    if (check()) done();
  });
}

/**
 * Click `el` and measure until the DOM has settled: the time from just before the click
 * to the first animation frame after the last mutation it caused (the DOM counts as
 * settled when two frames pass with no further mutation). `work` is the time to the last
 * mutation batch alone, without the wait for the frame.
 */
export function measureClick(el) {
  return new Promise((resolve) => {
    let n_mutations = 0;
    let pending = false;
    let lastMutationAt = null;
    let settledAt = null;
    let quietFrames = 0;
    const observer = new MutationObserver((records) => {
      n_mutations += records.length;
      pending = true;
      lastMutationAt = performance.now();
    });
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      characterData: true,
    });
    const t0 = performance.now();
    el.click();
    const frame = () => {
      const now = performance.now();
      if (pending) {
        pending = false;
        settledAt = now;
        quietFrames = 0;
      } else if (n_mutations > 0) {
        quietFrames += 1;
      } else if (now - t0 > 2000) {
        observer.disconnect();
        resolve({ ms: null, work: null, n_mutations: 0 });
        return;
      }
      if (quietFrames >= 2) {
        observer.disconnect();
        resolve({ ms: settledAt - t0, work: lastMutationAt - t0, n_mutations });
        return;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

/**
 * Scroll the comparison for `n_frames` frames — the nearest scrollable ancestor of the
 * first outlet section sideways and/or down, and the page down — and return the frame
 * intervals seen by requestAnimationFrame: the longest, the 95th percentile, and what moved.
 */
export function scrollProbe(n_frames) {
  return new Promise((resolve) => {
    const first = document.querySelector('section[aria-label]');
    const scrollable = (el) => {
      const style = getComputedStyle(el);
      const x = /(auto|scroll)/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 4;
      const y = /(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 4;
      return { x, y };
    };
    let box = null;
    let axes = { x: false, y: false };
    for (let el = first && first.parentElement; el && el !== document.body; el = el.parentElement) {
      axes = scrollable(el);
      if (axes.x || axes.y) {
        box = el;
        break;
      }
    }
    const page = document.scrollingElement;
    const pageScrolls = page.scrollHeight > page.clientHeight + 4;
    const deltas = [];
    let last = null;
    let n = 0;
    const frame = (ts) => {
      if (last !== null) deltas.push(ts - last);
      last = ts;
      if (box && axes.x) box.scrollLeft += 240;
      if (box && axes.y) box.scrollTop += 160;
      if (pageScrolls) page.scrollTop += 160;
      n += 1;
      if (n <= n_frames) {
        requestAnimationFrame(frame);
        return;
      }
      const sorted = [...deltas].sort((a, b) => a - b);
      resolve({
        n_frames: deltas.length,
        max: sorted[sorted.length - 1] ?? null,
        p95: sorted[Math.floor(sorted.length * 0.95)] ?? null,
        scrolled: [
          box ? `container ${box.tagName.toLowerCase()}${box.className ? '.' + String(box.className).split(' ')[0] : ''}${axes.x ? ' x' : ''}${axes.y ? ' y' : ''}` : null,
          pageScrolls ? 'page y' : null,
        ]
          .filter(Boolean)
          .join(', ') || 'nothing scrollable',
      });
    };
    requestAnimationFrame(frame);
  });
}

/** What the page knows after loading: resources, paints, the app's own marks, memory. */
export function pageFacts() {
  const nav = performance.getEntriesByType('navigation')[0];
  const resources = [nav, ...performance.getEntriesByType('resource')]
    .filter(Boolean)
    .map((r) => ({
      name: new URL(r.name).pathname.split('/').pop() || 'index.html',
      transfer: r.transferSize,
      encoded: r.encodedBodySize,
      decoded: r.decodedBodySize,
      end: r.responseEnd,
    }));
  const paints = Object.fromEntries(
    performance.getEntriesByType('paint').map((p) => [p.name, p.startTime]),
  );
  const measures = performance
    .getEntriesByType('measure')
    .filter((m) => m.name.startsWith('parallax'))
    .map((m) => ({ name: m.name, duration: m.duration, start: m.startTime }));
  const marks = performance
    .getEntriesByType('mark')
    .filter((m) => m.name.startsWith('parallax'))
    .map((m) => ({ name: m.name, start: m.startTime }));
  if (typeof gc === 'function') gc();
  const mem = performance.memory;
  const wasm = window.__bench && window.__bench.wasm;
  const wasmMemory = wasm && wasm.memory && wasm.memory.buffer ? wasm.memory.buffer.byteLength : null;
  return {
    resources,
    paints,
    measures,
    marks,
    heap: mem ? mem.usedJSHeapSize : null,
    wasmMemory,
    n_sections: document.querySelectorAll('section[aria-label]').length,
    n_elements: document.getElementsByTagName('*').length,
  };
}
