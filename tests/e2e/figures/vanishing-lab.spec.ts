import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { PRESETS } from '../../../src/widgets/vanishing-lab/model.ts';

const FIG = '#vanishing-lab';
const dict = (lang: string): Record<string, string> => JSON.parse(readFileSync(new URL(`../../../src/i18n/${lang}.json`, import.meta.url), 'utf8'));
const DICT = { es: dict('es'), en: dict('en') };
type Lang = keyof typeof DICT;

async function hydrated(page: Page) {
  await page.locator(FIG).scrollIntoViewIfNeeded();
  await expect(page.locator(`${FIG} [data-hydrated="true"]`)).toHaveCount(1, { timeout: 15_000 });
  await expect(page.locator(`${FIG} .fig-chart[data-live="true"]`).first()).toBeVisible({ timeout: 15_000 });
}

/** Reads a number as formatSci/formatNumber print it: "5,3 × 10⁻¹⁰", "0.0035", "−2,1". */
function parseShown(text: string): number {
  const sup: Record<string, string> = { '⁻': '-', '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };
  const t = text.trim().replace('−', '-');
  const m = t.match(/^(-?[\d.,]+)(?:\s*×\s*10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))?$/);
  if (!m) return NaN;
  const mant = Number(m[1].replace(/,/g, '.'));
  const exp = m[2] ? Number([...m[2]].map((c) => sup[c]).join('')) : 0;
  return mant * 10 ** exp;
}

/** The first-to-last ratio and step from the summary, in either language. */
async function summary(page: Page, lang: Lang): Promise<{ step: number; ratio: number; text: string }> {
  const text = (await page.locator(`${FIG} .fig-summary`).first().textContent()) ?? '';
  const re = lang === 'es' ? /Paso ([\d.\s]+): el gradiente de la primera capa es (.+?) veces/ : /Step ([\d,]+): the first layer's gradient is (.+?) times/;
  const m = text.match(re);
  return { step: m ? Number(m[1].replace(/[^\d]/g, '')) : NaN, ratio: m ? parseShown(m[2]) : NaN, text };
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of ['es', 'en'] as const) {
    test(`${lang}: the lab shows its four build-time charts`, async ({ page }) => {
      await page.goto(`/${lang}/vanishing-gradient/`);
      await expect(page.locator(`${FIG} svg.vg-plot`)).toHaveCount(4);
      await expect(page.locator(`${FIG} svg.vg-plot`).first()).toHaveAttribute('aria-label', DICT[lang]['widget.lab.chart.layers']);
    });
  }
});

