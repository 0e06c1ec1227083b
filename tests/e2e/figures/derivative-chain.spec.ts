import { test, expect, type Page } from '@playwright/test';
import { DICT, LANGS, hydrated as live, summaryText, tableRows } from '../helpers.ts';
import { chainSummary, chainTable } from '../../../src/widgets/derivative-chain/view.ts';
import { CHAIN_SCHEMA } from '../../../src/widgets/derivative-chain/model.ts';
import { defaults } from '../../../src/widgets/kit/params.ts';
import { sigmoidBound } from '../../../src/lib/index.ts';
import { formatSci } from '../../../src/widgets/kit/format.ts';

const FIG = '#derivative-chain';
const PATH = (lang: string) => `/${lang}/sigmoid/`;

const hydrated = (page: Page) => live(page, FIG);
const chartHtml = (page: Page) => page.locator(`${FIG} .fig-chart[data-live="true"] svg`).first().innerHTML();
const value = (page: Page) => page.locator(`${FIG} [data-value="value"]`);

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of LANGS) {
    test(`${lang}: the chain's build-time chart is there`, async ({ page }) => {
      await page.goto(PATH(lang));
      await expect(page.locator(`${FIG} svg.vg-plot`)).toHaveCount(1);
      await expect(page.locator(`${FIG} svg.vg-plot`)).toHaveAttribute('aria-label', DICT[lang]['widget.derivativeChain.chart']);
      // The summary and "Show data" hold the build-time numbers, as Node computes them.
      expect(await summaryText(page, FIG)).toBe(chainSummary(defaults(CHAIN_SCHEMA), DICT[lang], lang));
      expect(await tableRows(page, FIG)).toHaveLength(chainTable(DICT[lang], lang).rows.length);
      await expect(page.locator(FIG).getByRole('slider').first()).toBeDisabled();
    });
  }
});

for (const lang of LANGS) {
  const t = DICT[lang];
  test.describe(lang, () => {
    test('the depth slider prints 0.25^n and redraws the marker', async ({ page }) => {
      await page.goto(PATH(lang));
      await hydrated(page);
      const fig = page.locator(FIG);
      const slider = fig.getByRole('slider', { name: t['widget.derivativeChain.depth'] });
      await expect(slider).toHaveValue('10');
      await expect(value(page)).toHaveText(lang === 'es' ? '9,5 × 10⁻⁷' : '9.5 × 10⁻⁷');
      await expect(fig.locator('[data-value="power"]')).toHaveText(lang === 'es' ? '0,25¹⁰' : '0.25¹⁰');
      const before = await chartHtml(page);
      await slider.focus();
      await slider.press('End');
      await expect(slider).toHaveValue('30');
      await expect(value(page)).toHaveText(formatSci(sigmoidBound(30), lang));
      await expect(fig.locator('.fig-summary')).toContainText(formatSci(sigmoidBound(30), lang));
      await expect.poll(() => chartHtml(page)).not.toBe(before);
      await slider.press('Home');
      await expect(value(page)).toHaveText(lang === 'es' ? '0,25' : '0.25');
      await slider.press('ArrowRight');
      await expect(value(page)).toHaveText(formatSci(sigmoidBound(2), lang));
    });

    test('share link: the depth survives a reload of the URL', async ({ page }) => {
      await page.goto(PATH(lang));
      await hydrated(page);
      const fig = page.locator(FIG);
      await fig.getByRole('slider', { name: t['widget.derivativeChain.depth'] }).fill('5');
      await expect(page).toHaveURL(/derivative-chain\.depth=5/);
      await page.goto(page.url());
      await hydrated(page);
      await expect(fig.getByRole('slider', { name: t['widget.derivativeChain.depth'] })).toHaveValue('5');
      await expect(value(page)).toHaveText(formatSci(sigmoidBound(5), lang));
    });
  });
}
