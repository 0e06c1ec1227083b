import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { formatSci } from '../../../src/widgets/kit/format.ts';

const FIG = '#init-explorer';
const PAGE = (lang: string) => `/${lang}/initialization/`;
const dict = (lang: string): Record<string, string> => JSON.parse(readFileSync(new URL(`../../../src/i18n/${lang}.json`, import.meta.url), 'utf8'));
const DICT = { es: dict('es'), en: dict('en') };

async function hydrated(page: Page) {
  await page.locator(FIG).scrollIntoViewIfNeeded();
  await expect(page.locator(`${FIG} [data-hydrated="true"]`)).toHaveCount(1);
  await expect(page.locator(`${FIG} .fig-chart[data-live="true"]`).first()).toBeVisible();
}
const summary = (page: Page) => page.locator(`${FIG} .fig-summary`).first();

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of ['es', 'en'] as const) {
    test(`${lang}: the explorer shows its three build-time charts and summary`, async ({ page }) => {
      await page.goto(PAGE(lang));
      await expect(page.locator(`${FIG} svg.vg-plot`)).toHaveCount(3);
      await expect(page.locator(`${FIG} svg.vg-plot`).first()).toHaveAttribute('aria-label', DICT[lang]['widget.initExplorer.chart.variance']);
      await expect(page.locator(`${FIG} noscript, ${FIG} .fig-summary`).first()).toBeAttached();
    });
  }
});

for (const lang of ['es', 'en'] as const) {
  const t = DICT[lang];
  test.describe(lang, () => {
    test('depth and init change the numbers as the theory says, the chart redraws, the link keeps the setting', async ({ page }) => {
      await page.goto(PAGE(lang));
      await hydrated(page);
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
      await hydrated(page);
      await expect(fig.getByRole('slider', { name: t['widget.initExplorer.depth'] })).toHaveValue('20');
      await expect(fig.getByLabel(t['widget.initExplorer.init'], { exact: true })).toHaveValue('he');
    });

    test('zeros: one value per layer and zero gradients, stated in the summary', async ({ page }) => {
      await page.goto(PAGE(lang));
      await hydrated(page);
      const fig = page.locator(FIG);
      await fig.getByLabel(t['widget.initExplorer.activation'], { exact: true }).selectOption('sigmoid');
      await fig.getByLabel(t['widget.initExplorer.init'], { exact: true }).selectOption('zeros');
      // sigma(0) = 0.5 in every unit; every hidden weight gradient is exactly 0.
      await expect(summary(page)).toContainText(lang === 'es' ? '(aquí 0,5)' : '(0.5 here)');
      await expect(summary(page)).toContainText(lang === 'es' ? 'tiene norma 0' : 'has norm 0');
    });
  });
}
