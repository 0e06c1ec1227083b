import { test, expect, type Page } from '@playwright/test';
import { DICT, LANGS, hydrated as live, summaryText, tableRows } from '../helpers.ts';
import { backprop } from '../../../src/widgets/backprop-stepper/model.ts';
import { backpropSummary, backpropTable } from '../../../src/widgets/backprop-stepper/view.ts';

const FIG = '#backprop-stepper';
const PATH = (lang: string) => `/${lang}/backpropagation/`;
const num = (x: string, lang: string) => (lang === 'es' ? x.replace('.', ',') : x).replace('-', '−');
const parse = (s: string) => Number(s.trim().replace('−', '-').replace(',', '.'));

const hydrated = (page: Page) => live(page, FIG);
const liveSvg = (page: Page) => page.locator(`${FIG} .fig-chart__live svg`).first();

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of LANGS) {
    test(`${lang}: the diagram is there`, async ({ page }) => {
      await page.goto(PATH(lang));
      await expect(page.locator(`${FIG} svg.vg-plot`)).toHaveCount(1);
      await expect(page.locator(`${FIG} svg.vg-plot`)).toHaveAttribute('aria-label', DICT[lang]['widget.backpropStepper.chart']);
      // The summary and "Show data" hold the build-time numbers, as Node computes them.
      expect(await summaryText(page, FIG)).toBe(backpropSummary(backprop(), 0, DICT[lang], lang));
      expect(await tableRows(page, FIG)).toHaveLength(backpropTable(backprop(), DICT[lang]).rows.length);
      await expect(page.locator(FIG).getByRole('combobox').first()).toBeDisabled();
    });
  }
});

for (const lang of LANGS) {
  const t = DICT[lang];
  test.describe(lang, () => {
    test('steps backwards: output delta first, then edge gradients appear', async ({ page }) => {
      await page.goto(PATH(lang));
      await hydrated(page);
      const fig = page.locator(FIG);
      await expect(liveSvg(page)).not.toContainText(num('-0.0928', lang));
      const next = fig.getByRole('button', { name: t['widget.backpropStepper.next'] });
      await next.click();
      // δ² = 2(ŷ − y)σ'(z²) = −0.687 · 0.226 = −0.155, and ∂C/∂w²₁ = δ² a¹₁ = −0.0928
      await expect(fig.getByTestId('step-lines')).toContainText(`${num('-0.687', lang)} · ${num('0.226', lang)} = ${num('-0.155', lang)}`);
      await expect(liveSvg(page)).toContainText(num('-0.0928', lang));
      await expect(liveSvg(page)).not.toContainText(num('-0.0261', lang));
      await next.click();
      await expect(fig.getByTestId('step-lines')).toContainText(`δ¹₁ = w²₁ · δ² · σ′(z¹₁) = ${num('0.7', lang)} · (${num('-0.155', lang)})`);
      await expect(liveSvg(page)).toContainText(`δ = ${num('-0.0261', lang)}`);
      await next.click();
      await next.click();
      await expect(next).toBeDisabled();
      await expect(liveSvg(page)).toContainText(`δ = ${num('-0.0328', lang)}`);
    });

    test('check by nudging: the measured change matches the gradient', async ({ page }) => {
      await page.goto(PATH(lang));
      await hydrated(page);
      const fig = page.locator(FIG);
      await fig.getByRole('button', { name: t['widget.backpropStepper.nudgeButton'].replace('{eps}', num('0.001', lang)) }).click();
      const table = fig.getByTestId('nudge');
      await expect(table).toContainText(num('0.118007', lang));
      await expect(table).toContainText(num('0.117981', lang));
      const cells = await table.locator('td').allTextContents();
      const measured = parse(cells[3]);
      const analytic = parse(cells[4]);
      expect(Math.abs(measured - analytic) / Math.abs(analytic)).toBeLessThan(1e-3);
      expect(analytic).toBeCloseTo(-0.02606, 5);
      // Another weight: w²₂, whose gradient δ² a¹₂ ≈ −0.0964.
      await fig.getByLabel(t['widget.backpropStepper.nudgeWhich']).selectOption('w2_2');
      await expect(table).toHaveCount(0);
      await fig.getByRole('button', { name: t['widget.backpropStepper.nudgeButton'].replace('{eps}', num('0.001', lang)) }).click();
      const cells2 = await fig.getByTestId('nudge').locator('td').allTextContents();
      expect(parse(cells2[4])).toBeCloseTo(-0.09644, 4);
      expect(Math.abs(parse(cells2[3]) - parse(cells2[4])) / 0.0964).toBeLessThan(2e-3);
    });

    test('share link: the nudged weight survives a reload', async ({ page }) => {
      await page.goto(PATH(lang));
      await hydrated(page);
      const fig = page.locator(FIG);
      await fig.getByLabel(t['widget.backpropStepper.nudgeWhich']).selectOption('b1_3');
      await expect(page).toHaveURL(/backprop-stepper\.sel=b1_3/);
      await page.goto(page.url());
      await hydrated(page);
      await expect(fig.getByLabel(t['widget.backpropStepper.nudgeWhich'])).toHaveValue('b1_3');
    });
  });
}
