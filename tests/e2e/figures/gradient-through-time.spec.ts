import { test, expect, type Page } from '@playwright/test';
import { DICT, hydrated, summaryText, tableRows } from '../helpers.ts';
import { defaults } from '../../../src/widgets/kit/params.ts';
import { gttSummary, gttTable } from '../../../src/widgets/gradient-through-time/view.ts';
import { GTT_SCHEMA, gradientThroughTime } from '../../../src/widgets/gradient-through-time/model.ts';

const FIG = '#gradient-through-time';
const PAGE = (lang: string) => `/${lang}/recurrent-networks/`;

const summary = (page: Page) => page.locator(`${FIG} .fig-summary`).first();

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of ['es', 'en'] as const) {
    test(`${lang}: the build-time chart and summary are there`, async ({ page }) => {
      await page.goto(PAGE(lang));
      await expect(page.locator(`${FIG} svg.vg-plot`)).toHaveCount(1);
      await expect(page.locator(`${FIG} svg.vg-plot`)).toHaveAttribute('aria-label', DICT[lang]['widget.gradientThroughTime.chart']);
      expect(await page.locator(FIG).innerHTML()).toContain(lang === 'es' ? `Longitud ${GTT_SCHEMA.steps.default}.` : `Length ${GTT_SCHEMA.steps.default}.`);
      // The numbers of the real computation, as Node gets them from the same code.
      const r = gradientThroughTime(defaults(GTT_SCHEMA));
      expect(await summaryText(page, FIG)).toBe(gttSummary(r, DICT[lang], lang));
      expect(await tableRows(page, FIG)).toHaveLength(gttTable(r, DICT[lang]).rows.length);
    });
  }
});

for (const lang of ['es', 'en'] as const) {
  const t = DICT[lang];
  test.describe(lang, () => {
    test('the length slider works from the keyboard, the chart and table follow, and the link keeps the settings', async ({ page }) => {
      await page.goto(PAGE(lang));
      await hydrated(page, FIG);
      const fig = page.locator(FIG);
      const chart = fig.locator('.fig-chart[data-primary="true"]');
      const before = await chart.innerHTML();
      const steps = fig.getByRole('slider', { name: t['widget.gradientThroughTime.steps'] });
      await steps.focus();
      await page.keyboard.press('Home');
      await expect(steps).toHaveValue(String(GTT_SCHEMA.steps.min));
      await expect(summary(page)).toContainText(lang === 'es' ? `Longitud ${GTT_SCHEMA.steps.min}.` : `Length ${GTT_SCHEMA.steps.min}.`);
      await expect.poll(() => chart.innerHTML()).not.toBe(before);
      await fig.getByText(t['kit.showData']).click();
      await expect(fig.locator('.fig-data tbody tr')).toHaveCount(GTT_SCHEMA.steps.min);

      await fig.getByLabel(t['widget.gradientThroughTime.recInit'], { exact: true }).selectOption('identity');
      await fig.getByRole('radio', { name: t['kit.act.relu'] }).check();
      await expect(page).toHaveURL(/gradient-through-time\.recInit=identity/);
      await expect(page).toHaveURL(/gradient-through-time\.rnnActivation=relu/);
      const url = page.url();
      await page.goto('about:blank');
      await page.goto(url);
      await hydrated(page, FIG);
      await expect(fig.getByLabel(t['widget.gradientThroughTime.recInit'], { exact: true })).toHaveValue('identity');
      await expect(fig.getByRole('slider', { name: t['widget.gradientThroughTime.steps'] })).toHaveValue(String(GTT_SCHEMA.steps.min));
    });

    test('an out-of-range link value is clamped with a notice; the valid one is kept', async ({ page }) => {
      await page.goto(`${PAGE(lang)}?gradient-through-time.steps=9999&gradient-through-time.recInit=identity`);
      await hydrated(page, FIG);
      const fig = page.locator(FIG);
      await expect(fig.getByRole('slider', { name: t['widget.gradientThroughTime.steps'] })).toHaveValue(String(GTT_SCHEMA.steps.max));
      await expect(fig.getByLabel(t['widget.gradientThroughTime.recInit'], { exact: true })).toHaveValue('identity');
      await expect(fig.locator('.fig-notice')).toBeVisible();
      await expect(fig.locator('.fig-notice')).toContainText(String(GTT_SCHEMA.steps.max));
    });
  });
}