for (const lang of ['es', 'en'] as const) {
  const t = DICT[lang];
  test.describe(`${lang}`, () => {
    test('presets set the controls, and the ratio at step 0 is what each preset promises', async ({ page }) => {
      await page.goto(`/${lang}/vanishing-gradient/`);
      await hydrated(page);
      const fig = page.locator(FIG);
      const depth = fig.getByRole('slider', { name: t['widget.lab.depth'] });
      const activation = fig.getByLabel(t['widget.lab.activation'], { exact: true });

      const ratioAtStart = async () => {
        const s = await summary(page, lang);
        return s.step === 0 ? s.ratio : NaN;
      };

      // Deep ReLU first: the deep-sigmoid preset is also the lab's default setting.
      await fig.getByRole('button', { name: t['widget.lab.preset.deepRelu'] }).click();
      await expect(depth).toHaveValue(String(PRESETS.deepRelu.depth));
      await expect(activation).toHaveValue('relu');
      await expect(fig.getByLabel(t['widget.lab.init'], { exact: true })).toHaveValue('he');
      // A new configuration starts paused at step 0; the summary then gives the ratio at initialisation.
      await expect.poll(ratioAtStart, { timeout: 10_000 }).toBeGreaterThan(1e-2);
      await expect.poll(() => fig.locator('.fig-chart[data-primary="true"] svg').getAttribute('aria-label')).toBe(t['widget.lab.chart.layers']);
      const reluSvg = await fig.locator('.fig-chart[data-primary="true"] svg').innerHTML();

      await fig.getByRole('button', { name: t['widget.lab.preset.deepSigmoid'] }).click();
      await expect(depth).toHaveValue(String(PRESETS.deepSigmoid.depth));
      await expect(activation).toHaveValue('sigmoid');
      await expect(fig.getByLabel(t['widget.lab.init'], { exact: true })).toHaveValue('classic');
      await expect.poll(ratioAtStart, { timeout: 10_000 }).toBeLessThan(1e-3);
      expect(await ratioAtStart()).toBeGreaterThan(0);
      // After one Step the gradient profile shows the sigmoid network (see the known issue below).
      await fig.getByRole('button', { name: t['kit.step'], exact: true }).click();
      await expect.poll(async () => (await summary(page, lang)).step, { timeout: 10_000 }).toBeGreaterThan(0);
      await expect.poll(() => fig.locator('.fig-chart[data-primary="true"] svg').innerHTML()).not.toBe(reluSvg);

      await fig.getByRole('button', { name: t['widget.lab.preset.shallowSigmoid'] }).click();
      await expect(depth).toHaveValue(String(PRESETS.shallowSigmoid.depth));
      await expect(activation).toHaveValue('sigmoid');
      await expect(page).toHaveURL(new RegExp(`vanishing-lab\\.depth=${PRESETS.shallowSigmoid.depth}`));
    });

    test('the gradient chart redraws as soon as a preset changes the network, before any step', async ({ page }) => {
      // The chart key includes the trainer's generation: a preset at step 0 must still redraw.
      await page.goto(`/${lang}/vanishing-gradient/`);
      await hydrated(page);
      const fig = page.locator(FIG);
      await fig.getByRole('button', { name: t['widget.lab.preset.deepRelu'] }).click();
      await expect(fig.getByLabel(t['widget.lab.activation'], { exact: true })).toHaveValue('relu');
      await page.waitForTimeout(1500);
      const reluSvg = await fig.locator('.fig-chart[data-primary="true"] svg').innerHTML();
      await fig.getByRole('button', { name: t['widget.lab.preset.deepSigmoid'] }).click();
      await expect(fig.getByLabel(t['widget.lab.activation'], { exact: true })).toHaveValue('sigmoid');
      await expect.poll(() => fig.locator('.fig-chart[data-primary="true"] svg').innerHTML(), { timeout: 4000 }).not.toBe(reluSvg);
    });

    test('the depth slider works from the keyboard and training then runs', async ({ page }) => {
      await page.goto(`/${lang}/vanishing-gradient/`);
      await hydrated(page);
      const fig = page.locator(FIG);
      const depth = fig.getByRole('slider', { name: t['widget.lab.depth'] });
      await depth.focus();
      await page.keyboard.press('Home');
      await expect(depth).toHaveValue('1');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expect(depth).toHaveValue('3');
      await expect(page).toHaveURL(/vanishing-lab\.depth=3/);
      // Three hidden layers plus the output layer: four rows in the data table.
      await fig.getByText(t['kit.showData']).click();
      await expect(fig.locator('.fig-data tbody tr')).toHaveCount(4);
      await fig.getByRole('button', { name: t['kit.play'] }).click();
      await expect.poll(async () => (await summary(page, lang)).step, { timeout: 15_000 }).toBeGreaterThan(0);
    });

    test('share link round trip: a setting survives a reload of the URL', async ({ page }) => {
      await page.goto(`/${lang}/vanishing-gradient/`);
      await hydrated(page);
      const fig = page.locator(FIG);
      await fig.getByRole('slider', { name: t['widget.lab.depth'] }).focus();
      await page.keyboard.press('End');
      await fig.getByLabel(t['widget.lab.activation'], { exact: true }).selectOption('tanh');
      await expect(page).toHaveURL(/vanishing-lab\.depth=30/);
      await expect(page).toHaveURL(/vanishing-lab\.activation=tanh/);
      const url = page.url();
      await page.goto('about:blank');
      await page.goto(url);
      await hydrated(page);
      await expect(fig.getByRole('slider', { name: t['widget.lab.depth'] })).toHaveValue('30');
      await expect(fig.getByLabel(t['widget.lab.activation'], { exact: true })).toHaveValue('tanh');
    });
  });
}
