import AxeBuilder from '@axe-core/playwright';
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

test('the theme choice offers system, light and dark, is remembered, and survives a reload without a flash', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/en/about/');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');
  const select = page.getByRole('combobox', { name: 'Theme' });
  await expect(select).toHaveValue('system');
  await select.selectOption('dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  // The theme must be decided by the blocking head script, before any stylesheet or body.
  const firstSeen = await page.evaluate(async () => {
    const res = await fetch(location.href);
    const text = await res.text();
    return text.indexOf('vg-theme') < text.indexOf('<link rel="stylesheet"') || !text.includes('<link rel="stylesheet"');
  });
  expect(firstSeen).toBe(true);
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(select).toHaveValue('dark');
  // Back to "system": it follows the operating system again, live.
  await select.selectOption('system');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(select).toHaveValue('system');
});

test('operator basics: robots.txt, web manifest, social preview image, repository and edit links', async ({ page, request }) => {
  expect(await (await request.get('/robots.txt')).text()).toMatch(/Sitemap: https?:\/\/.+\/sitemap-index\.xml/);
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  expect(manifest.start_url).toBe('./');
  await page.goto('/en/sigmoid/');
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
  const og = await page.locator('meta[property="og:image"]').getAttribute('content');
  expect(og).toMatch(/\/og\/en\/sigmoid\.png$/);
  const png = await request.get(new URL(og!).pathname);
  expect(png.headers()['content-type']).toContain('image/png');
  expect((await png.body()).subarray(1, 4).toString()).toBe('PNG');
  await expect(page.getByRole('link', { name: 'Edit this page' })).toHaveAttribute('href', /\/edit\/main\/src\/content\/chapters\/en\/sigmoid\.mdx$/);
  await expect(page.getByRole('link', { name: 'Source code' })).toHaveAttribute('href', /^https:\/\/github\.com\//);
  await expect(page.getByText(/^Last updated: /)).toBeVisible();
});

test('the about page links to both translation dashboards, which Lunaria built', async ({ page, request }) => {
  await page.goto('/es/about/');
  const link = page.getByRole('link', { name: 'Traducción al español' });
  await expect(link).toHaveAttribute('href', '/translation-status/es/');
  const dash = await (await request.get('/translation-status/es/')).text();
  expect(dash).toContain('Estado de la traducción: español');
  expect(dash).toMatch(/al día|desactualizado|falta/);
  await link.click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`), `axe on the dashboard (${scheme})`).toEqual([]);
  }
});

test('the first use of a glossary term links to its entry and shows the definition on focus', async ({ page }) => {
  await page.goto('/es/relu/');
  const term = page.locator('.chapter__body a.gloss__term').first();
  const href = await term.getAttribute('href');
  expect(href).toMatch(/^\.\.\/glossary\/#[a-z-]+$/);
  const tip = page.locator(`#${await term.getAttribute('aria-describedby')}`);
  await expect(tip).toBeHidden();
  await term.focus();
  await expect(tip).toBeVisible();
  const id = href!.split('#')[1];
  expect(await page.locator(`.chapter__body a.gloss__term[href$="#${id}"]`).count(), 'only the first use is linked').toBe(1);
  await term.click();
  await expect(page.locator(`#${id}`)).toBeVisible();
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
