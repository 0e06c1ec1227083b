import { test, expect, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { DICT, hydrated, stepCount, t } from '../helpers.ts';

const FIG = '#lab';
const PAGE = (lang: string) => `/${lang}/lab/`;

/** The points drawn on the boundary chart (its dot marks). */
async function pointCount(page: Page): Promise<number> {
  // The first dot mark holds the data, drawn as one path per class with a subpath (an M) per
  // point (charts/compactDots.ts); a second one is the keyboard crosshair's ring. Read in one
  // evaluate: a locator's evaluate waits for its element, and a redraw that drops the mark
  // between a count and the read (all points removed) left it waiting past the poll's timeout.
  return page.evaluate((sel) => {
    const g = document.querySelector(sel);
    return g ? Array.from(g.children).reduce((n, p) => n + (p.getAttribute('d') ?? '').split('M').length - 1, 0) : 0;
  }, `${FIG} [data-chart="boundary"] .fig-chart__live svg g[aria-label="dot"]`);
}

async function pause(page: Page, lang: 'es' | 'en') {
  const pauseButton = page.locator(FIG).getByRole('button', { name: t(lang, 'kit.pause') });
  if (await pauseButton.count()) await pauseButton.click();
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('es: the build-time charts, the summary and the note are there', async ({ page }) => {
    await page.goto(PAGE('es'));
    await expect(page.locator(`${FIG} svg.vg-plot`)).toHaveCount(9);
    await expect(page.locator(`${FIG} svg.vg-plot`).first()).toHaveAttribute('aria-label', DICT.es['widget.lab.chart.boundary']);
    expect(await page.locator(FIG).innerHTML()).toContain('Paso 200.');
  });
});

for (const lang of ['es', 'en'] as const) {
  test(`${lang}: trains live, names what it sees, and skips ahead without drawing`, async ({ page }) => {
    await page.goto(PAGE(lang));
    await hydrated(page, FIG);
    const fig = page.locator(FIG);
    await expect.poll(() => stepCount(page, FIG), { timeout: 20_000 }).toBeGreaterThan(20);
    await expect(fig.locator('.lab-status')).toHaveAttribute('data-status', 'healthy');
    await expect(fig.locator('.lab-status')).toContainText(t(lang, 'widget.lab.status.healthy').split(':')[0]);
    await pause(page, lang);
    const before = await stepCount(page, FIG);
    await fig.getByRole('button', { name: t(lang, 'widget.lab.skipButton', { n: lang === 'es' ? '1000' : '1,000' }) }).click();
    await expect.poll(() => stepCount(page, FIG), { timeout: 60_000 }).toBeGreaterThanOrEqual(before + 1000);
    // Once the jump lands, the status line describes the step it reached.
    await expect.poll(async () => Number(await fig.locator('.lab-status').getAttribute('data-step')), { timeout: 10_000 }).toBeGreaterThanOrEqual(before + 1000);
  });
}

test('en: a sigmoid network ten layers deep is called vanishing, from a link', async ({ page }) => {
  await page.goto(`${PAGE('en')}?lab.depth=10&lab.activation=sigmoid&lab.init=classic&lab.lr=1`);
  await hydrated(page, FIG);
  await expect(page.locator(`${FIG} .lab-status`)).toHaveAttribute('data-status', /vanishing|collapsed/, { timeout: 20_000 });
});

test('en: a tampered link is refused with a notice and the defaults stay', async ({ page }) => {
  await page.goto(`${PAGE('en')}?lab.depth=999&lab.activation=%3Cscript%3E&labpts=zz.zz.9`);
  await hydrated(page, FIG);
  const notice = page.locator(`${FIG} .fig-notice`);
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText('“depth” = “999” is out of range: 50 is used.');
  await expect(notice).toContainText('“labpts”');
});

