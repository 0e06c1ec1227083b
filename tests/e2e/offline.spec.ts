import { test, expect, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { hydrated, watchErrors } from './support/clean.ts';

// Offline reading: one visit installs the service worker, which precaches both languages;
// then, with the network gone, another chapter in the other language opens and trains.
test.use({ serviceWorkers: 'allow' });
// The update test "deploys" a new sw.js into dist/ for a moment: nothing else may run then.
test.describe.configure({ mode: 'serial' });

const dict = (lang: string): Record<string, string> => JSON.parse(readFileSync(new URL(`../../src/i18n/${lang}.json`, import.meta.url), 'utf8'));

async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 30_000 }).toBe(true);
}

const stepOf = async (page: Page, sel: string) => Number(((await page.locator(`${sel} .ctl-play__counter`).textContent()) ?? '').replace(/\D/g, ''));

test('after one visit, another chapter in the other language opens and trains offline', async ({ page, context }) => {
  test.setTimeout(120_000);
  const watch = watchErrors(page);
  await page.goto('/es/introduction/');
  await controlled(page);
  await context.setOffline(true);

  // A share link: the query string must not defeat the cache.
  await page.goto('/en/relu/?relu-vs-sigmoid.seed=3');
  await expect(page.locator('h1')).toBeVisible();
  const fig = '#relu-vs-sigmoid';
  await hydrated(page, fig);
  // It starts by itself; clicking the Play/Pause button after reading it could pause it instead.
  await expect.poll(() => stepOf(page, fig), { message: 'the figure trains offline', timeout: 30_000 }).toBeGreaterThan(0);

  // A page never visited, with KaTeX and the heaviest figures, from the cache too.
  await page.goto('/es/initialization/');
  await expect(page.locator('.katex').first()).toBeVisible();
  await hydrated(page, '#init-explorer');
  watch.check('offline');
});

test('a new deploy shows an update notice, and Reload moves the page to the new version', async ({ page }) => {
  test.setTimeout(90_000);
  const es = dict('es');
  await page.goto('/es/sigmoid/');
  await controlled(page);
  const notice = page.locator('[data-sw-update]');
  await expect(notice).toBeHidden();
  // A "deploy": sw.js changes on the server. Same length, so the preview server's
  // precomputed Content-Length still holds; restored whatever happens.
  const file = new URL('../../dist/sw.js', import.meta.url);
  const original = readFileSync(file, 'utf8');
  const next = original.replace(/const CACHE = 'vg-([0-9a-f]{16})'/, (_, v: string) => `const CACHE = 'vg-${[...v].reverse().join('') === v ? 'f'.repeat(16) : [...v].reverse().join('')}'`);
  expect(next).not.toBe(original);
  expect(next.length).toBe(original.length);
  const nextCache = next.match(/const CACHE = '([^']+)'/)![1];
  writeFileSync(file, next);
  try {
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    await expect(notice).toBeVisible({ timeout: 30_000 });
    await expect(notice).toContainText(es['offline.updateReady']);
    const reloaded = page.waitForEvent('load');
    await notice.getByRole('button', { name: es['offline.reload'] }).click();
    await reloaded;
    await expect.poll(() => page.evaluate(() => caches.keys()), { timeout: 30_000 }).toEqual([nextCache]);
    await expect(page.locator('[data-sw-update]')).toBeHidden();
  } finally {
    writeFileSync(file, original);
  }
});
