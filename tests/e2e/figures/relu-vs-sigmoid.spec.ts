import { test, expect, type Page } from '@playwright/test';
import { DICT, LANGS, hydrated, summaryText } from '../helpers.ts';
import { PAIR_SCHEMA, STATIC_STEPS } from '../../../src/widgets/relu-vs-sigmoid/model.ts';

const FIG = '#relu-vs-sigmoid';

/**
 * The state the per-layer charts and the summary describe, from the island's data-*
 * hooks (raw numbers, set in the same render as both). Reading these rather than the
 * summary's text is what removed a flake: the old test parsed the summary right after a
 * depth change and could read the previous run's step-0 sentence (2.5 × 10⁻⁵ at depth 8).
 */
async function probe(page: Page) {
  const g = page.locator(`${FIG} .fig-grid[data-generation]`).first();
  const n = async (k: string) => Number(await g.getAttribute(`data-${k}`));
  return { generation: await n('generation'), step: await n('step'), depth: await n('depth'), sig0: await n('ratio0-sigmoid'), relu0: await n('ratio0-relu'), diagSig: await g.getAttribute('data-diagnosis-sigmoid') };
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of LANGS) {
    test(`${lang}: the build-time charts and summary are a real run of ${STATIC_STEPS} steps`, async ({ page }) => {
      await page.goto(`/${lang}/relu/`);
      await expect(page.locator(`${FIG} svg.vg-plot`)).toHaveCount(6);
      await expect(page.locator(`${FIG} svg.vg-plot`).first()).toHaveAttribute('aria-label', DICT[lang]['widget.reluVsSigmoid.chart.loss']);
      const text = await summaryText(page, FIG);
      expect(text).toContain(lang === 'es' ? `Paso ${STATIC_STEPS}.` : `Step ${STATIC_STEPS}.`);
      // The static sigmoid run has collapsed to the prior by then, and says so.
      expect(text).toContain(DICT[lang]['series.diag.collapsed'].slice(0, 20));
    });
  }
});

for (const lang of LANGS) {
  const t = DICT[lang];
  test.describe(lang, () => {
    test('at the default depth the sigmoid ratio at step 0 is under 10⁻³ and ReLU over 10⁻²; training runs and redraws', async ({ page }) => {
      await page.goto(`/${lang}/relu/`);
      await hydrated(page, FIG);
      const fig = page.locator(FIG);
      await expect.poll(async () => (await probe(page)).depth, { timeout: 15_000 }).toBe(PAIR_SCHEMA.depth.default);
      const p = await probe(page);
      expect(p.sig0).toBeGreaterThan(0);
      expect(p.sig0).toBeLessThan(1e-3);
      expect(p.relu0).toBeGreaterThan(1e-2);
      const loss = fig.locator('.fig-chart[data-primary="true"]');
      const before = await loss.innerHTML();
      await expect.poll(async () => (await probe(page)).step, { timeout: 20_000 }).toBeGreaterThan(20);
      await expect.poll(() => loss.innerHTML()).not.toBe(before);
    });

    test('the depth slider works from the keyboard; with two layers the sigmoid gradient no longer vanishes', async ({ page }) => {
      await page.goto(`/${lang}/relu/`);
      await hydrated(page, FIG);
      const fig = page.locator(FIG);
      const depth = fig.getByRole('slider', { name: t['widget.reluVsSigmoid.depth'] });
      await depth.focus();
      await page.keyboard.press('Home');
      await expect(depth).toHaveValue(String(PAIR_SCHEMA.depth.min));
      await page.keyboard.press('ArrowRight');
      await expect(depth).toHaveValue(String(PAIR_SCHEMA.depth.min + 1));
      await expect(page).toHaveURL(new RegExp(`relu-vs-sigmoid\\.depth=${PAIR_SCHEMA.depth.min + 1}`));
      // Wait for the charts of the new configuration itself (its depth, at step 0), not any step 0.
      await expect.poll(async () => { const p = await probe(page); return p.depth === PAIR_SCHEMA.depth.min + 1 && p.step === 0; }, { timeout: 15_000 }).toBe(true);
      expect((await probe(page)).sig0).toBeGreaterThan(1e-3);
      await fig.getByText(t['kit.showData']).click();
      await expect(fig.locator('.fig-data tbody tr')).toHaveCount(PAIR_SCHEMA.depth.min + 2);
      await fig.getByRole('button', { name: t['kit.play'] }).click();
      await expect.poll(async () => (await probe(page)).step, { timeout: 20_000 }).toBeGreaterThan(0);
    });

    test('after training the summary names the collapse of the sigmoid, and the probe agrees', async ({ page }) => {
      await page.goto(`/${lang}/relu/`);
      await hydrated(page, FIG);
      await expect.poll(async () => (await probe(page)).diagSig, { timeout: 40_000 }).toBe('collapsed');
      await expect.poll(() => summaryText(page, FIG), { timeout: 5_000 }).toContain(t['series.diag.collapsed'].slice(0, 20));
    });

    test('share link round trip', async ({ page }) => {
      await page.goto(`/${lang}/relu/`);
      await hydrated(page, FIG);
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
      await hydrated(page, FIG);
      await expect(fig.getByLabel(t['widget.reluVsSigmoid.lr'], { exact: true })).toHaveValue('0.3');
      await expect(fig.getByLabel(t['widget.reluVsSigmoid.dataset'], { exact: true })).toHaveValue('xor');
      await expect(fig.getByRole('slider', { name: t['widget.reluVsSigmoid.width'] })).toHaveValue(String(PAIR_SCHEMA.width.max));
    });
  });
}
