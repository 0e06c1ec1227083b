import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './tests/e2e/browser.ts';

const port = Number(process.env.E2E_PORT ?? 4329);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  // One retry in CI is a backstop against a loaded machine; the flaky reporter prints every
  // test that needed it, so a flake is reported rather than hidden. Locally a red is red.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['./tests/e2e/support/flaky-reporter.ts']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
    // Each test's fresh context would otherwise precache the whole site (offline reading);
    // offline.spec.ts allows the service worker where it is the subject.
    serviceWorkers: 'block',
  },
  // Timing budgets are not tests: main-thread long tasks are measured by `npm run bench:ui`.
  // The suite runs against the built site, exactly as readers get it; `npm run test:e2e`
  // builds first. Astro is started directly (not through npx) so it dies with the run.
  webServer: {
    // --ignore-lock: Astro 7 allows one tracked preview server per project and may move it to
    // the background; the tests need their own server in the foreground.
    command: `node_modules/.bin/astro preview --ignore-lock --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/es/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
