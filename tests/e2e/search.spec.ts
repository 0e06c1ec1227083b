import { test, expect, type Page } from '@playwright/test';

/** Console errors and CSP violations, from the start of loading. */
async function watch(page: Page) {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`));
  });
  return problems;
}

for (const [lang, query, label, title, href] of [
  ['es', 'retropropagación', 'Buscar en el sitio', /Retropropagación/, '/es/backpropagation/'],
  ['en', 'backpropagation', 'Search the site', /Backpropagation/, '/en/backpropagation/'],
] as const) {
  test(`searching "${query}" on /${lang}/ finds the chapter, in its own language, under the CSP`, async ({ page }) => {
    const problems = await watch(page);
    await page.goto(`/${lang}/`);
    await page.getByRole('searchbox', { name: label }).fill(query);
    const results = page.locator('.site-search__results a');
    await expect(results.first()).toBeVisible();
    const hit = results.filter({ hasText: title }).first();
    await expect(hit).toHaveAttribute('href', new RegExp(`^${href}`));
    // One index per language: no result leads to the other language.
    const hrefs = await results.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
    expect(hrefs.every((h) => h.startsWith(`/${lang}/`))).toBe(true);
    await expect(page.getByRole('status').filter({ hasText: /resultado|result/ })).toBeVisible();
    expect(problems).toEqual([]);
  });
}

test('without JavaScript the search box is hidden', async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto('/en/');
  await expect(page.locator('[data-search]')).toBeHidden();
  await expect(page.locator('[data-theme-select]')).toBeHidden();
  await ctx.close();
});
