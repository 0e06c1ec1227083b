import { test, expect } from '@playwright/test';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const BASE = '/vanishing-gradients/';
const dist = new URL('../../dist-base/', import.meta.url).pathname;

function pages(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === 'index.html') out.push(`${BASE}${relative(dist, dir).split(sep).join('/')}/`.replace(/\/+$/, '/'));
    }
  };
  walk(dist);
  return out.sort();
}

test('every URL in every built page stays under the base, and every internal link answers 200', async ({ request }) => {
  const all = pages();
  expect(all.length).toBeGreaterThan(20);
  const outside: string[] = [];
  const checked = new Map<string, number>();
  for (const path of all) {
    const html = await (await request.get(path)).text();
    const urls = [
      ...[...html.matchAll(/\s(?:href|src|action)="([^"]+)"/g)].map((m) => m[1]),
      // <meta content> holds URLs only in og:url/og:image (absolute) and the no-JS refresh.
      ...[...html.matchAll(/\scontent="(https?:[^"]+|\d+;\s*url=[^"]+)"/g)].map((m) => m[1].replace(/^\d+;\s*url=/, '')),
    ];
    for (const raw of urls) {
      if (/^(https?:|mailto:|data:|#|blob:)/.test(raw) && !raw.startsWith('https://vanishing-gradients.github.io/')) continue;
      const url = new URL(raw, `http://127.0.0.1${path}`);
      const p = raw.startsWith('https://') ? new URL(raw).pathname : url.pathname;
      if (!p.startsWith(BASE)) {
        outside.push(`${path}: ${raw}`);
        continue;
      }
      if (checked.has(p)) continue;
      checked.set(p, (await request.get(p)).status());
    }
  }
  expect(outside, 'URLs outside the base').toEqual([]);
  const broken = [...checked].filter(([, s]) => s !== 200).map(([p, s]) => `${p} -> ${s}`);
  expect(broken, 'internal URLs that do not answer 200').toEqual([]);
  expect(checked.size).toBeGreaterThan(40);
});

test('the root sends readers to a language under the base, with and without JavaScript', async ({ browser }) => {
  for (const [locale, lang] of [['en-GB', 'en'], ['es-ES', 'es']] as const) {
    const ctx = await browser.newContext({ locale });
    const page = await ctx.newPage();
    await page.goto(BASE);
    await expect(page).toHaveURL(new RegExp(`${BASE}${lang}/$`));
    await ctx.close();
  }
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(BASE);
  await expect(page).toHaveURL(new RegExp(`${BASE}es/$`));
  await ctx.close();
});

test('hreflang, the sitemap and robots.txt carry the base', async ({ page, request }) => {
  await page.goto(`${BASE}es/sigmoid/`);
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute('href', `https://vanishing-gradients.github.io${BASE}en/sigmoid/`);
  const sitemap = await (await request.get(`${BASE}sitemap-0.xml`)).text();
  const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  expect(locs.length).toBeGreaterThan(20);
  expect(locs.filter((l) => !l.startsWith(`https://vanishing-gradients.github.io${BASE}`))).toEqual([]);
  // The root chooser is not a page of its own: listing it duplicated /es/.
  expect(locs).not.toContain(`https://vanishing-gradients.github.io${BASE}`);
  expect(await (await request.get(`${BASE}robots.txt`)).text()).toContain(`Sitemap: https://vanishing-gradients.github.io${BASE}sitemap-index.xml`);
});

test.describe('a chapter that exists in English only (test fixture)', () => {
  const es = `${BASE}es/one-language/`;

  test('is listed in the Spanish menu, home page and prev/next, marked as in English', async ({ page }) => {
    await page.goto(`${BASE}es/`);
    const item = page.locator('.home .chapter-list a', { hasText: 'One language' });
    await expect(item).toHaveAttribute('href', es);
    await expect(item).toContainText('(en inglés)');
    await expect(item.locator('span[lang="en"]')).toHaveText('One language');
    // The fixture (order 95) comes after the last chapter, the recurrent lab (order 16), in prev/next.
    await page.goto(`${BASE}es/recurrent-lab/`);
    await expect(page.locator('a[rel="next"]')).toHaveAttribute('href', es);
    await expect(page.locator('.chapter-menu a', { hasText: 'One language' })).toHaveAttribute('href', es);
  });

  test('shows the notice and Spanish UI, marks the English text, and keeps links in Spanish', async ({ page }) => {
    await page.goto(es);
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.locator('article.chapter')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('note')).toHaveText(/todavía no está traducido al español/);
    await expect(page.getByRole('note')).toHaveAttribute('lang', 'es');
    await expect(page.locator('.toc')).toContainText('En este capítulo');
    await expect(page.locator('.key-ideas h2')).toHaveAttribute('lang', 'es');
    await expect(page.locator('.key-ideas h2')).toHaveText('Ideas clave');
    await expect(page.locator('.chapter__body a', { hasText: 'sigmoid chapter' })).toHaveAttribute('href', '../sigmoid/#its-derivative');
    await page.locator('.chapter__body a', { hasText: 'sigmoid chapter' }).click();
    await expect(page).toHaveURL(new RegExp(`${BASE}es/sigmoid/#its-derivative$`));
  });

  test('is noindex, out of hreflang and out of the sitemap; the English original is in', async ({ page, request }) => {
    await page.goto(es);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
    await expect(page.locator('link[rel="alternate"][hreflang]')).toHaveCount(0);
    await page.goto(`${BASE}en/one-language/`);
    await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
    await expect(page.locator('link[rel="alternate"][hreflang="es"]')).toHaveCount(0);
    const sitemap = await (await request.get(`${BASE}sitemap-0.xml`)).text();
    expect(sitemap).not.toContain(`${BASE}es/one-language/`);
    expect(sitemap).toContain(`${BASE}en/one-language/`);
  });
});

test('search works under the base and the CSP', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(`${BASE}en/`);
  await page.getByRole('searchbox', { name: 'Search the site' }).fill('backpropagation');
  const hit = page.locator('.site-search__results a', { hasText: 'Backpropagation' }).first();
  await expect(hit).toHaveAttribute('href', new RegExp(`^${BASE}en/backpropagation/`));
  expect(problems).toEqual([]);
});