test('en: a click adds a point, a click on it removes it, and the keyboard adds one too', async ({ page }) => {
  await page.goto(PAGE('en'));
  await hydrated(page, FIG);
  await pause(page, 'en');
  const fig = page.locator(FIG);
  const chart = fig.locator('[data-chart="boundary"] .lab-editor__chart');
  const start = await pointCount(page);
  expect(start).toBeGreaterThan(100);
  // Click the chart's centre: a point of the chosen class joins the data, which become the reader's own.
  // Each redraw replaces the live SVG, so a box read while one is swapped in comes back null:
  // read it until there is one.
  const liveBox = async () => {
    let b: Awaited<ReturnType<Locator['boundingBox']>> = null;
    await expect.poll(async () => (b = await chart.locator('.fig-chart__live svg').boundingBox()) !== null).toBe(true);
    return b!;
  };
  const box = await liveBox();
  await page.mouse.click(box.x + box.width * 0.88, box.y + box.height * 0.2);
  await expect(fig.getByLabel(t('en', 'widget.lab.dataset'))).toHaveValue('custom');
  await expect.poll(() => pointCount(page)).toBe(start + 1);
  expect(new URL(page.url()).searchParams.get('lab.dataset')).toBe('custom');
  expect(new URL(page.url()).searchParams.get('labpts')?.split('_')).toHaveLength(start + 1);
  // A click on that point removes it again. The chart is measured again first: the status
  // line above it follows the run and can wrap onto another line, moving the chart down.
  const again = await liveBox();
  await page.mouse.click(again.x + again.width * 0.88, again.y + again.height * 0.2);
  await expect.poll(() => pointCount(page)).toBe(start);
  await expect(fig.getByText(/^Point removed at/)).toBeAttached();
  await fig.getByRole('button', { name: t('en', 'widget.lab.clearPoints') }).click();
  await expect.poll(() => pointCount(page)).toBe(0);
  // Keyboard: focus the chart, move the crosshair, Enter adds; Delete removes.
  await chart.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Enter');
  await expect.poll(() => pointCount(page)).toBe(2);
  await expect(fig.getByText('Point added at (−0.15, 0.05), Class B (circles).')).toBeAttached();
  expect(new URL(page.url()).searchParams.get('labpts')).toMatch(/^[0-9a-z.\-_]+$/);
  await page.keyboard.press('Delete');
  await expect.poll(() => pointCount(page)).toBe(1);
  // The link carries the points: a reload trains on the same data.
  await page.reload();
  await hydrated(page, FIG);
  await expect.poll(() => pointCount(page)).toBe(1);
});

test('en: pasted CSV with a bad row names it and keeps the good ones', async ({ page }) => {
  await page.goto(PAGE('en'));
  await hydrated(page, FIG);
  await pause(page, 'en');
  const fig = page.locator(FIG);
  await fig.locator('details[data-section="data"] > summary').scrollIntoViewIfNeeded();
  const data = fig.locator('details[data-section="data"]');
  if (!(await data.evaluate((d) => (d as HTMLDetailsElement).open))) await data.locator('summary').click();
  await fig.getByLabel(t('en', 'widget.lab.csv.label')).fill('x,y,label\n0.5,0.5,1\n-0.5,-0.5,0\n0.1,oops,1\n0.2,0.2,7\n');
  await fig.getByRole('button', { name: t('en', 'widget.lab.csv.replace') }).click();
  await expect(fig.getByText(t('en', 'widget.lab.csv.added', { n: 2 }))).toBeVisible();
  await expect(fig.getByText(t('en', 'widget.lab.csv.bad.number', { line: 4 }))).toBeVisible();
  await expect(fig.getByText(t('en', 'widget.lab.csv.bad.label', { line: 5 }))).toBeVisible();
  await expect(fig.getByLabel(t('en', 'widget.lab.dataset'))).toHaveValue('custom');
  await expect.poll(() => pointCount(page)).toBe(2);
});

test('en: "Export as PyTorch script" downloads lab_experiment.py with the network in it', async ({ page }) => {
  await page.goto(`${PAGE('en')}?lab.depth=3&lab.width=12&lab.activation=relu`);
  await hydrated(page, FIG);
  await pause(page, 'en');
  const fig = page.locator(FIG);
  const exp = fig.locator('details[data-section="export"]');
  if (!(await exp.evaluate((d) => (d as HTMLDetailsElement).open))) await exp.locator('summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name: t('en', 'widget.lab.export.torch') }).click()]);
  expect(download.suggestedFilename()).toBe('lab_experiment.py');
  const text = await readFile((await download.path())!, 'utf8');
  expect(text).toContain('SIZES = [2, 12, 12, 12, 1]');
  expect(text).toContain('ACTIVATION = "relu"');
  expect(text).toContain('class Net(torch.nn.Module)');
  // Each chart saves with its title, the settings and the credit in the file.
  const [svg] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name: t('en', 'widget.lab.saveSvg', { chart: t('en', 'widget.lab.chart.grad') }) }).click()]);
  expect(svg.suggestedFilename()).toBe('lab-grad.svg');
  const svgText = await readFile((await svg.path())!, 'utf8');
  for (const want of [t('en', 'widget.lab.chart.grad'), '3 hidden layers × 12 units, ReLU', t('en', 'widget.lab.credit')]) expect(svgText).toContain(want);
  const [csv] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name: t('en', 'widget.lab.export.csv') }).click()]);
  const history = await readFile((await csv.path())!, 'utf8');
  expect(history.split('\n')[1]).toMatch(/^step,loss,test_loss,train_accuracy,test_accuracy,grad_L1,/);
});

test('en: one step per frame trains step by step, and Pause stops it', async ({ page }) => {
  await page.goto(`${PAGE('en')}?lab.speed=frame`);
  await hydrated(page, FIG);
  await expect.poll(() => stepCount(page, FIG), { timeout: 20_000 }).toBeGreaterThan(5);
  await pause(page, 'en');
  const stopped = await stepCount(page, FIG);
  await page.waitForTimeout(500); // a window in which a running loop would have stepped
  expect(await stepCount(page, FIG)).toBeLessThanOrEqual(stopped + 1);
});

