import { test, expect, type Page } from '@playwright/test';
import { DICT, hydrated } from '../helpers.ts';
import { PRESETS, STATIC_STEPS } from '../../../src/widgets/vanishing-lab/model.ts';

const FIG = '#vanishing-lab';


/** The state the lab's charts and summary describe, from its data-* hooks (raw numbers). */
async function probe(page: Page) {
  const el = page.locator(`${FIG} .fig-diagnosis`).first();
  if ((await el.count()) === 0) return { generation: NaN, step: NaN, depth: NaN, ratio0: NaN, diagnosis: null as string | null };
  const n = async (k: string) => Number(await el.getAttribute(`data-${k}`));
  return { generation: await n('generation'), step: await n('step'), depth: await n('depth'), ratio0: await n('ratio0'), diagnosis: await el.getAttribute('data-diagnosis') };
}
const primarySvg = (page: Page) => page.locator(`${FIG} .fig-chart[data-primary="true"] svg`).innerHTML();

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of ['es', 'en'] as const) {
    test(`${lang}: the lab shows its six build-time charts and the summary of a real run`, async ({ page }) => {
      await page.goto(`/${lang}/vanishing-gradient/`);
      await expect(page.locator(`${FIG} svg.vg-plot`)).toHaveCount(6);
      await expect(page.locator(`${FIG} svg.vg-plot`).first()).toHaveAttribute('aria-label', DICT[lang]['widget.vanishingLab.chart.layers']);
      const text = (await page.locator(`${FIG} noscript`).textContent()) ?? '';
      expect(text).toContain(lang === 'es' ? `Paso ${STATIC_STEPS}.` : `Step ${STATIC_STEPS}.`);
      expect(text).toContain(DICT[lang]['series.diag.collapsed'].slice(0, 20));
    });
  }
});

