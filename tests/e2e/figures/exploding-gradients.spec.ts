import { test, expect, type Page } from '@playwright/test';
import { DICT, LANGS, hydrated as live, stepCount, summaryText, tableRows, type Lang } from '../helpers.ts';
import { EXPLODING_SCHEMA, STATIC_STEPS } from '../../../src/widgets/exploding-gradients/model.ts';

const FIG = '#exploding-gradients';
const PAGE = (lang: string) => `/${lang}/exploding-gradients/`;
const K = 'widget.explodingGradients';
const hydrated = (page: Page) => live(page, FIG);

/** The text before the first placeholder of a dictionary string: what a summary must contain. */
const head = (lang: Lang, key: string) => DICT[lang][key].split('{')[0];

/** Reads "… es 2,2 × 10² veces …" / "… is 2.2 × 10² times …" from the summary. */
function ratio(text: string, lang: Lang): number {
  const sup: Record<string, string> = { '⁻': '-', '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };
  const re = lang === 'es' ? /error de la primera capa es ([\d.,]+)(?: × 10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))? veces/ : /first layer's error is ([\d.,]+)(?: × 10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))? times/;
  const m = text.match(re);
  if (!m) return NaN;
  const mant = Number(lang === 'es' ? m[1].replace(/\./g, '').replace(',', '.') : m[1].replace(/,/g, ''));
  return mant * 10 ** (m[2] ? Number([...m[2]].map((c) => sup[c]).join('')) : 0);
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of LANGS) {
    test(`${lang}: the build-time charts and summary are a real run: the unclipped run diverged, the clipped one survived`, async ({ page }) => {
      await page.goto(PAGE(lang));
      await expect(page.locator(`${FIG} svg.vg-plot`)).toHaveCount(3);
      await expect(page.locator(`${FIG} svg.vg-plot`).nth(1)).toHaveAttribute('aria-label', DICT[lang][`${K}.chart.loss`]);
      const text = await summaryText(page, FIG);
      expect(text).toContain(head(lang, `${K}.summary.diverged`));
      expect(text).toContain(DICT[lang][`${K}.summary.survives`]);
      expect(text).toContain(DICT[lang][`${K}.regime.exploding`]);
      expect(ratio(text, lang)).toBeGreaterThan(100);
      expect(text).toContain(lang === 'es' ? `Paso ${STATIC_STEPS}:` : `Step ${STATIC_STEPS}:`);
      // "Show data" holds the build-time profile: one row per hidden layer plus the output.
      expect(await tableRows(page, FIG)).toHaveLength(EXPLODING_SCHEMA.depth.default + 1);
    });
  }
});

for (const lang of LANGS) {
  test.describe(lang, () => {
    test('the unclipped run diverges and says so; the clipped run keeps training; Reset starts again', async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto(PAGE(lang));
      await hydrated(page);
      const fig = page.locator(FIG);
      const alert = fig.getByRole('alert');
      await expect(alert).toContainText(head(lang, `${K}.alert.plain`), { timeout: 30_000 });
      const at = await stepCount(page, FIG);
      // The survivor goes on after its twin has diverged.
      await expect.poll(() => stepCount(page, FIG), { timeout: 60_000 }).toBeGreaterThan(at + 10);
      await expect.poll(() => summaryText(page, FIG), { timeout: 30_000 }).toContain(DICT[lang][`${K}.summary.survives`]);
      await alert.getByRole('button', { name: DICT[lang]['kit.reset'] }).click();
      await expect.poll(() => stepCount(page, FIG), { timeout: 15_000 }).toBe(0);
    });

    test('the weight scale from the keyboard: at its minimum the error vanishes, and the URL keeps it', async ({ page }) => {
      await page.goto(PAGE(lang));
      await hydrated(page);
      const fig = page.locator(FIG);
      const scale = fig.getByRole('slider', { name: DICT[lang][`${K}.scale`] });
      await scale.focus();
      await page.keyboard.press('Home');
      await expect(scale).toHaveValue(String(EXPLODING_SCHEMA.scale.min));
      await expect(page).toHaveURL(/exploding-gradients\.scale=0\.5/);
      await expect.poll(() => summaryText(page, FIG), { timeout: 15_000 }).toContain(DICT[lang][`${K}.regime.vanishing`]);
      expect(ratio(await summaryText(page, FIG), lang)).toBeLessThan(1e-2);
      await expect(fig.getByRole('alert')).toHaveCount(0);
    });

    test('share link round trip: activation and threshold survive a reload', async ({ page }) => {
      await page.goto(PAGE(lang));
      await hydrated(page);
      const fig = page.locator(FIG);
      await fig.getByRole('radio', { name: DICT[lang]['kit.act.tanh'] }).check();
      await fig.getByLabel(DICT[lang][`${K}.clip`], { exact: true }).selectOption('3');
      await expect(page).toHaveURL(/exploding-gradients\.activation=tanh/);
      await expect(page).toHaveURL(/exploding-gradients\.clip=3/);
      // With tanh the summary reports the saturated share of the hidden units.
      await expect.poll(() => summaryText(page, FIG), { timeout: 15_000 }).toContain(DICT[lang][`${K}.summary.saturated`].split('{share}')[1].split('(')[0].trim());
      const url = page.url();
      await page.goto('about:blank');
      await page.goto(url);
      await hydrated(page);
      await expect(fig.getByRole('radio', { name: DICT[lang]['kit.act.tanh'] })).toBeChecked();
      await expect(fig.getByLabel(DICT[lang][`${K}.clip`], { exact: true })).toHaveValue('3');
    });
  });
}
