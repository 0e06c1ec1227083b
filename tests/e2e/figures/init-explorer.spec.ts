import { test, expect, type Page } from '@playwright/test';
import { DICT, LANGS, chartTexts, hydrated, summaryText, tableRows } from '../helpers.ts';
import { formatSci } from '../../../src/widgets/kit/format.ts';
import { defaults } from '../../../src/widgets/kit/params.ts';
import { INIT_EXPLORER_SCHEMA, explore, explorerNetwork } from '../../../src/widgets/init-explorer/model.ts';
import { initExplorerSummary } from '../../../src/widgets/init-explorer/view.ts';

const FIG = '#init-explorer';
const PAGE = (lang: string) => `/${lang}/initialization/`;
const summary = (page: Page) => page.locator(`${FIG} .fig-summary`).first();

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of LANGS) {
    test(`${lang}: the build-time charts, summary and data are the default network's, computed as Node computes them`, async ({ page }) => {
      await page.goto(PAGE(lang));
      await expect(page.locator(`${FIG} svg.vg-plot`)).toHaveCount(3);
      await expect(page.locator(`${FIG} svg.vg-plot`).first()).toHaveAttribute('aria-label', DICT[lang]['widget.initExplorer.chart.variance']);
      const v = defaults(INIT_EXPLORER_SCHEMA);
      const r = explore(explorerNetwork(v), v);
      expect(await summaryText(page, FIG)).toBe(initExplorerSummary(r, DICT[lang], lang));
      expect(await summaryText(page, FIG)).toContain(lang === 'es' ? '2⁻³⁰ ≈ 9,3 × 10⁻¹⁰' : '2⁻³⁰ ≈ 9.3 × 10⁻¹⁰');
      // The variance chart labels its two lines, and "Show data" holds one row per layer.
      const labels = await chartTexts(page, FIG);
      expect(labels).toContain(DICT[lang]['widget.initExplorer.measured']);
      expect(labels).toContain(DICT[lang]['widget.initExplorer.theory']);
      const rows = await tableRows(page, FIG);
      expect(rows).toHaveLength(30);
      expect(rows[0][0]).toBe('1');
      await expect(page.locator(FIG).getByRole('slider').first()).toBeDisabled();
    });
  }
});