test('en: per-layer activations train, go into the link and come back from it; a wrong-length list is refused', async ({ page }) => {
  await page.goto(`${PAGE('en')}?lab.depth=4&lab.width=8&lab.optimizer=adam&lab.eps=0.001`);
  await hydrated(page, FIG);
  await pause(page, 'en');
  const fig = page.locator(FIG);
  const arch = fig.locator('details[data-section="architecture"]');
  if (!(await arch.evaluate((d) => (d as HTMLDetailsElement).open))) await arch.locator('summary').click();
  await fig.getByLabel(t('en', 'widget.lab.actMode'), { exact: true }).selectOption('perLayer');
  const list = fig.getByRole('group', { name: t('en', 'widget.lab.actsGroup') });
  await expect(list.getByRole('combobox')).toHaveCount(4);
  const layer = (i: number) => list.getByLabel(t('en', 'widget.lab.actLayer', { i }), { exact: true });
  // A block through the range editor, then single layers.
  await fig.getByLabel(t('en', 'widget.lab.actsFrom'), { exact: true }).selectOption('1');
  await fig.getByLabel(t('en', 'widget.lab.actsTo'), { exact: true }).selectOption('3');
  await fig.getByLabel(t('en', 'widget.lab.actsAct'), { exact: true }).selectOption('relu');
  await fig.getByRole('button', { name: t('en', 'widget.lab.actsApply', { from: 1, to: 3 }) }).click();
  await expect(layer(3)).toHaveValue('relu');
  await layer(3).selectOption('sigmoid');
  await layer(4).selectOption('leakyRelu');
  // Leaky ReLU has a slope, so its α appears.
  await expect(fig.getByLabel(t('en', 'widget.lab.leakyAlpha'))).toHaveCount(1);
  await expect.poll(() => new URL(page.url()).searchParams.get('labacts')).toBe('relu*2,sigmoid,leakyRelu');
  await fig.getByRole('button', { name: t('en', 'kit.play') }).click();
  await expect.poll(() => stepCount(page, FIG), { timeout: 20_000 }).toBeGreaterThan(5);
  await pause(page, 'en');
  // Adam's ε from the link is in its field.
  await expect(fig.getByLabel(t('en', 'widget.lab.eps'))).toHaveValue(/0\.001/);

  await page.goto(page.url());
  await hydrated(page, FIG);
  await expect(page.locator(`${FIG} .fig-notice`)).toHaveCount(0);
  const arch2 = page.locator(FIG).locator('details[data-section="architecture"]');
  if (!(await arch2.evaluate((d) => (d as HTMLDetailsElement).open))) await arch2.locator('summary').click();
  await expect(page.locator(FIG).getByLabel(t('en', 'widget.lab.actMode'), { exact: true })).toHaveValue('perLayer');
  await expect(layer(1)).toHaveValue('relu');
  await expect(layer(3)).toHaveValue('sigmoid');
  await expect(layer(4)).toHaveValue('leakyRelu');

  await page.goto(`${PAGE('en')}?lab.depth=4&lab.actMode=perLayer&labacts=relu*3`);
  await hydrated(page, FIG);
  await expect(page.locator(`${FIG} .fig-notice`)).toContainText('“labacts”');
  const arch3 = page.locator(FIG).locator('details[data-section="architecture"]');
  if (!(await arch3.evaluate((d) => (d as HTMLDetailsElement).open))) await arch3.locator('summary').click();
  // Refused whole: every layer falls back to the global activation.
  for (const i of [1, 2, 3, 4]) await expect(layer(i)).toHaveValue('tanh');
});

test('375 px: the charts come before the controls, which are grouped and closed', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(PAGE('en'));
  await hydrated(page, FIG);
  const chartsTop = (await page.locator(`${FIG} .lab-charts`).boundingBox())!.y;
  const controlsTop = (await page.locator(`${FIG} .lab-side`).boundingBox())!.y;
  expect(chartsTop).toBeLessThan(controlsTop);
  await expect(page.locator(`${FIG} details.lab-section[open]`)).toHaveCount(0);
  await expect(page.locator(`${FIG} details.lab-section`)).toHaveCount(6);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`es (${scheme}): no axe violations once live, with every group open and the crosshair showing`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    // Dark also checks the per-layer editor, with leaky ReLU and ELU layers sharing one α.
    await page.goto(`${PAGE('es')}?lab.activation=leakyRelu&lab.residual=1&lab.init=customNormal&lab.optimizer=adam${scheme === 'dark' ? '&lab.actMode=perLayer&labacts=leakyRelu*3,elu,tanh*2' : ''}`);
    await hydrated(page, FIG);
    await expect.poll(() => stepCount(page, FIG), { timeout: 20_000 }).toBeGreaterThan(20);
    await pause(page, 'es');
    for (const d of await page.locator(`${FIG} details.lab-section`).all()) if (!(await d.evaluate((x) => (x as HTMLDetailsElement).open))) await d.locator('summary').click();
    await page.locator(`${FIG} .lab-editor__chart`).focus();
    await page.keyboard.press('ArrowRight');
    const axe = await new AxeBuilder({ page }).include(FIG).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
  });
}
