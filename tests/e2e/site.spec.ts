import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { builtPages } from './pages.ts';

const pages = builtPages();

/** Collects console errors and CSP violations from the moment the page starts loading. */
async function watch(page: Page) {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  return problems;
}

test('the build produced pages in both languages', () => {
  expect(pages.filter((p) => p.startsWith('/es/')).length).toBeGreaterThan(1);
  expect(pages.filter((p) => p.startsWith('/en/')).length).toBe(pages.filter((p) => p.startsWith('/es/')).length);
});

for (const path of pages.filter((p) => p !== '/')) {
  const expectedLang = path.startsWith('/en/') ? 'en' : 'es';

  for (const scheme of ['light', 'dark'] as const) {
    test(`${path} (${scheme}): 200, right lang, no console errors or CSP violations, no axe violations`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const problems = await watch(page);
      const response = await page.goto(path, { waitUntil: 'networkidle' });
      expect(response?.status(), `${path} answers 200`).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', expectedLang);
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const summary = axe.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
      expect(summary, `axe violations on ${path} in ${scheme}`).toEqual([]);
      expect(problems, `console errors on ${path}`).toEqual([]);
    });
  }

  test(`${path}: every internal link and #anchor resolves`, async ({ page, request }) => {
    await page.goto(path);
    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    const origin = new URL(page.url()).origin;
    const internal = [...new Set(hrefs.filter((h) => h.startsWith(origin)))];
    expect(internal.length).toBeGreaterThan(0);
    const cache = new Map<string, string>();
    for (const href of internal) {
      const url = new URL(href);
      const target = url.pathname;
      if (!cache.has(target)) {
        const res = await request.get(target);
        expect(res.status(), `link ${href} on ${path}`).toBe(200);
        cache.set(target, await res.text());
      }
      if (url.hash.length > 1) {
        const id = decodeURIComponent(url.hash.slice(1));
        const html = cache.get(target)!;
        expect(html.includes(`id="${id}"`), `anchor #${id} of ${href} (linked from ${path}) exists`).toBe(true);
      }
    }
  });

  if (path !== '/404/' && /^\/(es|en)\//.test(path)) {
    test(`${path}: the language switcher leads to its twin`, async ({ page }) => {
      await page.goto(path);
      const twin = path.replace(/^\/(es|en)\//, (_, l: string) => `/${l === 'es' ? 'en' : 'es'}/`);
      const switcher = page.locator('a[data-lang-switch]');
      await expect(switcher).toHaveCount(1);
      await switcher.click();
      await expect(page).toHaveURL(new RegExp(`${twin.replace(/\//g, '\\/')}$`));
      await expect(page.locator('html')).toHaveAttribute('lang', twin.slice(1, 3));
    });
  }
}
