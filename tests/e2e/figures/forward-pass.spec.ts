import { test, expect, type Page } from '@playwright/test';
import { DICT, LANGS, hydrated as live, summaryText, tableRows } from '../helpers.ts';
import { forwardPass } from '../../../src/widgets/worked-example/example.ts';
import { forwardSummary, forwardTable } from '../../../src/widgets/forward-pass/view.ts';
import { FORWARD_SCHEMA } from '../../../src/widgets/forward-pass/model.ts';
import { defaults } from '../../../src/widgets/kit/params.ts';

const FIG = '#forward-pass';
const PATH = (lang: string) => `/${lang}/forward-propagation/`;
const num = (x: string, lang: string) => (lang === 'es' ? x.replace('.', ',') : x).replace('-', '−');

const hydrated = (page: Page) => live(page, FIG);
const liveSvg = (page: Page) => page.locator(`${FIG} .fig-chart__live svg`).first();

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of LANGS) {
    test(`${lang}: the diagram and the worked example's numbers are there`, async ({ page }) => {
      await page.goto(PATH(lang));
      await expect(page.locator(`${FIG} svg.vg-plot`)).toHaveCount(1);
      await expect(page.locator(`${FIG} svg.vg-plot`)).toHaveAttribute('aria-label', DICT[lang]['widget.forwardPass.chart']);
      // The summary and "Show data" hold the build-time numbers, as Node computes them.
      expect(await summaryText(page, FIG)).toBe(forwardSummary(forwardPass(defaults(FORWARD_SCHEMA)), 0, DICT[lang], lang));
      expect(await tableRows(page, FIG)).toHaveLength(forwardTable(forwardPass(defaults(FORWARD_SCHEMA)), defaults(FORWARD_SCHEMA), DICT[lang]).rows.length);
      await expect(page.locator(FIG).getByRole('slider').first()).toBeDisabled();
      await expect(page.locator(`${FIG} svg.vg-plot`)).toContainText(`ŷ = ${num('0.656', lang)}`);
    });
  }
});

for (const lang of LANGS) {
  const t = DICT[lang];
  test.describe(lang, () => {
    test('shows the worked example, and a weight of 5 saturates hidden unit 1', async ({ page }) => {
      await page.goto(PATH(lang));
      await hydrated(page);
      const fig = page.locator(FIG);
      const summary = fig.locator('.fig-summary');
      await expect(summary).toContainText(`ŷ = ${num('0.656', lang)}`);
      await expect(liveSvg(page)).toContainText(`z = ${num('0.4', lang)}`);
      // w¹₁₁ is selected by default; the chapter's experiment: set it to 5.
      await fig.getByRole('slider', { name: t['widget.forwardPass.valueOf'].replace('{name}', 'w¹₁₁') }).fill('5');
      // z¹₁ = 5·1 − 0.4·0.5 + 0.1 = 4.9, a¹₁ = σ(4.9) ≈ 0.993
      await expect(summary).toContainText(`z¹ = (${num('4.9', lang)}`);
      await expect(liveSvg(page)).toContainText(`a = ${num('0.993', lang)}`);
      await expect(liveSvg(page)).not.toContainText(`z = ${num('0.4', lang)}`);
    });

    test('inputs move with the keyboard and choosing another weight retargets the slider', async ({ page }) => {
      await page.goto(PATH(lang));
      await hydrated(page);
      const fig = page.locator(FIG);
      const x1 = fig.getByRole('slider', { name: t['widget.forwardPass.input'].replace('{i}', '₁') });
      await x1.focus();
      await page.keyboard.press('ArrowLeft');
      // x₁ = 0.95: z¹₁ = 0.5·0.95 − 0.4·0.5 + 0.1 = 0.375
      await expect(fig.locator('.fig-summary')).toContainText(`z¹ = (${num('0.375', lang)}`);
      await fig.getByLabel(t['widget.forwardPass.choose']).selectOption('b2');
      const b2 = fig.getByRole('slider', { name: t['widget.forwardPass.valueOf'].replace('{name}', 'b²') });
      await expect(b2).toHaveValue('0.2');
      await b2.fill('-0.5');
      await expect(fig.locator('[data-testid="matrix"]')).toContainText(num('-0.5', lang));
    });

    test('steps through the computation in order, with the matrix view on the same row', async ({ page }) => {
      await page.goto(PATH(lang));
      await hydrated(page);
      const fig = page.locator(FIG);
      const next = fig.getByRole('button', { name: t['widget.forwardPass.next'] });
      for (let i = 0; i < 3; i++) await next.click();
      const label = t['widget.workedExample.step.of'].replace('{step}', '3').replace('{total}', '6').replace('{what}', t['widget.workedExample.node.1'].replace('{i}', '1'));
      await expect(fig.getByTestId('step-counter')).toHaveText(label);
      const sep = (x: string) => num(x, lang);
      await expect(fig.getByTestId('matrix-line')).toContainText(`z¹₁ = ${sep('0.5')} · 1 + (${sep('-0.4')}) · ${sep('0.5')} + ${sep('0.1')} = ${sep('0.4')}`);
      // Units not computed yet show no values.
      await expect(liveSvg(page)).toContainText('z = ?');
      for (let i = 0; i < 3; i++) await next.click();
      await expect(fig.getByTestId('matrix-line')).toContainText(`ŷ = σ(${sep('0.648')}) = ${sep('0.656')}`);
      await expect(next).toBeDisabled();
      await fig.getByRole('button', { name: t['kit.reset'] }).click();
      await expect(fig.getByTestId('step-counter')).toHaveText(t['widget.forwardPass.step.all']);
    });

    test('share link: settings survive a reload', async ({ page }) => {
      await page.goto(PATH(lang));
      await hydrated(page);
      const fig = page.locator(FIG);
      await fig.getByLabel(t['widget.forwardPass.choose']).selectOption('w1_22');
      await fig.getByRole('slider', { name: t['widget.forwardPass.valueOf'].replace('{name}', 'w¹₂₂') }).fill('-1.5');
      await expect(page).toHaveURL(/forward-pass\.w1_22=-1\.5/);
      await page.goto(page.url());
      await hydrated(page);
      await expect(fig.getByRole('slider', { name: t['widget.forwardPass.valueOf'].replace('{name}', 'w¹₂₂') })).toHaveValue('-1.5');
      // z¹₂ = 0.3·1 − 1.5·0.5 − 0.2 = −0.65
      await expect(fig.locator('.fig-summary')).toContainText(num('-0.65', lang));
    });
  });
}
