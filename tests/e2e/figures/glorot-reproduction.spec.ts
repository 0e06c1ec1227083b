import { test, expect, type Page } from '@playwright/test';
import { DICT, LANGS, hydrated as live, tableRows, type Lang } from '../helpers.ts';
import { MAX_STEPS } from '../../../src/widgets/glorot-reproduction/model.ts';

const FIG = '#glorot-reproduction';
const PAGE = (lang: string) => `/${lang}/initialization/`;

const hydrated = (page: Page) => live(page, FIG);

/** The top layer's start, early low and step, from the summary. */
async function read(page: Page, lang: Lang) {
  const text = (await page.locator(`${FIG} .fig-summary`).allTextContents()).find((x) => x.trim()) ?? '';
  const re = lang === 'es' ? /activación media ([\d,]+) al principio, ([\d,]+) en el paso \d+ .*? y ([\d,]+) en el paso ([\d.]+)/ : /mean activation ([\d.]+) at the start, ([\d.]+) at step \d+ .*? and ([\d.]+) at step ([\d,]+)/;
  const m = text.match(re);
  const num = (s: string) => Number(lang === 'es' ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, ''));
  return m ? { start: num(m[1]), low: num(m[2]), now: num(m[3]), step: num(m[4]), text } : { start: NaN, low: NaN, now: NaN, step: NaN, text };
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of LANGS) {
    test(`${lang}: the build-time charts, summary and data are a real finished run: the top layer dropped and recovers`, async ({ page }) => {
      await page.goto(PAGE(lang));
      await expect(page.locator(`${FIG} svg.vg-plot`)).toHaveCount(2);
      await expect(page.locator(`${FIG} svg.vg-plot`).first()).toHaveAttribute('aria-label', DICT[lang]['widget.glorotReproduction.chart.means']);
      const r = await read(page, lang);
      expect(r.step).toBe(MAX_STEPS);
      expect(r.start).toBeGreaterThan(0.4);
      expect(r.low).toBeLessThan(0.15);
      expect(r.now).toBeGreaterThan(r.low);
      expect(r.text).toContain(DICT[lang]['widget.glorotReproduction.summary.saturated']);
      const rows = await tableRows(page, FIG);
      expect(rows.length).toBeGreaterThan(10);
      expect(rows[0][0]).toBe('0');
      await expect(page.locator(FIG).getByRole('button', { name: DICT[lang]['kit.play'] })).toBeDisabled();
    });
  }
});

for (const lang of LANGS) {
  const t = DICT[lang];
  test.describe(lang, () => {
    test('the top layer drops early at the default rate, not at the smallest; the rate survives a reload', async ({ page }) => {
      test.setTimeout(180_000);
      await page.goto(PAGE(lang));
      await hydrated(page);
      const fig = page.locator(FIG);
      await expect.poll(async () => (await read(page, lang)).step, { timeout: 120_000 }).toBeGreaterThanOrEqual(30);
      const r = await read(page, lang);
      expect(r.start).toBeGreaterThan(0.4);
      expect(r.low).toBeLessThan(0.15);
      await expect(fig.locator('.fig-summary').first()).toContainText(t['widget.glorotReproduction.summary.saturated']);
      const before = await fig.locator('.fig-chart[data-primary="true"] svg').innerHTML();

      await fig.getByLabel(t['widget.glorotReproduction.lr'], { exact: true }).selectOption('1');
      // A new setting starts a new run, paused at step 0, as in every training figure.
      await fig.getByRole('button', { name: t['kit.play'] }).click();
      // The summary updates at most once a second, so poll until it describes the new run.
      await expect
        .poll(async () => {
          const r1 = await read(page, lang);
          return r1.step >= 30 ? r1.low : NaN;
        }, { timeout: 120_000 })
        .toBeGreaterThan(0.3);
      await expect(fig.locator('.fig-summary').first()).toContainText(t['widget.glorotReproduction.summary.notSaturated'].split('{')[0]);
      await expect.poll(() => fig.locator('.fig-chart[data-primary="true"] svg').innerHTML()).not.toBe(before);

      await expect.poll(() => page.url()).toContain('glorot-reproduction.lr=1');
      await page.goto(page.url());
      await hydrated(page);
      await expect(fig.getByLabel(t['widget.glorotReproduction.lr'], { exact: true })).toHaveValue('1');
    });
  });
}
