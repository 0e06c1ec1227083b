import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { NORM_SCHEMA, STATIC_STEPS } from '../../../src/widgets/normalization-lab/model.ts';

const FIG = '#normalization-lab';
const PAGE = (lang: string) => `/${lang}/normalization/`;
const dict = (lang: string): Record<string, string> => JSON.parse(readFileSync(new URL(`../../../src/i18n/${lang}.json`, import.meta.url), 'utf8'));
const DICT = { es: dict('es'), en: dict('en') };
type Lang = keyof typeof DICT;

async function hydrated(page: Page) {
  await page.locator(FIG).scrollIntoViewIfNeeded();
  await expect(page.locator(`${FIG} [data-hydrated="true"]`)).toHaveCount(1, { timeout: 15_000 });
  await expect(page.locator(`${FIG} .fig-chart[data-live="true"]`).first()).toBeVisible({ timeout: 15_000 });
}

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
    });
  }
});

for (const lang of ['es', 'en'] as const) {
  const t = DICT[lang];
  test.describe(lang, () => {
    test('the three networks train in lockstep and the charts redraw', async ({ page }) => {
      await page.goto(PAGE(lang));
      await hydrated(page);
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
      await fig.getByRole('button', { name: t['kit.pause'] }).click();
      await fig.getByText(t['kit.showData']).click();
      await expect(fig.locator('.fig-data tbody tr')).toHaveCount(NORM_SCHEMA.depth.default);
    });

    test('share link round trip, and a new setting starts at step 0', async ({ page }) => {
      await page.goto(PAGE(lang));
      await hydrated(page);
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
      await hydrated(page);
      await expect(fig.getByLabel(t['widget.normalizationLab.init'], { exact: true })).toHaveValue('xavier');
      await expect(fig.getByRole('slider', { name: t['widget.normalizationLab.depth'] })).toHaveValue(String(NORM_SCHEMA.depth.min));
    });
  });
}
