import { test, expect, type Page } from '@playwright/test';
import { DICT, hydrated } from '../helpers.ts';
import { formatSci } from '../../../src/widgets/kit/format.ts';
import { createSession } from '../../../src/widgets/runner/session.ts';
import { STATIC_STEPS, raceConfigs } from '../../../src/widgets/intro-race/model.ts';
import { gradientRatio as firstToLast } from '../../../src/widgets/series/index.ts';

const FIG = '#intro-race';
const PATH = (lang: string) => `/${lang}/introduction/`;

/** The first-to-last ratios at step 0, computed here with the worker's own session code. */
const startRatios = (depth: number, seed = 1) => raceConfigs({ depth, seed }).map((c) => firstToLast(createSession(c).state().layers));

const summary = async (page: Page) => (await page.locator(`${FIG} .fig-summary`).first().textContent()) ?? '';
const counter = async (page: Page) => Number(((await page.locator(`${FIG} .ctl-play__counter`).textContent()) ?? '').replace(/[^\d]/g, ''));
const chartHtml = (page: Page) => page.locator(`${FIG} .fig-chart[data-primary="true"] svg`).first().innerHTML();

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of ['es', 'en'] as const) {
    test(`${lang}: the four build-time charts and the summary of a real run`, async ({ page }) => {
      await page.goto(PATH(lang));
      await expect(page.locator(`${FIG} svg.vg-plot`)).toHaveCount(4);
      await expect(page.locator(`${FIG} svg.vg-plot`).first()).toHaveAttribute('aria-label', DICT[lang]['widget.introRace.chart.layers']);
      const text = (await page.locator(`${FIG} noscript`).textContent()) ?? '';
      expect(text).toContain(lang === 'es' ? `Paso ${STATIC_STEPS}.` : `Step ${STATIC_STEPS}.`);
      // By then the sigmoid network has collapsed to the prior; the summary names it.
      expect(text).toContain(DICT[lang]['series.diag.collapsed'].slice(0, 20));
    });
  }
});

for (const lang of ['es', 'en'] as const) {
  const t = DICT[lang];
  test.describe(lang, () => {
    test('autoplays once on screen and trains both networks', async ({ page }) => {
      await page.goto(PATH(lang));
      await hydrated(page, FIG);
      await expect.poll(() => counter(page), { timeout: 20_000 }).toBeGreaterThan(50);
      // Lockstep: the summary names one step for both and reports both losses.
      await expect.poll(() => summary(page), { timeout: 10_000 }).toMatch(lang === 'es' ? /^Paso \d+\. Sigmoide: .* ReLU: / : /^Step \d+\. Sigmoid: .* ReLU: /);
    });

    test('paused at step 0 it shows the computed ratios; "Train both" trains; depth changes the networks', async ({ page }) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(PATH(lang));
      await hydrated(page, FIG);
      const fig = page.locator(FIG);
      const [sig, relu] = startRatios(10);
      await expect.poll(() => summary(page)).toContain(formatSci(sig, lang));
      expect(await summary(page)).toContain(formatSci(relu, lang));
      expect(sig).toBeLessThan(1e-6);
      expect(await counter(page)).toBe(0);
      const before = await chartHtml(page);

      await fig.getByRole('button', { name: t['widget.introRace.play'] }).click();
      await expect.poll(() => counter(page), { timeout: 20_000 }).toBeGreaterThan(20);
      await fig.getByRole('button', { name: t['kit.pause'] }).click();
      // The worker's "paused" snapshot brings back the play button and the final step count.
      await expect(fig.getByRole('button', { name: t['widget.introRace.play'] })).toBeVisible();
      await expect.poll(() => chartHtml(page)).not.toBe(before);
      const stopped = await counter(page);
      await fig.getByRole('button', { name: t['kit.stepMany'].replace('{n}', '5'), exact: true }).click();
      await expect.poll(() => counter(page)).toBe(stopped + 5);

      // Five layers fewer: new networks, paused at step 0, with their own ratios.
      const depth = fig.getByRole('slider', { name: t['widget.introRace.depth'] });
      await depth.focus();
      for (let i = 0; i < 5; i++) await depth.press('ArrowLeft');
      await expect(depth).toHaveValue('5');
      const [sig5, relu5] = startRatios(5);
      await expect.poll(() => summary(page), { timeout: 10_000 }).toContain(formatSci(sig5, lang));
      expect(await summary(page)).toContain(formatSci(relu5, lang));
      expect(sig5).toBeGreaterThan(sig);
      await fig.getByRole('button', { name: t['kit.reset'] }).click();
      await expect.poll(() => counter(page)).toBe(0);
    });

    test('share link: depth and seed survive a reload of the URL', async ({ page }) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(PATH(lang));
      await hydrated(page, FIG);
      const fig = page.locator(FIG);
      await fig.getByRole('slider', { name: t['widget.introRace.depth'] }).fill('4');
      const seed = fig.getByLabel(t['widget.introRace.seed'], { exact: true });
      await seed.fill('7');
      await seed.press('Enter');
      await expect(page).toHaveURL(/intro-race\.depth=4/);
      await expect(page).toHaveURL(/intro-race\.seed=7/);
      await page.goto(page.url());
      await hydrated(page, FIG);
      await expect(fig.getByRole('slider', { name: t['widget.introRace.depth'] })).toHaveValue('4');
      await expect(fig.getByLabel(t['widget.introRace.seed'], { exact: true })).toHaveValue('7');
      const [sig] = startRatios(4, 7);
      await expect.poll(() => summary(page), { timeout: 10_000 }).toContain(formatSci(sig, lang));
    });
  });
}
