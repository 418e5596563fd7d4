// The `test` every spec imports: Playwright's, with a page that fails the test on any sign
// of trouble in the browser, and the page object of the app.
//
// A test fails when, during it, the page
// - logs a console error (this includes a wasm panic, logged by console_error_panic_hook),
// - throws an uncaught exception,
// - has a request fail or answered with an HTTP error status,
// - makes a request anywhere but the test server (the app must make no network calls),
// - or violates its Content Security Policy.
// A test that provokes one on purpose says so with `problems.allow(/pattern/)`.
import { test as base, expect } from '@playwright/test';
import { ParallaxPage } from './pages/parallax-page';

/** What went wrong in the browser during a test, and what the test expects to go wrong. */
export class BrowserProblems {
  readonly seen: string[] = [];
  private readonly allowed: RegExp[] = [];

  /** Accepts problems matching `pattern` for the rest of the test. */
  allow(pattern: RegExp): void {
    this.allowed.push(pattern);
  }

  record(problem: string): void {
    this.seen.push(problem);
  }

  /** The problems no `allow` covers. */
  unexpected(): string[] {
    return this.seen.filter((p) => !this.allowed.some((a) => a.test(p)));
  }
}

type Fixtures = {
  problems: BrowserProblems;
  app: ParallaxPage;
};

export const test = base.extend<Fixtures>({
  problems: async ({}, use) => {
    await use(new BrowserProblems());
  },

  page: async ({ page, baseURL, problems }, use) => {
    const origin = new URL(baseURL ?? 'http://127.0.0.1/').origin;
    // Browsers ask for /favicon.ico on their own, whatever the page declares; its 404 is
    // the host's business, not a failed request of the app.
    const isFavicon = (url: string) => new URL(url).pathname.endsWith('/favicon.ico');
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !isFavicon(msg.location().url || 'about:blank')) {
        const at = msg.location();
        problems.record(`console error: ${msg.text()} (${at.url}:${at.lineNumber})`);
      }
    });
    page.on('pageerror', (error) => problems.record(`page error: ${error.message}`));
    page.on('requestfailed', (request) => {
      // A reload or navigation cancels the page's own icon request mid-flight: not a fault.
      const aborted = request.failure()?.errorText === 'net::ERR_ABORTED';
      if (aborted && /\/favicon[^/]*\.(svg|ico)$/.test(new URL(request.url()).pathname)) return;
      problems.record(`request failed: ${request.url()} (${request.failure()?.errorText})`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && !isFavicon(response.url())) {
        problems.record(`HTTP ${response.status()}: ${response.url()}`);
      }
    });
    page.on('request', (request) => {
      const url = new URL(request.url());
      const local = url.origin === origin || ['data:', 'blob:', 'about:'].includes(url.protocol);
      if (!local) problems.record(`request to another origin: ${request.url()}`);
    });
    // CSP violations reach the test through a binding installed before any page script.
    await page.exposeBinding('__parallaxCspViolation', (_source, report: string) => {
      problems.record(`CSP violation: ${report}`);
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const report = `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`;
        (window as unknown as { __parallaxCspViolation: (r: string) => void }).__parallaxCspViolation(report);
      });
    });

    await use(page);

    expect(problems.unexpected(), 'problems in the browser during the test').toEqual([]);
  },

  app: async ({ page }, use) => {
    await use(new ParallaxPage(page));
  },
});

export { expect };
