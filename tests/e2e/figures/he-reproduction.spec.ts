import { test, expect, type Page } from '@playwright/test';
import { DICT, LANGS, hydrated as live, tableRows, type Lang } from '../helpers.ts';
import { MAX_STEPS, RECORD_EVERY } from '../../../src/widgets/he-reproduction/model.ts';

const FIG = '#he-reproduction';
const PAGE = (lang: string) => `/${lang}/initialization/`;

const hydrated = (page: Page) => live(page, FIG);

/** Step and the two final losses, read from the summary. */
async function read(page: Page, lang: Lang) {
  const text = (await page.locator(`${FIG} .fig-summary`).allTextContents()).find((x) => x.trim()) ?? '';
  const re = lang === 'es' ? /En el paso ([\d.]+), la pérdida con Xavier ha pasado de [\d,]+ a ([\d,]+) y con He de [\d,]+ a ([\d,]+)/ : /At step ([\d,]+), the loss with Xavier has gone from [\d.]+ to ([\d.]+), and with He from [\d.]+ to ([\d.]+)/;
  const m = text.match(re);
  const num = (s: string) => Number(lang === 'es' ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, ''));
  return m ? { step: num(m[1]), x: num(m[2]), h: num(m[3]), text } : { step: NaN, x: NaN, h: NaN, text };
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of LANGS) {
    test(`${lang}: the build-time charts, summary and data are a real finished run: Xavier at ln 2, He far below`, async ({ page }) => {
      await page.goto(PAGE(lang));
      await expect(page.locator(`${FIG} svg.vg-plot`)).toHaveCount(2);
      await expect(page.locator(`${FIG} svg.vg-plot`).first()).toHaveAttribute('aria-label', DICT[lang]['widget.heReproduction.chart.loss']);
      const r = await read(page, lang);
      expect(r.step).toBe(MAX_STEPS);
      expect(Math.abs(r.x - Math.log(2))).toBeLessThan(0.02);
      expect(r.h).toBeLessThan(0.4);
      expect(r.text).toContain(DICT[lang]['widget.heReproduction.verdict.heLearnsXavierStalls']);
      // "Show data" holds the build-time run: one row per recorded step, the last at the budget.
      const rows = await tableRows(page, FIG);
      expect(rows).toHaveLength(MAX_STEPS / RECORD_EVERY + 1);
      expect(rows.at(-1)![0]).toBe(String(MAX_STEPS));
      await expect(page.locator(FIG).getByRole('button', { name: DICT[lang]['kit.play'] })).toBeDisabled();
    });
  }
});

for (const lang of LANGS) {
  const t = DICT[lang];
  test.describe(lang, () => {
    test('trains both live: Xavier stays at ln 2 while He drops; the seed survives a reload', async ({ page }) => {
      test.setTimeout(240_000);
      await page.goto(PAGE(lang));
      await hydrated(page);
      const fig = page.locator(FIG);
      await expect.poll(async () => (await read(page, lang)).step, { timeout: 200_000 }).toBeGreaterThanOrEqual(150);
      const r = await read(page, lang);
      expect(Math.abs(r.x - Math.log(2))).toBeLessThan(0.02);
      expect(r.h).toBeLessThan(r.x - 0.2);
      await expect(fig.locator('.fig-chart[data-primary="true"] svg')).toHaveAttribute('aria-label', t['widget.heReproduction.chart.loss']);

      const seed = fig.getByLabel(t['widget.heReproduction.seed'], { exact: true });
      await seed.fill('2');
      await seed.press('Enter');
      await expect.poll(() => page.url()).toContain('he-reproduction.seed=2');
      await page.goto(page.url());
      await hydrated(page);
      await expect(fig.getByLabel(t['widget.heReproduction.seed'], { exact: true })).toHaveValue('2');
    });
  });
}
