import { test, expect, type Page } from '@playwright/test';
import { DICT, LANGS, hydrated as live, stepCount, summaryText, tableRows, type Lang } from '../helpers.ts';
import { RESIDUAL_SCHEMA, STATIC_STEPS } from '../../../src/widgets/residual-connections/model.ts';

const FIG = '#residual-connections';
const PAGE = (lang: string) => `/${lang}/residual-connections/`;
const K = 'widget.residualConnections';
const hydrated = (page: Page) => live(page, FIG);

function sci(s: string, lang: Lang): number {
  const sup: Record<string, string> = { '⁻': '-', '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };
  const m = s.trim().match(/^([\d.,]+)(?: × 10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))?$/);
  if (!m) return NaN;
  const mant = Number(lang === 'es' ? m[1].replace(/\./g, '').replace(',', '.') : m[1].replace(/,/g, ''));
  return mant * 10 ** (m[2] ? Number([...m[2]].map((c) => sup[c]).join('')) : 0);
}

/** Step, both losses and both step-0 ratios, from the summary. */
async function read(page: Page, lang: Lang) {
  const text = await summaryText(page, FIG);
  const re = lang === 'es'
    ? /paso ([\d.]+)\. Pérdida: sin atajos (\S+), residual (\S+)\. En el paso 0, el error de la primera capa era (.+?) veces el de la salida sin atajos y (.+?) veces con ellos/
    : /step ([\d,]+)\. Loss: plain (\S+), residual (\S+)\. At step 0 the first layer's error was (.+?) times the output's in the plain network and (.+?) times in the residual one/;
  const m = text.match(re);
  if (!m) return { text, step: NaN, plain: NaN, residual: NaN, r0: NaN, r1: NaN };
  return { text, step: Number(m[1].replace(/\D/g, '')), plain: sci(m[2], lang), residual: sci(m[3], lang), r0: sci(m[4], lang), r1: sci(m[5], lang) };
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of LANGS) {
    test(`${lang}: the build-time charts and summary are a real run: the plain network at ln 2, the residual one trained`, async ({ page }) => {
      await page.goto(PAGE(lang));
      await expect(page.locator(`${FIG} svg.vg-plot`)).toHaveCount(3);
      await expect(page.locator(`${FIG} svg.vg-plot`).first()).toHaveAttribute('aria-label', DICT[lang][`${K}.chart.loss`]);
      const r = await read(page, lang);
      expect(r.step).toBe(STATIC_STEPS);
      expect(Math.abs(r.plain - Math.LN2)).toBeLessThan(0.02);
      expect(r.residual).toBeLessThan(0.1);
      expect(r.r0).toBeLessThan(1e-10);
      expect(r.text).toContain(DICT[lang][`${K}.verdict.plainStalls`].split('{')[0]);
      expect(await tableRows(page, FIG)).toHaveLength(RESIDUAL_SCHEMA.depth.default + 1);
    });
  }
});

for (const lang of LANGS) {
  test.describe(lang, () => {
    test('at 50 layers the plain network\'s first layer gets under 10⁻¹⁰ of the error, the residual one\'s over 10⁻²; training runs', async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto(PAGE(lang));
      await hydrated(page);
      const r = await read(page, lang);
      expect(r.r0, r.text).toBeLessThan(1e-10);
      expect(r.r1, r.text).toBeGreaterThan(1e-2);
      const loss = page.locator(`${FIG} .fig-chart[data-primary="true"]`);
      const before = await loss.innerHTML();
      await expect.poll(() => stepCount(page, FIG), { timeout: 60_000 }).toBeGreaterThan(20);
      await expect.poll(() => loss.innerHTML(), { timeout: 15_000 }).not.toBe(before);
    });

    test('the depth slider from the keyboard: with two layers the plain network\'s error reaches its first layer; the URL keeps it', async ({ page }) => {
      await page.goto(PAGE(lang));
      await hydrated(page);
      const fig = page.locator(FIG);
      const depth = fig.getByRole('slider', { name: DICT[lang][`${K}.depth`] });
      await depth.focus();
      await page.keyboard.press('Home');
      await expect(depth).toHaveValue(String(RESIDUAL_SCHEMA.depth.min));
      await expect(page).toHaveURL(/residual-connections\.depth=2/);
      await expect.poll(async () => (await read(page, lang)).r0, { timeout: 15_000 }).toBeGreaterThan(1e-2);
      await fig.getByText(DICT[lang]['kit.showData']).click();
      await expect(fig.locator('.fig-data tbody tr')).toHaveCount(RESIDUAL_SCHEMA.depth.min + 1);
    });

    test('share link round trip: initialisation and branch scale survive a reload', async ({ page }) => {
      await page.goto(PAGE(lang));
      await hydrated(page);
      const fig = page.locator(FIG);
      await fig.getByLabel(DICT[lang][`${K}.init`], { exact: true }).selectOption('xavierUniform');
      await fig.getByLabel(DICT[lang][`${K}.branch`], { exact: true }).selectOption('0.25');
      await expect(page).toHaveURL(/residual-connections\.init=xavierUniform/);
      await expect(page).toHaveURL(/residual-connections\.branch=0\.25/);
      const url = page.url();
      await page.goto('about:blank');
      await page.goto(url);
      await hydrated(page);
      await expect(fig.getByLabel(DICT[lang][`${K}.init`], { exact: true })).toHaveValue('xavierUniform');
      await expect(fig.getByLabel(DICT[lang][`${K}.branch`], { exact: true })).toHaveValue('0.25');
    });
  });
}
