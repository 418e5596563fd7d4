// Browser tests of the release build (dist/), in Debian's headless Chromium.
//
// Playwright never downloads a browser here (see ../../../shared/TOOLCHAIN.md): it drives
// /usr/bin/chromium with the flags that keep it quiet on a closed network. Each test gets
// a fresh browser context, and each run a fresh temporary profile.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.PARALLAX_E2E_PORT ?? 8787);

export default defineConfig({
  testDir: './specs',
  outputDir: './test-results',
  // Two cores on the test machines: one browser per core at most.
  workers: process.env.CI ? 1 : 2,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // `list` prints one line per test and the runner's "N passed" summary at the end.
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
  // The release build, served as a plain static host would, at `/` and `/tools/parallax/`.
  webServer: {
    command: `node server.mjs --root ${process.env.PARALLAX_E2E_DIST ?? '../../dist'} --port ${port}`,
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    timeout: 10_000,
  },
});
