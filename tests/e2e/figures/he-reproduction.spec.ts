import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

const FIG = '#he-reproduction';
const PAGE = (lang: string) => `/${lang}/initialization/`;
const dict = (lang: string): Record<string, string> => JSON.parse(readFileSync(new URL(`../../../src/i18n/${lang}.json`, import.meta.url), 'utf8'));
const DICT = { es: dict('es'), en: dict('en') };
type Lang = keyof typeof DICT;

async function hydrated(page: Page) {
  await page.locator(FIG).scrollIntoViewIfNeeded();
  await expect(page.locator(`${FIG} [data-hydrated="true"]`)).toHaveCount(1);
  // Live charts appear once the worker has posted its first snapshot: allow for a busy machine.
  await expect(page.locator(`${FIG} .fig-chart[data-live="true"]`).first()).toBeVisible({ timeout: 30_000 });
}

/** Step and the two final losses, read from the summary. */
async function read(page: Page, lang: Lang) {
  const text = (await page.locator(`${FIG} .fig-summary`).first().textContent()) ?? '';
  const re = lang === 'es' ? /Tras ([\d.]+) pasos, la pérdida con Xavier ha pasado de [\d,]+ a ([\d,]+) y con He de [\d,]+ a ([\d,]+)/ : /After ([\d,]+) steps, the loss with Xavier went from [\d.]+ to ([\d.]+), and with He from [\d.]+ to ([\d.]+)/;
  const m = text.match(re);
  const num = (s: string) => Number(lang === 'es' ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, ''));
  return m ? { step: num(m[1]), x: num(m[2]), h: num(m[3]), text } : { step: NaN, x: NaN, h: NaN, text };
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of ['es', 'en'] as const) {
    test(`${lang}: both build-time charts are there`, async ({ page }) => {
      await page.goto(PAGE(lang));
      await expect(page.locator(`${FIG} svg.vg-plot`)).toHaveCount(2);
      await expect(page.locator(`${FIG} svg.vg-plot`).first()).toHaveAttribute('aria-label', DICT[lang]['widget.heReproduction.chart.loss']);
    });
  }
});

for (const lang of ['es', 'en'] as const) {
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
