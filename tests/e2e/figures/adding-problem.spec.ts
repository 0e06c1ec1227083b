import { test, expect, type Page } from '@playwright/test';
import { DICT, hydrated, pauseIfTraining, summaryText, tableRows, type Lang } from '../helpers.ts';
import { defaults } from '../../../src/widgets/kit/params.ts';
import { trainCells } from '../../../src/widgets/adding-problem/static.ts';
import { addSummary, addTable } from '../../../src/widgets/adding-problem/view.ts';
import { ADD_SCHEMA, STATIC_STEPS } from '../../../src/widgets/adding-problem/model.ts';

const FIG = '#adding-problem';
const PAGE = (lang: string) => `/${lang}/recurrent-networks/`;

async function step(page: Page, lang: Lang): Promise<number> {
  const text = (await page.locator(`${FIG} .fig-summary`).first().textContent()) ?? '';
  const m = text.match(lang === 'es' ? /^Paso ([\d.]+),/ : /^Step ([\d,]+),/);
  return m ? Number(m[1].replace(/\D/g, '')) : NaN;
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of ['es', 'en'] as const) {
    test(`${lang}: the build-time charts and summary are there`, async ({ page }) => {
      await page.goto(PAGE(lang));
      await expect(page.locator(`${FIG} svg.vg-plot`)).toHaveCount(2);
      await expect(page.locator(`${FIG} svg.vg-plot`).first()).toHaveAttribute('aria-label', DICT[lang]['widget.addingProblem.chart.loss']);
      expect(await page.locator(FIG).innerHTML()).toContain(lang === 'es' ? `Paso ${STATIC_STEPS},` : `Step ${STATIC_STEPS},`);
      // The build-time run's numbers, as Node gets them from the same code and seed.
      const initial = defaults(ADD_SCHEMA);
      const runs = trainCells(initial, [STATIC_STEPS, STATIC_STEPS]);
      expect(await summaryText(page, FIG)).toBe(addSummary(runs, initial.steps, DICT[lang], lang));
      expect(await tableRows(page, FIG)).toHaveLength(addTable(runs, DICT[lang]).rows.length);
    });
  }
});

for (const lang of ['es', 'en'] as const) {
  const t = DICT[lang];
  test.describe(lang, () => {
    test('both networks train in the worker, in lockstep, and the loss chart redraws', async ({ page }) => {
      await page.goto(PAGE(lang));
      await hydrated(page, FIG);
      const fig = page.locator(FIG);
      const loss = fig.locator('.fig-chart[data-primary="true"]');
      const before = await loss.innerHTML();
      await expect.poll(() => step(page, lang), { timeout: 30_000 }).toBeGreaterThan(30);
      await expect.poll(() => loss.innerHTML(), { timeout: 10_000 }).not.toBe(before);
      await pauseIfTraining(page, FIG, lang);
      await fig.getByText(t['kit.showData']).click();
      await expect.poll(() => fig.locator('.fig-data tbody tr').count()).toBeGreaterThan(1);
    });

    test('share link round trip; a new setting starts at step 0', async ({ page }) => {
      await page.goto(PAGE(lang));
      await hydrated(page, FIG);
      const fig = page.locator(FIG);
      const steps = fig.getByRole('slider', { name: t['widget.addingProblem.steps'] });
      await steps.focus();
      await page.keyboard.press('Home');
      await expect(steps).toHaveValue(String(ADD_SCHEMA.steps.min));
      await fig.getByLabel(t['widget.addingProblem.lr'], { exact: true }).selectOption('0.003');
      await expect(page).toHaveURL(new RegExp(`adding-problem\\.steps=${ADD_SCHEMA.steps.min}`));
      await expect(page).toHaveURL(/adding-problem\.lr=0\.003/);
      await expect.poll(() => step(page, lang), { timeout: 10_000 }).toBe(0);
      const url = page.url();
      await page.goto('about:blank');
      await page.goto(url);
      await hydrated(page, FIG);
      await expect(fig.getByRole('slider', { name: t['widget.addingProblem.steps'] })).toHaveValue(String(ADD_SCHEMA.steps.min));
      await expect(fig.getByLabel(t['widget.addingProblem.lr'], { exact: true })).toHaveValue('0.003');
    });
  });
}