for (const lang of ['es', 'en'] as const) {
  const t = DICT[lang];
  test.describe(`${lang}`, () => {
    test('presets set the controls, and the ratio at step 0 is what each preset promises', async ({ page }) => {
      await page.goto(`/${lang}/vanishing-gradient/`);
      await hydrated(page, FIG);
      const fig = page.locator(FIG);
      const depth = fig.getByRole('slider', { name: t['widget.vanishingLab.depth'] });
      const activation = fig.getByLabel(t['widget.vanishingLab.activation'], { exact: true });

      // A new configuration starts paused at step 0; the probe then gives the ratio at initialisation.
      const atStart = async (d: number) => { const p = await probe(page); return p.step === 0 && p.depth === d ? p.ratio0 : NaN; };

      // Deep ReLU first: the deep-sigmoid preset is also the lab's default setting.
      const relu = fig.getByRole('button', { name: t['widget.vanishingLab.preset.deepRelu'] });
      await relu.click();
      await expect(depth).toHaveValue(String(PRESETS.deepRelu.depth));
      await expect(activation).toHaveValue('relu');
      await expect(fig.getByLabel(t['widget.vanishingLab.init'], { exact: true })).toHaveValue('he');
      await expect(relu).toHaveAttribute('aria-pressed', 'true');
      await expect.poll(() => atStart(PRESETS.deepRelu.depth), { timeout: 15_000 }).toBeGreaterThan(1e-2);
      const reluGeneration = (await probe(page)).generation;
      const reluSvg = await primarySvg(page);

      const sigmoid = fig.getByRole('button', { name: t['widget.vanishingLab.preset.deepSigmoid'] });
      await sigmoid.click();
      await expect(depth).toHaveValue(String(PRESETS.deepSigmoid.depth));
      await expect(activation).toHaveValue('sigmoid');
      await expect(fig.getByLabel(t['widget.vanishingLab.init'], { exact: true })).toHaveValue('classic');
      await expect(sigmoid).toHaveAttribute('aria-pressed', 'true');
      await expect(relu).toHaveAttribute('aria-pressed', 'false');
      await expect.poll(async () => (await probe(page)).generation, { timeout: 15_000 }).toBeGreaterThan(reluGeneration);
      await expect.poll(() => atStart(PRESETS.deepSigmoid.depth), { timeout: 15_000 }).toBeLessThan(1e-3);
      expect((await probe(page)).ratio0).toBeGreaterThan(0);
      expect((await probe(page)).diagnosis).toBe('vanishing');
      await expect.poll(() => primarySvg(page)).not.toBe(reluSvg);
      await fig.getByRole('button', { name: t['kit.stepMany'].replace('{n}', '5'), exact: true }).click();
      await expect.poll(async () => (await probe(page)).step, { timeout: 10_000 }).toBeGreaterThan(0);

      await fig.getByRole('button', { name: t['widget.vanishingLab.preset.shallowSigmoid'] }).click();
      await expect(depth).toHaveValue(String(PRESETS.shallowSigmoid.depth));
      await expect(activation).toHaveValue('sigmoid');
      await expect(page).toHaveURL(new RegExp(`vanishing-lab\\.depth=${PRESETS.shallowSigmoid.depth}`));
    });

    test('the default run collapses to the prior, and the summary says so for the step it shows', async ({ page }) => {
      await page.goto(`/${lang}/vanishing-gradient/`);
      await hydrated(page, FIG);
      await expect.poll(async () => (await probe(page)).diagnosis, { timeout: 40_000 }).toBe('collapsed');
      await expect.poll(async () => (await page.locator(`${FIG} .fig-summary`).first().textContent()) ?? '', { timeout: 5_000 }).toContain(t['series.diag.collapsed'].slice(0, 20));
    });

    test('the gradient chart redraws as soon as a preset changes the network, before any step', async ({ page }) => {
      // The chart key includes the trainer's generation: a preset at step 0 must still redraw.
      await page.goto(`/${lang}/vanishing-gradient/`);
      await hydrated(page, FIG);
      const fig = page.locator(FIG);
      await fig.getByRole('button', { name: t['widget.vanishingLab.preset.deepRelu'] }).click();
      await expect(fig.getByLabel(t['widget.vanishingLab.activation'], { exact: true })).toHaveValue('relu');
      // Wait for the chart of the ReLU network itself: the probe, set in the same render, names its depth.
      await expect.poll(async () => (await probe(page)).depth, { timeout: 15_000 }).toBe(PRESETS.deepRelu.depth);
      const reluSvg = await primarySvg(page);
      await fig.getByRole('button', { name: t['widget.vanishingLab.preset.deepSigmoid'] }).click();
      await expect(fig.getByLabel(t['widget.vanishingLab.activation'], { exact: true })).toHaveValue('sigmoid');
      await expect.poll(() => fig.locator('.fig-chart[data-primary="true"] svg').innerHTML(), { timeout: 4000 }).not.toBe(reluSvg);
    });

    test('the depth slider works from the keyboard and training then runs', async ({ page }) => {
      await page.goto(`/${lang}/vanishing-gradient/`);
      await hydrated(page, FIG);
      const fig = page.locator(FIG);
      const depth = fig.getByRole('slider', { name: t['widget.vanishingLab.depth'] });
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
      await expect.poll(async () => (await probe(page)).step, { timeout: 15_000 }).toBeGreaterThan(0);
    });

    test('share link round trip: a setting survives a reload of the URL', async ({ page }) => {
      await page.goto(`/${lang}/vanishing-gradient/`);
      await hydrated(page, FIG);
      const fig = page.locator(FIG);
      await fig.getByRole('slider', { name: t['widget.vanishingLab.depth'] }).focus();
      await page.keyboard.press('End');
      await fig.getByLabel(t['widget.vanishingLab.activation'], { exact: true }).selectOption('tanh');
      await expect(page).toHaveURL(/vanishing-lab\.depth=30/);
      await expect(page).toHaveURL(/vanishing-lab\.activation=tanh/);
      const url = page.url();
      await page.goto('about:blank');
      await page.goto(url);
      await hydrated(page, FIG);
      await expect(fig.getByRole('slider', { name: t['widget.vanishingLab.depth'] })).toHaveValue('30');
      await expect(fig.getByLabel(t['widget.vanishingLab.activation'], { exact: true })).toHaveValue('tanh');
    });
  });
}
