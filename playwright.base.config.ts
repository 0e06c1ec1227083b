import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './tests/e2e/browser.ts';

// A second, small run against a build made with a sub-path (SITE_BASE=/vanishing-gradients/)
// and the test-only one-language chapter (VG_FIXTURES=1), as `npm run test:e2e:base` builds it.
// It crawls every page for links that leave the base, and checks the fallback page and search.
const port = Number(process.env.E2E_BASE_PORT ?? Number(process.env.E2E_PORT ?? 4329) + 1);
export const BASE = '/vanishing-gradients/';

export default defineConfig({
  testDir: 'tests/e2e-base',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
  },
  webServer: {
    command: `node_modules/.bin/astro preview --ignore-lock --host 127.0.0.1 --port ${port}`,
    env: { SITE_BASE: BASE, ASTRO_OUT_DIR: './dist-base', VG_FIXTURES: '1' },
    url: `http://127.0.0.1:${port}${BASE}es/`,
    reuseExistingServer: false,
    // Starting a preview server takes seconds on a quiet machine and a minute or more on a busy one.
    timeout: 180_000,
  },
});
