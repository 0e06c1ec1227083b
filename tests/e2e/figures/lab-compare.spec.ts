import { test, expect, type Page } from '@playwright/test';
import { DICT, LANGS, hydrated, stepCount, t, type Lang } from '../helpers.ts';

const LAB = '#lab';
/** A small network, so every run gets somewhere within a second or two. */
const SMALL = 'lab.depth=3&lab.width=8&lab.points=120&lab.lr=0.3';

const pinLabel = (lang: Lang, n: number) => t(lang, 'widget.lab.compare.pinLabel', { n });
const lossChart = (page: Page) => page.locator(`${LAB} [data-chart="loss"] svg.vg-plot`).first();
const ghostsOf = (page: Page, chart: string) => page.locator(`${LAB} [data-chart="${chart}"] svg.vg-plot g.chart-ghost`);

/** Waits until the current run has trained past `steps` (the counter is the lab's step count). */
async function trainedPast(page: Page, steps: number) {
  await expect.poll(() => stepCount(page, LAB), { timeout: 30_000 }).toBeGreaterThan(steps);
}

for (const lang of LANGS) {
  const d = DICT[lang];
  test.describe(`${lang}: runs compared`, () => {
    test('pin two runs: both are ghosts on the charts with their differences listed; Reset keeps them; one can be removed', async ({ page }) => {
      await page.goto(`/${lang}/lab/?${SMALL}`);
      await hydrated(page, LAB);
      const lab = page.locator(LAB);
      const pin = lab.getByRole('button', { name: d['widget.lab.compare.pin'], exact: true });
      await trainedPast(page, 20);
      await pin.click();
      const list = lab.getByRole('list', { name: d['widget.lab.compare.pinned'] });
      await expect(list.getByRole('listitem')).toHaveCount(1);
      await expect(list.getByRole('listitem').first()).toContainText(pinLabel(lang, 1));
      await expect(list.getByRole('listitem').first()).toContainText(d['widget.lab.compare.pinSame']);

      // A second run with one layer more.
      const depth = lab.getByRole('slider', { name: d['widget.lab.depth'] });
      await depth.focus();
      await page.keyboard.press('ArrowRight');
      await expect(depth).toHaveValue('4');
      await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('lab.depth'))).toBe('4');
      // A new setting starts a new run, paused at step 0.
      await lab.getByRole('button', { name: d['kit.play'], exact: true }).click();
      await trainedPast(page, 20);
      await pin.click();
      await expect(list.getByRole('listitem')).toHaveCount(2);
      // Run 1 now differs from the current run (depth 4) in its depth, said in plain words.
      const first = list.locator('[data-pin="1"]');
      await expect(first).toContainText(t(lang, 'widget.lab.compare.pinDiff', { name: d['widget.lab.compare.name.depth'], value: '3', now: '4' }));
      await expect(list.locator('[data-pin="2"]')).toContainText(d['widget.lab.compare.pinSame']);

      // Both are ghosts, labelled, on the loss chart and on the per-layer gradient chart.
      for (const chart of ['loss', 'grad']) {
        // A chart card far below the screen is not redrawn (ChartCard, useInView with a 300 px
        // margin): the reader scrolls to it, as here. At 1280 x 720 the gradient chart sat 9 px
        // past that margin, and whether it kept drawing depended on where the page had scrolled.
        await page.locator(`${LAB} [data-chart="${chart}"]`).scrollIntoViewIfNeeded();
        await expect(ghostsOf(page, chart)).toHaveCount(2);
        await expect(ghostsOf(page, chart).nth(0)).toHaveAttribute('aria-description', pinLabel(lang, 1));
        await expect(page.locator(`${LAB} [data-chart="${chart}"] g.chart-ghost-label text`)).toHaveText([pinLabel(lang, 1), pinLabel(lang, 2)]);
      }

      // Reset restarts the current run only.
      await lab.getByRole('button', { name: d['kit.reset'], exact: true }).click();
      await expect(list.getByRole('listitem')).toHaveCount(2);
      await expect(ghostsOf(page, 'loss')).toHaveCount(2);

      await lab.getByRole('button', { name: t(lang, 'widget.lab.compare.unpinNamed', { name: pinLabel(lang, 1) }) }).click();
      await expect(list.getByRole('listitem')).toHaveCount(1);
      await expect(ghostsOf(page, 'loss')).toHaveCount(1);
      await expect(ghostsOf(page, 'loss').first()).toHaveAttribute('aria-description', pinLabel(lang, 2));
    });

    test('an A/B link opened fresh trains both, lists their differences and overlays B on the charts', async ({ page }) => {
      await page.goto(`/${lang}/lab/?${SMALL}&labB.compare=1&labB.activation=relu&labB.lr=0.03`);
      await hydrated(page, LAB);
      const lab = page.locator(LAB);
      const ab = lab.getByRole('group', { name: d['widget.lab.compare.abTitle'] });
      const act = t(lang, 'widget.lab.compare.abDiff', { name: d['widget.lab.compare.name.activation'], a: d['widget.lab.compare.v.activation.tanh'], b: d['widget.lab.compare.v.activation.relu'] });
      const lr = t(lang, 'widget.lab.compare.abDiff', { name: d['widget.lab.compare.name.lr'], a: lang === 'es' ? '0,3' : '0.3', b: lang === 'es' ? '0,03' : '0.03' });
      await expect(ab).toContainText(act);
      await expect(ab).toContainText(lr);
      await expect(lab.getByRole('button', { name: d['widget.lab.compare.ab'], exact: true })).toHaveAttribute('aria-pressed', 'true');
      // B's own controls hold B's values.
      await expect(ab.getByRole('combobox', { name: t(lang, 'widget.lab.compare.bValue', { name: d['widget.lab.compare.name.activation'] }) })).toHaveValue('relu');
      await trainedPast(page, 20);
      const labels = await lossChart(page).locator('text').allTextContents();
      // Each side's training loss is labelled by its letter, its test loss by letter and role.
      for (const side of ['a', 'b']) {
        expect(labels).toContain(d[`widget.lab.compare.side.${side}`]);
        expect(labels).toContain(t(lang, 'widget.lab.compare.series', { side: d[`widget.lab.compare.side.${side}`], name: d['widget.lab.compare.short.test'] }));
      }
      // The link still holds the comparison (the address bar is the share link).
      const search = await page.evaluate(() => location.search);
      expect(new URLSearchParams(search).get('labB.activation')).toBe('relu');
    });

    test('when B diverges, the alert names B and A keeps training; each side has its own status', async ({ page }) => {
      await page.goto(`/${lang}/lab/?${SMALL}&labB.compare=1&labB.lr=10&labB.init=customNormal&labB.initScale=3&labB.activation=relu&labB.depth=6&labB.width=32`);
      await hydrated(page, LAB);
      const lab = page.locator(LAB);
      const alert = lab.locator('.fig-alert');
      await expect(alert).toContainText(d['widget.lab.compare.trainsOn'].replace('{side}', d['widget.lab.compare.side.a']), { timeout: 30_000 });
      await expect(alert).toContainText(new RegExp(`^${d['widget.lab.compare.side.b']} `));
      const at = await stepCount(page, LAB);
      // A trains on past the step where B stopped.
      await trainedPast(page, at + 20);
      await expect(lab.getByRole('list', { name: d['widget.lab.compare.statusTitle'] }).getByRole('listitem')).toHaveCount(2);
      await expect(alert.getByRole('button', { name: d['widget.lab.compare.resetBoth'] })).toBeVisible();
    });

    test('tampered B fields in a link are refused with a notice; the rest of the comparison stands', async ({ page }) => {
      await page.goto(`/${lang}/lab/?${SMALL}&labB.compare=1&labB.depth=abc&labB.activation=relu`);
      await hydrated(page, LAB);
      const lab = page.locator(LAB);
      await expect(lab.locator('.lab-compare .fig-notice')).toContainText(d['widget.lab.compare.bRejected']);
      await expect(lab.locator('.lab-compare .fig-notice')).toContainText('abc');
      await expect(lab.getByRole('group', { name: d['widget.lab.compare.abTitle'] })).toContainText(d['widget.lab.compare.v.activation.relu']);
    });
  });
}

