import { test, expect } from '@playwright/test';

test.describe('the root page', () => {
  test.use({ locale: 'en-GB' });
  test('sends an English-preferring browser to /en/', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/en\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});

test.describe('the root page in Spanish', () => {
  test.use({ locale: 'es-ES' });
  test('sends a Spanish-preferring browser to /es/', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/es\/$/);
  });
});

test.describe('the root page for other languages', () => {
  test.use({ locale: 'de-DE' });
  test('falls back to Spanish, the default language', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/es\/$/);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, locale: 'en-GB' });
  test('the root still leads to /es/ and offers both languages', async ({ page, request }) => {
    const html = await (await request.get('/')).text();
    expect(html).toContain('href="/en/"');
    expect(html).toContain('href="/es/"');
    await page.goto('/');
    await expect(page).toHaveURL(/\/es\/$/);
  });
});

test('an unknown URL gets the bilingual 404 page with status 404', async ({ page }) => {
  const res = await page.goto('/en/no-such-chapter/');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Página no encontrada' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('the theme toggle switches, is remembered, and survives a reload without a flash', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/en/about/');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  // The theme must be decided by the blocking head script, before any stylesheet or body.
  const firstSeen = await page.evaluate(async () => {
    const res = await fetch(location.href);
    const text = await res.text();
    return text.indexOf('vg-theme') < text.indexOf('<link rel="stylesheet"') || !text.includes('<link rel="stylesheet"');
  });
  expect(firstSeen).toBe(true);
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
});

test('every page carries a canonical URL, hreflang alternates, a description and Open Graph tags', async ({ page }) => {
  await page.goto('/es/about/');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/es\/about\/$/);
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute('href', /\/en\/about\/$/);
  await expect(page.locator('link[rel="alternate"][hreflang="es"]')).toHaveAttribute('href', /\/es\/about\/$/);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /.{40,}/);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', 'Acerca de este sitio');
  await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute('content', 'es_ES');
});

test('the chapter list is ordered and the table of contents links to the headings', async ({ page }) => {
  await page.goto('/en/about/');
  const toc = page.getByRole('navigation', { name: 'On this page' });
  const links = toc.getByRole('link');
  expect(await links.count()).toBeGreaterThan(2);
  await links.first().click();
  await expect(page).toHaveURL(/#how-to-read-it$/);
  await expect(page.getByRole('heading', { name: 'How to read it' })).toBeInViewport();
});

test('the language switcher carries the query string and hash of the page', async ({ page }) => {
  await page.goto('/es/about/?fig-x.seed=3#licencia');
  await page.locator('a[data-lang-switch]').click();
  await expect(page).toHaveURL(/\/en\/about\/\?fig-x\.seed=3#licencia$/);
});
