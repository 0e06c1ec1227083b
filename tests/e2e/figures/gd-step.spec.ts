import { test, expect, type Page } from '@playwright/test';
import { DICT, LANGS, chartTexts, hydrated, num, summaryText, t, tableRows } from '../helpers.ts';
import { start } from '../../../src/widgets/gd-step/model.ts';
import { gdSummary } from '../../../src/widgets/gd-step/view.ts';

const FIG = '#gd-step';
const PATH = (lang: string) => `/${lang}/backpropagation/`;
const liveSvg = (page: Page) => page.locator(`${FIG} .fig-chart__live svg`).first();
const counter = (page: Page) => page.locator(`${FIG} [data-testid="step-counter"]`);

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of LANGS) {
    test(`${lang}: the bowl, the summary and the data say what the start is; the controls are inert`, async ({ page }) => {
      await page.goto(PATH(lang));
      await expect(page.locator(`${FIG} svg.vg-plot`)).toHaveCount(2);
      await expect(page.locator(`${FIG} svg.vg-plot`).first()).toHaveAttribute('aria-label', DICT[lang]['widget.gdStep.chart.bowl']);
      // The build-time figure is the run at its start: w = −2, C = 9, as Node computes it.
      expect(await summaryText(page, FIG)).toBe(gdSummary(start(), 0.1, DICT[lang], lang));
      expect(await chartTexts(page, FIG)).toContain(`${DICT[lang]['widget.gdStep.startLabel']}: C = 9`);
      expect(await tableRows(page, FIG)).toEqual([['0', '', num('-2', lang), '9']]);
      await expect(page.locator(FIG).getByRole('slider')).toBeDisabled();
      await expect(page.locator(FIG).getByRole('button', { name: DICT[lang]['widget.gdStep.one'] })).toBeDisabled();
    });
  }
});

for (const lang of LANGS) {
  const s = DICT[lang];
  test.describe(lang, () => {
    test('one update moves w by η·C′(w), drawn as before and after', async ({ page }) => {
      await page.goto(PATH(lang));
      await hydrated(page, FIG);
      const fig = page.locator(FIG);
      const summary = fig.locator('.fig-summary');
      await expect(summary).toContainText(`1 − ηk = ${num('0.8', lang)}`);
      await fig.getByRole('button', { name: s['widget.gdStep.one'] }).click();
      // w = −2 − 0.1 · 2 · (−2 − 1) = −1.4; C = (2/2)(−2.4)² = 5.76
      await expect(counter(page)).toHaveText(t(lang, 'widget.gdStep.count', { n: 1 }));
      await expect(summary).toContainText(`w = ${num('-1.4', lang)}`);
      await expect(summary).toContainText(`C = ${num('5.76', lang)}`);
      await expect(liveSvg(page)).toContainText(`${s['widget.gdStep.after']}: C = ${num('5.76', lang)}`);
      await expect(liveSvg(page)).toContainText(`${s['widget.gdStep.before']}: C = 9`);
    });

    test("the chapter's sequence without Reset: each new η starts again, and shows creep, one-step landing, bouncing, divergence", async ({ page }) => {
      await page.goto(PATH(lang));
      await hydrated(page, FIG);
      const fig = page.locator(FIG);
      const lr = fig.getByRole('slider', { name: s['widget.gdStep.lr'] });
      const one = fig.getByRole('button', { name: s['widget.gdStep.one'] });
      const ten = fig.getByRole('button', { name: s['widget.gdStep.ten'] });
      const summary = fig.locator('.fig-summary');
      await expect(fig.getByText(t(lang, 'widget.gdStep.restarted', { w0: 'w = −2' }))).toBeVisible();
      // Creep: ten updates at 0.1 leave w on the starting side, at 1 − 3 · 0.8¹⁰ ≈ 0.678.
      await ten.click();
      await expect(summary).toContainText(`w = ${num('0.678', lang)}`);
      // Raise η to 0.5: the run starts again from −2, and one update lands on the minimum.
      await lr.fill('0.5');
      await expect(counter(page)).toHaveText(t(lang, 'widget.gdStep.count', { n: 0 }));
      await one.click();
      await expect(summary).toContainText('w = 1 ');
      // 0.8 bounces: w = −2 → 2.8 → −0.08, crossing the minimum each time.
      await lr.fill('0.8');
      await expect(counter(page)).toHaveText(t(lang, 'widget.gdStep.count', { n: 0 }));
      await one.click();
      await expect(summary).toContainText(`w = ${num('2.8', lang)}`);
      await one.click();
      await expect(summary).toContainText(`w = ${num('-0.08', lang)}`);
      // 1.1 diverges: every bounce is larger; the counter starts from 0 again.
      await lr.fill('1.1');
      await expect(counter(page)).toHaveText(t(lang, 'widget.gdStep.count', { n: 0 }));
      await ten.click();
      await expect(counter(page)).toHaveText(t(lang, 'widget.gdStep.count', { n: 10 }));
      await expect(summary).toContainText(s['widget.gdStep.regime.diverge'].split('{inv2}')[0]);
      // At the slider's end (η = 2, factor −3) the numbers overflow within a few hundred updates.
      await lr.focus();
      await page.keyboard.press('End');
      await expect(counter(page)).toHaveText(t(lang, 'widget.gdStep.count', { n: 0 }));
      for (let i = 0; i < 60 && (await ten.isEnabled()); i++) await ten.click();
      const alert = fig.getByRole('alert');
      await expect(alert).toContainText(s['kit.diverged.infinite'].split('{step}')[0]);
      await alert.getByRole('button', { name: s['kit.reset'] }).click();
      await expect(alert).toHaveCount(0);
      await expect(counter(page)).toHaveText(t(lang, 'widget.gdStep.count', { n: 0 }));
    });

    test('share link: the learning rate survives a reload', async ({ page }) => {
      await page.goto(PATH(lang));
      await hydrated(page, FIG);
      const fig = page.locator(FIG);
      await fig.getByRole('slider', { name: s['widget.gdStep.lr'] }).fill('0.75');
      await expect(page).toHaveURL(/gd-step\.lr=0\.75/);
      await page.goto(page.url());
      await hydrated(page, FIG);
      await expect(fig.getByRole('slider', { name: s['widget.gdStep.lr'] })).toHaveValue('0.75');
      await expect(fig.locator('.fig-summary')).toContainText(`1/k = ${num('0.5', lang)} < η < 2/k = 1`);
    });
  });
}
