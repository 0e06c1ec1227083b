import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './tests/e2e/browser.ts';

const port = Number(process.env.E2E_PORT ?? 4329);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
  },
  projects: [
    { name: 'site', testIgnore: /perf\.spec\.ts$/ },
    // Timing budgets are checked last and alone, with one worker's browser on the machine.
    { name: 'perf', testMatch: /perf\.spec\.ts$/, dependencies: ['site'], fullyParallel: false },
  ],
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
