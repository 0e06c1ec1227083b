import { test, expect, type Page } from '@playwright/test';
import { DICT, hydrated } from '../helpers.ts';
import { STATIC_STEPS } from '../../../src/widgets/dead-units/model.ts';
import { trainDead } from '../../../src/widgets/dead-units/static.ts';
import { deadSummary } from '../../../src/widgets/dead-units/view.ts';
import { createSession } from '../../../src/widgets/runner/session.ts';
import { DEAD_SCHEMA, deadConfig, type DeadValues } from '../../../src/widgets/dead-units/model.ts';
import { defaults } from '../../../src/widgets/kit/params.ts';

const FIG = '#dead-units';
/** The grey of dead nodes in the light theme (charts/palette.ts neutral().dead). */
const DEAD_GREY = '#a3a3a3';


/** Units negative on every training input, per hidden layer, at step 0: computed with src/lib. */
function expectedAtStart(patch: Partial<DeadValues>): number[] {
  const config = deadConfig({ ...defaults(DEAD_SCHEMA), ...patch } as DeadValues);
  const probe = createSession(config).probe();
  if (!probe) throw new Error('deadConfig must ask for the per-unit probe');
  return probe.negative.map((l) => l.filter(Boolean).length);
}

const summaryText = async (page: Page) => (await page.locator(`${FIG} .fig-summary`).first().textContent()) ?? '';
const greyNodes = (page: Page) => page.locator(`${FIG} .fig-chart[data-primary="true"] svg circle[fill="${DEAD_GREY}"]`).count();

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of ['es', 'en'] as const) {
    test(`${lang}: the network diagram and the three other charts are drawn at build time`, async ({ page }) => {
      await page.goto(`/${lang}/leaky-relu/`);
      await expect(page.locator(`${FIG} svg.vg-plot`)).toHaveCount(4);
      await expect(page.locator(`${FIG} svg.vg-plot`).first()).toHaveAttribute('aria-label', DICT[lang]['widget.deadUnits.chart.network']);
      // The build-time run's numbers (dead units per layer, loss), as Node gets them from the same code and seed.
      const view = trainDead(defaults(DEAD_SCHEMA), STATIC_STEPS);
      expect(((await page.locator(`${FIG} noscript .fig-summary`).textContent()) ?? '').trim()).toBe(deadSummary(view, DICT[lang], lang));
    });
  }
});

for (const lang of ['es', 'en'] as const) {
  const t = DICT[lang];
  test.describe(lang, () => {
    test('a negative bias init kills units: the summary counts and the grey nodes match the library', async ({ page }) => {
      await page.goto(`/${lang}/leaky-relu/`);
      await hydrated(page, FIG);
      const fig = page.locator(FIG);
      const bias = fig.getByRole('slider', { name: t['widget.deadUnits.biasInit'] });
      await bias.focus();
      await page.keyboard.press('Home');
      await expect(bias).toHaveValue(String(DEAD_SCHEMA.biasInit.min));
      for (let k = 0; k < 5; k++) await page.keyboard.press('ArrowRight');
      const b = Number((DEAD_SCHEMA.biasInit.min + 5 * DEAD_SCHEMA.biasInit.step).toFixed(1));
      await expect(bias).toHaveValue(String(b));
      await expect(page).toHaveURL(new RegExp(`dead-units\\.biasInit=${b}`));
      const counts = expectedAtStart({ biasInit: b });
      const total = counts.reduce((a, c) => a + c, 0);
      expect(total).toBeGreaterThan(8); // the experiment only says something if units die
      // A new configuration starts paused at step 0. (The summary updates at most once a
      // second, so wait for the one that describes this configuration.)
      const per = lang === 'es' ? ['en la capa oculta 1', 'en la 2', 'en la 3'] : ['in hidden layer 1', 'in layer 2', 'in layer 3'];
      const phrases = counts.map((c, l) => `${c} ${lang === 'es' ? 'de' : 'of'} 8 ${per[l]}`);
      const start = lang === 'es' ? 'Paso 0. Unidades muertas: ' : 'Step 0. Dead units: ';
      await expect.poll(() => summaryText(page), { timeout: 10_000 }).toContain(start + phrases[0]);
      const text = await summaryText(page);
      for (const p of phrases) expect(text).toContain(p);
      await expect.poll(() => greyNodes(page), { timeout: 5000 }).toBe(total);
    });

    test('switching to leaky ReLU on the same seed leaves no dead unit; the α slider redraws the small chart', async ({ page }) => {
      await page.goto(`/${lang}/leaky-relu/?dead-units.biasInit=-1`);
      await hydrated(page, FIG);
      const fig = page.locator(FIG);
      await expect.poll(() => greyNodes(page), { timeout: 5000 }).toBeGreaterThan(0);
      await fig.getByRole('radio', { name: t['kit.act.leakyRelu'] }).check();
      await expect(page).toHaveURL(/dead-units\.activation=leakyRelu/);
      await expect.poll(() => greyNodes(page), { timeout: 5000 }).toBe(0);
      const silent = expectedAtStart({ biasInit: -1, activation: 'leakyRelu' }).reduce((a, c) => a + c, 0);
      expect(silent).toBeGreaterThan(0);
      const start = lang === 'es' ? 'Paso 0. Con leaky ReLU' : 'Step 0. With leaky ReLU';
      await expect.poll(() => summaryText(page), { timeout: 10_000 }).toContain(start);
      expect(await summaryText(page)).toContain(lang === 'es' ? `aunque ${silent} son negativas` : `although ${silent} units are negative on every input`);
      // α: End takes it to 0.3, shown as 0,3 / 0.3 in the chart's accessible name.
      const alpha = fig.getByRole('slider', { name: t['widget.deadUnits.alpha'] });
      await alpha.focus();
      await page.keyboard.press('End');
      await expect(alpha).toHaveValue(String(DEAD_SCHEMA.alpha.max));
      const shown = lang === 'es' ? '0,3' : '0.3';
      await expect(fig.locator(`svg.vg-plot[aria-label*="α = ${shown}"]`)).toHaveCount(1);
      await expect.poll(async () => summaryText(page), { timeout: 5000 }).toContain(`α = ${shown}`);
    });

    test('share link round trip', async ({ page }) => {
      await page.goto(`/${lang}/leaky-relu/`);
      await hydrated(page, FIG);
      const fig = page.locator(FIG);
      await fig.getByLabel(t['widget.deadUnits.lr'], { exact: true }).selectOption('2');
      await fig.getByRole('radio', { name: t['kit.act.leakyRelu'] }).check();
      await fig.getByRole('slider', { name: t['widget.deadUnits.alpha'] }).focus();
      await page.keyboard.press('ArrowRight');
      await expect(page).toHaveURL(/dead-units\.lr=2/);
      await expect(page).toHaveURL(/dead-units\.alpha=0\.02/);
      const url = page.url();
      await page.goto('about:blank');
      await page.goto(url);
      await hydrated(page, FIG);
      await expect(fig.getByLabel(t['widget.deadUnits.lr'], { exact: true })).toHaveValue('2');
      await expect(fig.getByRole('radio', { name: t['kit.act.leakyRelu'] })).toBeChecked();
      await expect(fig.getByRole('slider', { name: t['widget.deadUnits.alpha'] })).toHaveValue('0.02');
    });
  });
}
