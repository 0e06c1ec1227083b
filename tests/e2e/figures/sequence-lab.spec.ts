import { test, expect } from '@playwright/test';
import { DICT, hydrated, pauseIfTraining, stepCount, summaryText, tableRows } from '../helpers.ts';
import { SEQ_LAB_DEFAULTS } from '../../../src/widgets/sequence-lab/model.ts';
import { trainSeqRuns } from '../../../src/widgets/sequence-lab/static.ts';
import { seqStatusLine } from '../../../src/widgets/sequence-lab/view.ts';

const FIG = '#sequence-lab';
const PAGE = (lang: string) => `/${lang}/recurrent-lab/`;
const STATIC_STEPS = 100;

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of ['es', 'en'] as const) {
    test(`${lang}: the build-time charts, status and summary are there`, async ({ page }) => {
      await page.goto(PAGE(lang));
      await expect(page.locator(`${FIG} svg.vg-plot`)).toHaveCount(2);
      await expect(page.locator(`${FIG} svg.vg-plot`).first()).toHaveAttribute('aria-label', DICT[lang]['widget.sequenceLab.chart.throughTime']);
      // The build-time run's status, as Node gets it from the same code and seed.
      const runs = trainSeqRuns(SEQ_LAB_DEFAULTS, STATIC_STEPS);
      expect(await page.locator(`${FIG} noscript`).innerHTML()).toContain(seqStatusLine(runs, DICT[lang], lang).text.slice(0, 40));
      expect(await tableRows(page, FIG)).toHaveLength(runs[0].records.length);
    });
  }
});

for (const lang of ['es', 'en'] as const) {
  const t = DICT[lang];
  test.describe(lang, () => {
    test('both cells train in the worker, the status line and the gradient chart follow', async ({ page }) => {
      await page.goto(PAGE(lang));
      await hydrated(page, FIG);
      const fig = page.locator(FIG);
      const chart = fig.locator('.fig-chart[data-primary="true"]');
      const before = await chart.innerHTML();
      await expect.poll(() => stepCount(page, FIG), { timeout: 40_000 }).toBeGreaterThan(50);
      await expect.poll(() => chart.innerHTML(), { timeout: 10_000 }).not.toBe(before);
      const status = fig.locator('.seq-lab__status');
      await expect(status).toContainText(t['widget.sequenceLab.cell.rnn'], { ignoreCase: true });
      await expect(status).toContainText('LSTM');
      await expect(status).toHaveAttribute('data-status', /\w+ \w+/);
      await pauseIfTraining(page, FIG, lang);
      expect(await summaryText(page, FIG)).toContain('LSTM');
      // The worker, not the page, trains it.
      await expect(fig.locator('.fig-alert')).toHaveCount(0);
    });

    test('share link round trip under its own figure id; a new setting starts at step 0', async ({ page }) => {
      await page.goto(PAGE(lang));
      await hydrated(page, FIG);
      const fig = page.locator(FIG);
      await fig.getByLabel(t['widget.sequenceLab.cells'], { exact: true }).selectOption('lstm');
      const length = fig.getByLabel(t['widget.sequenceLab.steps'], { exact: true });
      await length.fill('12');
      await length.press('Enter');
      await expect(page).toHaveURL(/sequence-lab\.cells=lstm/);
      await expect(page).toHaveURL(/sequence-lab\.steps=12/);
      await expect.poll(() => stepCount(page, FIG), { timeout: 10_000 }).toBeLessThan(100);
      const url = page.url();
      await page.goto('about:blank');
      await page.goto(url);
      await hydrated(page, FIG);
      await expect(fig.getByLabel(t['widget.sequenceLab.steps'], { exact: true })).toHaveValue('12');
      await expect(fig.locator('.seq-lab__status')).not.toContainText(t['widget.sequenceLab.cell.rnn'], { timeout: 20_000, ignoreCase: true });
    });

    test('a value out of range in the link is clamped with the kit notice', async ({ page }) => {
      await page.goto(`${PAGE(lang)}?sequence-lab.steps=900#sequence-lab`);
      await hydrated(page, FIG);
      const fig = page.locator(FIG);
      await expect(fig.locator('.fig-notice')).toBeVisible();
      await expect(fig.getByLabel(t['widget.sequenceLab.steps'], { exact: true })).toHaveValue('100');
    });

    test('"Open in the lab" on adding-problem opens this figure with its settings, in the same language', async ({ page }) => {
      await page.goto(`/${lang}/recurrent-networks/?adding-problem.steps=30&adding-problem.seed=4`);
      await hydrated(page, '#adding-problem');
      const link = page.locator('#adding-problem').getByRole('link', { name: t['kit.openInLab'] });
      await expect(link).toHaveAttribute('href', new RegExp(`/${lang}/recurrent-lab/\\?.*sequence-lab\\.steps=30.*#sequence-lab$`));
      await link.click();
      await expect(page).toHaveURL(/sequence-lab\.seed=4/);
      await hydrated(page, FIG);
      await expect(page.locator(FIG).getByLabel(t['widget.sequenceLab.steps'], { exact: true })).toHaveValue('30');
      await expect(page.locator(FIG).getByLabel(t['widget.sequenceLab.seed'], { exact: true })).toHaveValue('4');
    });
  });
}
