import { test, expect, type Page } from '@playwright/test';
import { DICT, LANGS, hydrated as live, summaryText, tableRows } from '../helpers.ts';
import { sigmoidSummary, sigmoidTable } from '../../../src/widgets/sigmoid-explorer/view.ts';
import { SIGMOID_SCHEMA } from '../../../src/widgets/sigmoid-explorer/model.ts';
import { defaults } from '../../../src/widgets/kit/params.ts';
import { ACTIVATIONS } from '../../../src/lib/index.ts';
import { formatValue } from '../../../src/widgets/sigmoid-explorer/view.ts';

const FIG = '#sigmoid-explorer';
const PATH = (lang: string) => `/${lang}/sigmoid/`;
const sig = ACTIVATIONS.sigmoid;

const hydrated = (page: Page) => live(page, FIG);
const chartHtml = (page: Page) => page.locator(`${FIG} .fig-chart[data-live="true"] svg`).first().innerHTML();
const shown = (page: Page, key: string) => page.locator(`${FIG} [data-value="${key}"]`);

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of LANGS) {
    test(`${lang}: the explorer's build-time chart is there`, async ({ page }) => {
      await page.goto(PATH(lang));
      await expect(page.locator(`${FIG} svg.vg-plot`)).toHaveCount(1);
      await expect(page.locator(`${FIG} svg.vg-plot`)).toHaveAttribute('aria-label', DICT[lang]['widget.sigmoidExplorer.chart']);
      // The summary and "Show data" hold the build-time numbers, as Node computes them.
      expect(await summaryText(page, FIG)).toBe(sigmoidSummary(defaults(SIGMOID_SCHEMA), DICT[lang], lang));
      expect(await tableRows(page, FIG)).toHaveLength(Math.min(60, sigmoidTable(defaults(SIGMOID_SCHEMA)).rows.length));
      await expect(page.locator(FIG).getByRole('slider').first()).toBeDisabled();
    });
  }
});

for (const lang of LANGS) {
  const t = DICT[lang];
  test.describe(lang, () => {
    test("the slider moves x, and sigma' follows the maths (0.25 at 0)", async ({ page }) => {
      await page.goto(PATH(lang));
      await hydrated(page);
      const fig = page.locator(FIG);
      const slider = fig.getByRole('slider', { name: t['widget.sigmoidExplorer.x'] });
      await slider.fill('0');
      await expect(shown(page, 'dsigma')).toHaveText(`= ${lang === 'es' ? '0,25' : '0.25'}`);
      await expect(shown(page, 'sigma')).toHaveText(`= ${formatValue(sig.f(0), lang)}`);
      await expect(fig.locator('.fig-summary')).toContainText(`σ′(x) = ${lang === 'es' ? '0,25' : '0.25'}`);
      const before = await chartHtml(page);
      // Twenty steps of 0.1 to the right: x = 2.
      await slider.focus();
      for (let i = 0; i < 20; i++) await slider.press('ArrowRight');
      await expect(slider).toHaveValue('2');
      await expect(shown(page, 'dsigma')).toHaveText(`= ${formatValue(sig.df(2), lang)}`);
      await expect(shown(page, 'sigma')).toHaveText(`= ${formatValue(sig.f(2), lang)}`);
      await expect.poll(() => chartHtml(page)).not.toBe(before);
      // Symmetry: the derivative at -2 equals the one at 2; the value flips to 1 - sigma.
      await slider.fill('-2');
      await expect(shown(page, 'dsigma')).toHaveText(`= ${formatValue(sig.df(2), lang)}`);
      await expect(shown(page, 'sigma')).toHaveText(`= ${formatValue(1 - sig.f(2), lang)}`);
      await expect(fig.locator('.fig-summary')).toContainText(Math.round(sig.df(2) / sig.df(0) * 100) + (lang === 'es' ? ' %' : '%'));
    });

    test('dragging on the chart moves x', async ({ page }) => {
      await page.goto(PATH(lang));
      await hydrated(page);
      const fig = page.locator(FIG);
      const slider = fig.getByRole('slider', { name: t['widget.sigmoidExplorer.x'] });
      await expect(slider).toHaveValue('0');
      const box = (await fig.locator('.fig-chart[data-live="true"] svg').first().boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.85, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2, { steps: 4 });
      await page.mouse.up();
      await expect.poll(async () => Number(await slider.inputValue())).toBeGreaterThan(4);
      const x = Number(await slider.inputValue());
      await expect(shown(page, 'dsigma')).toHaveText(`= ${formatValue(sig.df(x), lang)}`);
    });

    test('the tanh toggle overlays tanh and its derivative', async ({ page }) => {
      await page.goto(PATH(lang));
      await hydrated(page);
      const fig = page.locator(FIG);
      await expect(shown(page, 'dtanh')).toHaveCount(0);
      await fig.getByRole('switch', { name: t['widget.sigmoidExplorer.showTanh'] }).check();
      await expect(shown(page, 'dtanh')).toHaveText('= 1');
      await expect(fig.locator('.fig-chart[data-live="true"] svg').first()).toHaveAttribute('aria-label', t['widget.sigmoidExplorer.chartTanh']);
    });

    test('share link: the setting survives a reload of the URL', async ({ page }) => {
      await page.goto(PATH(lang));
      await hydrated(page);
      const fig = page.locator(FIG);
      await fig.getByRole('slider', { name: t['widget.sigmoidExplorer.x'] }).fill('5');
      await fig.getByRole('switch', { name: t['widget.sigmoidExplorer.showTanh'] }).check();
      await expect(page).toHaveURL(/sigmoid-explorer\.x=5/);
      await expect(page).toHaveURL(/sigmoid-explorer\.tanh=1/);
      await page.goto(page.url());
      await hydrated(page);
      await expect(fig.getByRole('slider', { name: t['widget.sigmoidExplorer.x'] })).toHaveValue('5');
      await expect(fig.getByRole('switch', { name: t['widget.sigmoidExplorer.showTanh'] })).toBeChecked();
      await expect(shown(page, 'dsigma')).toHaveText(`= ${formatValue(sig.df(5), lang)}`);
    });
  });
}
