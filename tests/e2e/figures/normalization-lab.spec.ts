import { test, expect, type Page } from '@playwright/test';
import { DICT, hydrated, pauseIfTraining, summaryText, tableRows, type Lang } from '../helpers.ts';
import { defaults } from '../../../src/widgets/kit/params.ts';
import { trainNorms } from '../../../src/widgets/normalization-lab/static.ts';
import { normSummary, normTable } from '../../../src/widgets/normalization-lab/view.ts';
import { NORM_SCHEMA, STATIC_STEPS } from '../../../src/widgets/normalization-lab/model.ts';

const FIG = '#normalization-lab';
const PAGE = (lang: string) => `/${lang}/normalization/`;


async function step(page: Page, lang: Lang): Promise<number> {
  const text = (await page.locator(`${FIG} .fig-summary`).first().textContent()) ?? '';
  const m = text.match(lang === 'es' ? /^Paso ([\d.]+)\./ : /^Step ([\d,]+)\./);
  return m ? Number(m[1].replace(/\D/g, '')) : NaN;
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of ['es', 'en'] as const) {
    test(`${lang}: the build-time charts and summary are there`, async ({ page }) => {
      await page.goto(PAGE(lang));
      await expect(page.locator(`${FIG} svg.vg-plot`)).toHaveCount(8);
      await expect(page.locator(`${FIG} svg.vg-plot`).first()).toHaveAttribute('aria-label', DICT[lang]['widget.normalizationLab.chart.loss']);
      // The three build-time activation histograms, with their bars drawn.
      const hist = page.locator(`${FIG} .norm-hists svg.vg-plot`);
      await expect(hist).toHaveCount(3);
      await expect(hist.first()).toHaveAttribute('aria-label', new RegExp(`^${DICT[lang]['widget.normalizationLab.norm.none']}`));
      expect(await hist.first().locator('rect').count()).toBeGreaterThan(20);
      const html = await page.locator(FIG).innerHTML();
      expect(html).toContain(lang === 'es' ? `Paso ${STATIC_STEPS}.` : `Step ${STATIC_STEPS}.`);
      // The build-time run's numbers, as Node gets them from the same code and seed.
      const runs = trainNorms(defaults(NORM_SCHEMA), STATIC_STEPS);
      expect(await summaryText(page, FIG)).toBe(normSummary(runs, DICT[lang], lang));
      expect(await tableRows(page, FIG)).toHaveLength(normTable(runs, DICT[lang]).rows.length);
    });
  }
});

for (const lang of ['es', 'en'] as const) {
  const t = DICT[lang];
  test.describe(lang, () => {
    test('the three networks train in lockstep and the charts redraw', async ({ page }) => {
      await page.goto(PAGE(lang));
      await hydrated(page, FIG);
      const fig = page.locator(FIG);
      const loss = fig.locator('.fig-chart[data-primary="true"]');
      const before = await loss.innerHTML();
      await expect.poll(() => step(page, lang), { timeout: 20_000 }).toBeGreaterThan(20);
      await expect.poll(() => loss.innerHTML()).not.toBe(before);
      await expect(fig.locator('svg.vg-plot')).toHaveCount(8);
      const hist = fig.locator('.norm-hists .fig-chart[data-live="true"] svg.vg-plot');
      await expect(hist).toHaveCount(3);
      await expect(hist.nth(1)).toHaveAttribute('aria-label', new RegExp(`^${t['widget.normalizationLab.norm.batch']}`));
      expect(await hist.first().locator('rect').count()).toBeGreaterThan(20);
      await pauseIfTraining(page, FIG, lang);
      await fig.getByText(t['kit.showData']).click();
      await expect(fig.locator('.fig-data tbody tr')).toHaveCount(NORM_SCHEMA.depth.default);
    });

    test('share link round trip, and a new setting starts at step 0', async ({ page }) => {
      await page.goto(PAGE(lang));
      await hydrated(page, FIG);
      const fig = page.locator(FIG);
      await fig.getByLabel(t['widget.normalizationLab.init'], { exact: true }).selectOption('xavier');
      const depth = fig.getByRole('slider', { name: t['widget.normalizationLab.depth'] });
      await depth.focus();
      await page.keyboard.press('Home');
      await expect(depth).toHaveValue(String(NORM_SCHEMA.depth.min));
      await expect(page).toHaveURL(/normalization-lab\.init=xavier/);
      await expect(page).toHaveURL(new RegExp(`normalization-lab\\.depth=${NORM_SCHEMA.depth.min}`));
      await expect.poll(() => step(page, lang), { timeout: 10_000 }).toBe(0);
      const url = page.url();
      await page.goto('about:blank');
      await page.goto(url);
      await hydrated(page, FIG);
      await expect(fig.getByLabel(t['widget.normalizationLab.init'], { exact: true })).toHaveValue('xavier');
      await expect(fig.getByRole('slider', { name: t['widget.normalizationLab.depth'] })).toHaveValue(String(NORM_SCHEMA.depth.min));
    });
  });
}
