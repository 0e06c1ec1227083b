import { test, expect, type Page } from '@playwright/test';
import { DICT, hydrated, summaryText, tableRows, type Lang } from '../helpers.ts';
import { defaults } from '../../../src/widgets/kit/params.ts';
import { phaseSummary, phaseTable } from '../../../src/widgets/phase-diagram/view.ts';
import { PHASE_SCHEMA, probe } from '../../../src/widgets/phase-diagram/model.ts';

const FIG = '#phase-diagram';
const PAGE = (lang: string) => `/${lang}/signal-propagation/`;

const summary = (page: Page) => page.locator(`${FIG} .fig-summary`).first();
/** σw² and σb² as the summary states them. */
async function point(page: Page, lang: Lang) {
  const text = (await summary(page).textContent()) ?? '';
  const m = text.match(/σw² = ([\d.,]+), σb² = ([\d.,]+)/);
  const num = (x: string) => Number(lang === 'es' ? x.replace(',', '.') : x);
  return m ? { sw2: num(m[1]), sb2: num(m[2]) } : { sw2: NaN, sb2: NaN };
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of ['es', 'en'] as const) {
    test(`${lang}: the build-time map, the two live-network charts and the summary are there`, async ({ page }) => {
      await page.goto(PAGE(lang));
      await expect(page.locator(`${FIG} svg.vg-plot`)).toHaveCount(3);
      await expect(page.locator(`${FIG} svg.vg-plot`).nth(1)).toHaveAttribute('aria-label', DICT[lang]['widget.phaseDiagram.chart.ratio']);
      expect(await page.locator(FIG).innerHTML()).toContain('χ1 = ');
      // The live network's numbers at the default point, as Node gets them from the same code.
      const p = probe(defaults(PHASE_SCHEMA));
      expect(await summaryText(page, FIG)).toBe(phaseSummary(p, DICT[lang], lang));
      expect(await tableRows(page, FIG)).toHaveLength(phaseTable(p, DICT[lang]).rows.length);
    });
  }
});

for (const lang of ['es', 'en'] as const) {
  const t = DICT[lang];
  test.describe(lang, () => {
    test('a click on the map picks the point under the pointer; the live network follows', async ({ page }) => {
      await page.goto(PAGE(lang));
      await hydrated(page, FIG);
      const fig = page.locator(FIG);
      expect(await point(page, lang)).toEqual({ sw2: PHASE_SCHEMA.sw2.default, sb2: PHASE_SCHEMA.sb2.default });
      const ratio = fig.locator('.fig-chart').nth(1);
      const before = await ratio.innerHTML();
      // Click three quarters of the way along the plotting area and half-way up.
      const svg = fig.locator('[data-map="true"] svg.vg-plot');
      const box = (await svg.boundingBox())!;
      const vb = await svg.evaluate((el) => [(el as SVGSVGElement).viewBox.baseVal.width, (el as SVGSVGElement).viewBox.baseVal.height]);
      const sx = box.width / vb[0];
      const sy = box.height / vb[1];
      // Margins from charts/common.ts: left 56, right 16, top 16, bottom 40.
      await page.mouse.click(box.x + (56 + 0.75 * (vb[0] - 72)) * sx, box.y + (16 + 0.5 * (vb[1] - 56)) * sy);
      const [lo, hi] = [PHASE_SCHEMA.sw2.min, PHASE_SCHEMA.sw2.max];
      await expect.poll(async () => (await point(page, lang)).sw2).toBeGreaterThan(lo + 0.7 * (hi - lo));
      const p = await point(page, lang);
      expect(p.sw2).toBeLessThan(lo + 0.8 * (hi - lo));
      expect(p.sb2).toBeGreaterThan(0.2);
      expect(p.sb2).toBeLessThan(0.3);
      await expect(summary(page)).toContainText(t['widget.phaseDiagram.phase.chaotic']);
      await expect.poll(() => ratio.innerHTML(), { timeout: 10_000 }).not.toBe(before);
      await expect(page).toHaveURL(/phase-diagram\.sw2=/);
    });

    test('the map moves the point from the keyboard; the link keeps it and the activation', async ({ page }) => {
      await page.goto(PAGE(lang));
      await hydrated(page, FIG);
      const fig = page.locator(FIG);
      await fig.getByRole('radio', { name: t['kit.act.relu'] }).check();
      const map = fig.locator('[data-map="true"]');
      await map.focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowUp');
      await expect.poll(() => point(page, lang)).toEqual({ sw2: PHASE_SCHEMA.sw2.default + PHASE_SCHEMA.sw2.step, sb2: PHASE_SCHEMA.sb2.default + PHASE_SCHEMA.sb2.step });
      await expect(summary(page)).toContainText(t['widget.phaseDiagram.phase.ordered']);
      await expect(page).toHaveURL(/phase-diagram\.activation=relu/);
      const url = page.url();
      await page.goto('about:blank');
      await page.goto(url);
      await hydrated(page, FIG);
      await expect(fig.getByRole('radio', { name: t['kit.act.relu'] })).toBeChecked();
      await expect(fig.getByRole('slider', { name: t['widget.phaseDiagram.sw2'] })).toHaveValue(String(PHASE_SCHEMA.sw2.default + PHASE_SCHEMA.sw2.step));
      await fig.getByText(t['kit.showData']).click();
      await expect(fig.locator('.fig-data tbody tr')).toHaveCount(PHASE_SCHEMA.depth.default);
    });
  });
}