for (const lang of LANGS) {
  const t = DICT[lang];
  test.describe(lang, () => {
    test('depth and init change the numbers as the theory says, the chart redraws, the link keeps the setting', async ({ page }) => {
      await page.goto(PAGE(lang));
      await hydrated(page, FIG);
      const fig = page.locator(FIG);
      // Default: ReLU, Xavier, 30 layers: 2^-30 of the input's variance.
      await expect(summary(page)).toContainText(`2⁻³⁰ ≈ ${formatSci(2 ** -30, lang)}`);
      const before = await fig.locator('.fig-chart[data-primary="true"] svg').innerHTML();

      const depth = fig.getByRole('slider', { name: t['widget.initExplorer.depth'] });
      await depth.focus();
      for (let i = 0; i < 10; i++) await depth.press('ArrowLeft');
      await expect(depth).toHaveValue('20');
      await expect(summary(page)).toContainText(`2⁻²⁰ ≈ ${formatSci(2 ** -20, lang)}`);
      await expect.poll(() => fig.locator('.fig-chart[data-primary="true"] svg').innerHTML()).not.toBe(before);

      // He: one per layer, so the theory says the variance is kept (factor 1).
      await fig.getByLabel(t['widget.initExplorer.init'], { exact: true }).selectOption('he');
      await expect(summary(page)).not.toContainText('2⁻²⁰');
      await expect(summary(page)).toContainText(t['widget.initExplorer.initShort.he']);

      // Share link round trip.
      await expect.poll(() => page.url()).toContain('init-explorer.depth=20');
      await expect.poll(() => page.url()).toContain('init-explorer.init=he');
      await page.goto(page.url());
      await hydrated(page, FIG);
      await expect(fig.getByRole('slider', { name: t['widget.initExplorer.depth'] })).toHaveValue('20');
      await expect(fig.getByLabel(t['widget.initExplorer.init'], { exact: true })).toHaveValue('he');
    });

    test('zeros: one value per layer and zero gradients, stated in the summary', async ({ page }) => {
      await page.goto(PAGE(lang));
      await hydrated(page, FIG);
      const fig = page.locator(FIG);
      await fig.getByLabel(t['widget.initExplorer.activation'], { exact: true }).selectOption('sigmoid');
      await fig.getByLabel(t['widget.initExplorer.init'], { exact: true }).selectOption('zeros');
      // sigma(0) = 0.5 in every unit; every hidden weight gradient is exactly 0.
      await expect(summary(page)).toContainText(lang === 'es' ? '(aquí 0,5)' : '(0.5 here)');
      await expect(summary(page)).toContainText(lang === 'es' ? 'tiene norma 0' : 'has norm 0');
    });
  
    test('saturated tanh: no theory line, the summary says why, and each gradient row has its own scale', async ({ page }) => {
      await page.goto(PAGE(lang));
      await hydrated(page, FIG);
      const fig = page.locator(FIG);
      await fig.getByLabel(t['widget.initExplorer.activation'], { exact: true }).selectOption('tanh');
      await fig.getByLabel(t['widget.initExplorer.init'], { exact: true }).selectOption('large');
      await expect(summary(page)).toContainText('tanh(z) ≈ z');
      await expect(summary(page)).not.toContainText('2¹⁸⁰');
      const variance = fig.locator('.fig-chart[data-primary="true"] .fig-chart__live svg');
      await expect(variance).toContainText(t['widget.initExplorer.measured']);
      await expect(variance).not.toContainText(t['widget.initExplorer.theory']);
      await expect(fig.locator('.fig-chart').nth(2).locator('.fig-chart__live svg')).toContainText('×');
    });
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 800 } });
  test('every chart is drawn at the width it has on screen', async ({ page }) => {
    await page.goto(PAGE('en'));
    await hydrated(page, FIG);
    const charts = page.locator(`${FIG} .fig-chart__live`);
    await expect(charts).toHaveCount(3);
    for (let i = 0; i < 3; i++) {
      await expect(charts.nth(i).locator('svg.vg-plot')).toHaveCount(1);
      const { host, drawn } = await charts.nth(i).evaluate((el) => ({ host: el.getBoundingClientRect().width, drawn: Number(el.querySelector('svg.vg-plot')!.getAttribute('width')) }));
      expect(drawn).toBeLessThanOrEqual(host + 1);
      expect(drawn).toBeGreaterThan(host - 25);
    }
  });
});

// After a change the maths runs off the main thread, in the explorer's own worker; without
// workers it runs on the page, with the same numbers.
test.describe('where the maths runs', () => {
  const deeper = async (page: Page) => {
    const depth = page.locator(FIG).getByRole('slider', { name: DICT.en['widget.initExplorer.depth'] });
    await depth.focus();
    for (let i = 0; i < 5; i++) await depth.press('ArrowLeft');
    await expect(depth).toHaveValue('25');
    await expect(summary(page)).toContainText(`2⁻²⁵ ≈ ${formatSci(2 ** -25, 'en')}`);
    // "Show data" builds its table when opened.
    await page.locator(`${FIG} .fig-data > summary`).click();
    await expect(page.locator(`${FIG} .fig-data tbody > tr`)).toHaveCount(25);
  };

  test('a change is computed in the explore worker, which the page opens only then', async ({ page }) => {
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.goto(PAGE('en'));
    await hydrated(page, FIG);
    expect(workers.some((u) => u.includes('explore.worker'))).toBe(false);
    await deeper(page);
    expect(workers.some((u) => u.includes('explore.worker'))).toBe(true);
    // The table follows the worker's result: one row per layer.
    expect(await tableRows(page, FIG)).toHaveLength(25);
  });

  test('without Worker the page computes the same result', async ({ page }) => {
    await page.addInitScript(() => {
      // A browser without workers (the training figures fall back to the page too).
      Reflect.deleteProperty(window, 'Worker');
    });
    await page.goto(PAGE('en'));
    await hydrated(page, FIG);
    await deeper(page);
    const v = { ...defaults(INIT_EXPLORER_SCHEMA), depth: 25 };
    expect(await summaryText(page, FIG)).toBe(initExplorerSummary(explore(explorerNetwork(v), v), DICT.en, 'en'));
    expect(await tableRows(page, FIG)).toHaveLength(25);
  });
});
