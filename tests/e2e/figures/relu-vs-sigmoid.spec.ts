import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { PAIR_SCHEMA, STATIC_STEPS } from '../../../src/widgets/relu-vs-sigmoid/model.ts';

const FIG = '#relu-vs-sigmoid';
const dict = (lang: string): Record<string, string> => JSON.parse(readFileSync(new URL(`../../../src/i18n/${lang}.json`, import.meta.url), 'utf8'));
const DICT = { es: dict('es'), en: dict('en') };
type Lang = keyof typeof DICT;

async function hydrated(page: Page) {
  await page.locator(FIG).scrollIntoViewIfNeeded();
  await expect(page.locator(`${FIG} [data-hydrated="true"]`)).toHaveCount(1, { timeout: 15_000 });
  await expect(page.locator(`${FIG} .fig-chart[data-live="true"]`).first()).toBeVisible({ timeout: 15_000 });
}

/** Reads a number as formatSci/formatNumber print it: "5,3 × 10⁻¹⁰", "0.0035", "1". */
function parseShown(text: string): number {
  const sup: Record<string, string> = { '⁻': '-', '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };
  const m = text.trim().replace('−', '-').match(/^(-?[\d.,]+)(?:\s*×\s*10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))?$/);
  if (!m) return NaN;
  return Number(m[1].replace(/,/g, '.')) * 10 ** (m[2] ? Number([...m[2]].map((c) => sup[c]).join('')) : 0);
}

/** The step and the two first-to-last ratios at step 0, from the summary. */
async function summary(page: Page, lang: Lang) {
  const text = (await page.locator(`${FIG} .fig-summary`).first().textContent()) ?? '';
  const re = lang === 'es' ? /^Paso ([\d.]+)\..*en el paso 0 era (.+?) y (.+?)\. Norma/ : /^Step ([\d,]+)\..*at step 0 it was (.+?) and (.+?)\. First-layer/;
  const m = text.match(re);
  return { text, step: m ? Number(m[1].replace(/\D/g, '')) : NaN, sig0: m ? parseShown(m[2]) : NaN, relu0: m ? parseShown(m[3]) : NaN };
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of ['es', 'en'] as const) {
    test(`${lang}: the build-time charts and summary are there`, async ({ page }) => {
      await page.goto(`/${lang}/relu/`);
      await expect(page.locator(`${FIG} svg.vg-plot`)).toHaveCount(4);
      await expect(page.locator(`${FIG} svg.vg-plot`).first()).toHaveAttribute('aria-label', DICT[lang]['widget.reluVsSigmoid.chart.loss']);
      const html = await page.locator(FIG).innerHTML();
      expect(html).toContain(lang === 'es' ? `Paso ${STATIC_STEPS}.` : `Step ${STATIC_STEPS}.`);
    });
  }
});

for (const lang of ['es', 'en'] as const) {
  const t = DICT[lang];
  test.describe(lang, () => {
    test('at the default depth the sigmoid ratio at step 0 is under 10⁻³ and ReLU over 10⁻²; training runs and redraws', async ({ page }) => {
      await page.goto(`/${lang}/relu/`);
      await hydrated(page);
      const fig = page.locator(FIG);
      await expect.poll(async () => (await summary(page, lang)).sig0, { timeout: 15_000 }).toBeLessThan(1e-3);
      const s = await summary(page, lang);
      expect(s.sig0, s.text).toBeGreaterThan(0);
      expect(s.relu0, s.text).toBeGreaterThan(1e-2);
      // Autoplay: the step counter moves and the loss chart is redrawn with it.
      const loss = fig.locator('.fig-chart[data-primary="true"]');
      const before = await loss.innerHTML();
      await expect.poll(async () => (await summary(page, lang)).step, { timeout: 15_000 }).toBeGreaterThan(20);
      await expect.poll(() => loss.innerHTML()).not.toBe(before);
    });

    test('the depth slider works from the keyboard; with two layers the sigmoid gradient no longer vanishes', async ({ page }) => {
      await page.goto(`/${lang}/relu/`);
      await hydrated(page);
      const fig = page.locator(FIG);
      const depth = fig.getByRole('slider', { name: t['widget.reluVsSigmoid.depth'] });
      await depth.focus();
      await page.keyboard.press('Home');
      await expect(depth).toHaveValue(String(PAIR_SCHEMA.depth.min));
      await page.keyboard.press('ArrowRight');
      await expect(depth).toHaveValue(String(PAIR_SCHEMA.depth.min + 1));
      await expect(page).toHaveURL(new RegExp(`relu-vs-sigmoid\\.depth=${PAIR_SCHEMA.depth.min + 1}`));
      // A new configuration starts paused at step 0.
      await expect.poll(async () => (await summary(page, lang)).step, { timeout: 10_000 }).toBe(0);
      const s = await summary(page, lang);
      expect(s.sig0, s.text).toBeGreaterThan(1e-3);
      await fig.getByText(t['kit.showData']).click();
      await expect(fig.locator('.fig-data tbody tr')).toHaveCount(PAIR_SCHEMA.depth.min + 2);
      await fig.getByRole('button', { name: t['kit.play'] }).click();
      await expect.poll(async () => (await summary(page, lang)).step, { timeout: 15_000 }).toBeGreaterThan(0);
    });

    test('share link round trip', async ({ page }) => {
      await page.goto(`/${lang}/relu/`);
      await hydrated(page);
      const fig = page.locator(FIG);
      await fig.getByLabel(t['widget.reluVsSigmoid.lr'], { exact: true }).selectOption('0.3');
      await fig.getByLabel(t['widget.reluVsSigmoid.dataset'], { exact: true }).selectOption('xor');
      await fig.getByRole('slider', { name: t['widget.reluVsSigmoid.width'] }).focus();
      await page.keyboard.press('End');
      await expect(page).toHaveURL(/relu-vs-sigmoid\.lr=0\.3/);
      await expect(page).toHaveURL(/relu-vs-sigmoid\.dataset=xor/);
      await expect(page).toHaveURL(new RegExp(`relu-vs-sigmoid\\.width=${PAIR_SCHEMA.width.max}`));
      const url = page.url();
      await page.goto('about:blank');
      await page.goto(url);
      await hydrated(page);
      await expect(fig.getByLabel(t['widget.reluVsSigmoid.lr'], { exact: true })).toHaveValue('0.3');
      await expect(fig.getByLabel(t['widget.reluVsSigmoid.dataset'], { exact: true })).toHaveValue('xor');
      await expect(fig.getByRole('slider', { name: t['widget.reluVsSigmoid.width'] })).toHaveValue(String(PAIR_SCHEMA.width.max));
    });
  });
}
