import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

const FIG = '#gd-step';
const PATH = (lang: string) => `/${lang}/backpropagation/`;
const dict = (lang: string): Record<string, string> => JSON.parse(readFileSync(new URL(`../../../src/i18n/${lang}.json`, import.meta.url), 'utf8'));
const DICT = { es: dict('es'), en: dict('en') };
const num = (x: string, lang: string) => (lang === 'es' ? x.replace('.', ',') : x).replace('-', '−');

async function hydrated(page: Page) {
  await page.locator(FIG).scrollIntoViewIfNeeded();
  await expect(page.locator(`${FIG} [data-hydrated="true"]`)).toHaveCount(1);
  await expect(page.locator(`${FIG} .fig-chart[data-live="true"]`).first()).toBeVisible();
}
const liveSvg = (page: Page) => page.locator(`${FIG} .fig-chart__live svg`).first();

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of ['es', 'en'] as const) {
    test(`${lang}: the bowl and the history are there`, async ({ page }) => {
      await page.goto(PATH(lang));
      await expect(page.locator(`${FIG} svg.vg-plot`)).toHaveCount(2);
      await expect(page.locator(`${FIG} svg.vg-plot`).first()).toHaveAttribute('aria-label', DICT[lang]['widget.gdStep.chart.bowl']);
    });
  }
});

for (const lang of ['es', 'en'] as const) {
  const t = DICT[lang];
  test.describe(lang, () => {
    test('one update moves w by η·C′(w), drawn as before and after', async ({ page }) => {
      await page.goto(PATH(lang));
      await hydrated(page);
      const fig = page.locator(FIG);
      const summary = fig.locator('.fig-summary');
      await expect(summary).toContainText(`1 − ηk = ${num('0.8', lang)}`);
      await fig.getByRole('button', { name: t['widget.gdStep.one'] }).click();
      // w = −2 − 0.1 · 2 · (−2 − 1) = −1.4; C = (2/2)(−2.4)² = 5.76
      await expect(fig.getByTestId('update-count')).toHaveText(t['widget.gdStep.count'].replace('{n}', '1'));
      await expect(summary).toContainText(`w = ${num('-1.4', lang)}`);
      await expect(summary).toContainText(`C = ${num('5.76', lang)}`);
      await expect(liveSvg(page)).toContainText(`${t['widget.gdStep.after']}: C = ${num('5.76', lang)}`);
      await expect(liveSvg(page)).toContainText(`${t['widget.gdStep.before']}: C = 9`);
    });

    test('η = 1/k lands on the minimum in one step; η > 2/k diverges and Reset recovers', async ({ page }) => {
      await page.goto(PATH(lang));
      await hydrated(page);
      const fig = page.locator(FIG);
      const lr = fig.getByRole('slider', { name: t['widget.gdStep.lr'] });
      await lr.fill('0.5');
      await fig.getByRole('button', { name: t['widget.gdStep.one'] }).click();
      await expect(fig.locator('.fig-summary')).toContainText(`w = 1 `);
      await fig.getByRole('button', { name: t['kit.reset'] }).first().click();
      await lr.focus();
      await page.keyboard.press('End');
      await expect(fig.locator('.fig-summary')).toContainText('η > 2/k = 1');
      const ten = fig.getByRole('button', { name: t['widget.gdStep.ten'] });
      for (let i = 0; i < 40 && (await ten.isEnabled()); i++) await ten.click();
      const alert = fig.getByRole('alert');
      await expect(alert).toContainText(t['kit.diverged.infinite'].split('{step}')[0]);
      await alert.getByRole('button', { name: t['kit.reset'] }).click();
      await expect(alert).toHaveCount(0);
      await expect(fig.getByTestId('update-count')).toHaveText(t['widget.gdStep.count'].replace('{n}', '0'));
    });

    test('share link: the learning rate survives a reload', async ({ page }) => {
      await page.goto(PATH(lang));
      await hydrated(page);
      const fig = page.locator(FIG);
      await fig.getByRole('slider', { name: t['widget.gdStep.lr'] }).fill('0.75');
      await expect(page).toHaveURL(/gd-step\.lr=0\.75/);
      await page.goto(page.url());
      await hydrated(page);
      await expect(fig.getByRole('slider', { name: t['widget.gdStep.lr'] })).toHaveValue('0.75');
      await expect(fig.locator('.fig-summary')).toContainText(`1/k = ${num('0.5', lang)} < η < 2/k = 1`);
    });
  });
}