test.describe('Open in the lab', () => {
  test('from relu-vs-sigmoid: the link carries the figure\'s current settings as an A/B comparison, and survives the language switch', async ({ page }) => {
    await page.goto('/es/relu/');
    const FIG = '#relu-vs-sigmoid';
    await hydrated(page, FIG);
    const fig = page.locator(FIG);
    // Change the figure first: the link must follow the state on screen, not the defaults.
    const depth = fig.getByRole('slider', { name: DICT.es['widget.reluVsSigmoid.depth'] });
    const before = Number(await depth.inputValue());
    await depth.focus();
    await page.keyboard.press('ArrowRight');
    await expect(depth).toHaveValue(String(before + 1));
    const link = fig.getByRole('link', { name: DICT.es['kit.openInLab'] });
    await expect(link).toHaveAttribute('href', new RegExp(`lab\\.depth=${before + 1}`));
    await link.click();
    await expect(page).toHaveURL(/\/es\/lab\/\?/);
    await hydrated(page, LAB);
    const lab = page.locator(LAB);
    await expect(lab.getByRole('slider', { name: DICT.es['widget.lab.depth'] })).toHaveValue(String(before + 1));
    const diff = (lang: Lang) => t(lang, 'widget.lab.compare.abDiff', { name: DICT[lang]['widget.lab.compare.name.activation'], a: DICT[lang]['widget.lab.compare.v.activation.sigmoid'], b: DICT[lang]['widget.lab.compare.v.activation.relu'] });
    await expect(lab.getByRole('group', { name: DICT.es['widget.lab.compare.abTitle'] })).toContainText(diff('es'));

    // The language switcher carries the whole experiment, B included.
    await page.locator('a[data-lang-switch]').first().click();
    await expect(page).toHaveURL(/\/en\/lab\/\?/);
    await hydrated(page, LAB);
    const en = page.locator(LAB);
    await expect(en.getByRole('slider', { name: DICT.en['widget.lab.depth'] })).toHaveValue(String(before + 1));
    await expect(en.getByRole('group', { name: DICT.en['widget.lab.compare.abTitle'] })).toContainText(diff('en'));
  });

  test('from dead-units (one run): the lab opens with its activation, initialisation and bias, in English too', async ({ page }) => {
    await page.goto('/en/leaky-relu/');
    const FIG = '#dead-units';
    await hydrated(page, FIG);
    const link = page.locator(FIG).getByRole('link', { name: DICT.en['kit.openInLab'] });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).not.toContain('labB.');
    await link.click();
    await hydrated(page, LAB);
    const lab = page.locator(LAB);
    await expect(lab.getByRole('combobox', { name: DICT.en['widget.lab.activation'] })).toHaveValue(/relu/i);
    await expect(lab.getByRole('combobox', { name: DICT.en['widget.lab.init'] })).toHaveValue('heNormal');
    // No comparison: one run, no A/B panel.
    await expect(lab.getByRole('group', { name: DICT.en['widget.lab.compare.abTitle'] })).toHaveCount(0);
    await expect(lab.getByRole('button', { name: DICT.en['widget.lab.compare.ab'], exact: true })).toHaveAttribute('aria-pressed', 'false');
  });
});
