import { test, expect, type Page } from '@playwright/test';
import { createSession } from '../../src/widgets/runner/session.ts';
import { labConfig, LAB_SCHEMA } from '../../src/widgets/vanishing-lab/model.ts';
import { defaults } from '../../src/widgets/kit/params.ts';
import { formatNumber } from '../../src/widgets/kit/format.ts';

const LAB = '#vanishing-lab';

async function hydrated(page: Page, sel = LAB) {
  await page.locator(sel).scrollIntoViewIfNeeded();
  await expect(page.locator(`${sel} [data-hydrated="true"]`)).toHaveCount(1);
  await expect(page.locator(`${sel} .fig-chart[data-live="true"]`).first()).toBeVisible();
}

const stepOf = async (page: Page) => Number((await page.locator(`${LAB} .ctl-play__counter`).textContent())!.replace(/\D/g, ''));

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of ['es', 'en']) {
    test(`${lang}: every figure on the kit page shows its build-time SVG charts`, async ({ page }) => {
      await page.goto(`/${lang}/kit/`);
      expect(await page.locator('#kit-gallery svg.vg-plot').count()).toBe(7);
      expect(await page.locator(`${LAB} svg.vg-plot`).count()).toBe(4);
      await expect(page.locator(`${LAB} svg.vg-plot`).first()).toHaveAttribute('role', 'img');
    });
  }
});

test('after hydration every chart slot holds exactly one chart', async ({ page }) => {
  await page.goto('/en/kit/');
  for (const sel of ['#kit-gallery', LAB]) {
    await hydrated(page, sel);
    const slots = page.locator(`${sel} .fig-chart`);
    const n = await slots.count();
    expect(n).toBeGreaterThan(3);
    for (let i = 0; i < n; i++) await expect(slots.nth(i).locator('svg.vg-plot')).toHaveCount(1);
  }
});

test('controls work from the keyboard and write the experiment into the URL', async ({ page }) => {
  await page.goto('/en/kit/');
  await hydrated(page);
  const depth = page.getByRole('slider', { name: 'Hidden layers' });
  await depth.focus();
  await page.keyboard.press('ArrowRight');
  await expect(depth).toHaveValue('11');
  await page.keyboard.press('End');
  await expect(depth).toHaveValue('30');
  await expect(page).toHaveURL(/vanishing-lab\.depth=30/);
  const act = page.getByLabel('Activation', { exact: true }).last();
  await act.selectOption('relu');
  await expect(page).toHaveURL(/vanishing-lab\.activation=relu/);
});

test('a typed value out of range is clamped and the control says so', async ({ page }) => {
  await page.goto('/en/kit/');
  await hydrated(page);
  const seed = page.getByLabel('Seed').last();
  await seed.fill('123456');
  await seed.press('Enter');
  await expect(seed).toHaveValue('9999');
  await expect(page.locator(LAB).getByText('Seed: the maximum is 9,999; set to 9,999.')).toBeVisible();
  await seed.fill('abc');
  await seed.press('Enter');
  await expect(page.locator(LAB).getByText(/Seed: that is not a number/)).toBeVisible();
});

for (const lang of ['es', 'en'] as const) {
  test(`${lang}: a share link restores the experiment and scrolls to the figure`, async ({ page, context }) => {
    await page.goto(`/${lang}/kit/`);
    await hydrated(page);
    const depth = page.getByRole('slider').filter({ has: page.locator('xpath=.') }).nth(1);
    await page.locator(`${LAB} input[type=range]`).first().focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.locator(`${LAB} input[type=range]`).first()).toHaveValue('3');
    void depth;
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.locator(LAB).getByRole('button', { name: lang === 'es' ? 'Copiar enlace a este experimento' : 'Copy link to this experiment' }).click();
    await expect(page.locator(LAB).getByText(lang === 'es' ? 'Enlace copiado.' : 'Link copied.')).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/vanishing-lab\.depth=3.*#vanishing-lab$/);
    const other = await context.newPage();
    await other.goto(link);
    await expect(other.locator(LAB)).toBeInViewport();
    await hydrated(other);
    await expect(other.locator(`${LAB} input[type=range]`).first()).toHaveValue('3');
  });
}

test('the language switcher carries the experiment to the other language', async ({ page }) => {
  await page.goto('/es/kit/?vanishing-lab.depth=4&vanishing-lab.activation=tanh#vanishing-lab');
  await page.locator('a[data-lang-switch]').click();
  await expect(page).toHaveURL(/\/en\/kit\/\?vanishing-lab\.depth=4&vanishing-lab\.activation=tanh#vanishing-lab$/);
  await hydrated(page);
  await expect(page.getByRole('slider', { name: 'Hidden layers' })).toHaveValue('4');
  await expect(page.getByLabel('Activation', { exact: true }).last()).toHaveValue('tanh');
});

test('a tampered link loads what it can and says what it ignored', async ({ page }) => {
  await page.goto('/en/kit/?vanishing-lab.depth=999&vanishing-lab.activation=relu&vanishing-lab.seed=%3Cscript%3E#vanishing-lab');
  await hydrated(page);
  const notice = page.locator(`${LAB} .fig-notice`);
  await expect(notice).toContainText('depth');
  await expect(notice).toContainText('seed');
  await expect(page.locator(`${LAB} script`)).toHaveCount(0);
  await expect(page.getByRole('slider', { name: 'Hidden layers' })).toHaveValue('10');
  await expect(page.getByLabel('Activation', { exact: true }).last()).toHaveValue('relu');
  await notice.getByRole('button', { name: 'Dismiss notice' }).click();
  await expect(notice).toHaveCount(0);
});

test.describe('with reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });
  test('nothing plays by itself, and Step still works', async ({ page }) => {
    await page.goto('/en/kit/#vanishing-lab');
    await hydrated(page);
    await expect(page.locator(LAB).getByText(/reduced motion/)).toBeVisible();
    await page.waitForTimeout(1500);
    expect(await stepOf(page)).toBe(0);
    await page.locator(LAB).getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => stepOf(page)).toBe(5);
  });

  test('the worker computes the same loss as Node for the same settings and seed', async ({ page }) => {
    await page.goto('/en/kit/#vanishing-lab');
    await hydrated(page);
    const stepButton = page.locator(LAB).getByRole('button', { name: 'Step', exact: true });
    for (let i = 0; i < 4; i++) {
      await stepButton.click();
      await expect.poll(() => stepOf(page)).toBe(5 * (i + 1));
    }
    const session = createSession(labConfig(defaults(LAB_SCHEMA)));
    session.run(20);
    const expected = formatNumber(session.state().loss, 'en', 3);
    await expect(page.locator(`${LAB} .fig-summary`)).toContainText(`Loss: ${expected};`);
  });
});

test('a diverging run stops, says so in the reader’s language, and can be reset', async ({ page }) => {
  await page.goto('/es/kit/?vanishing-lab.activation=relu&vanishing-lab.init=he&vanishing-lab.lr=10#vanishing-lab');
  await hydrated(page);
  const alert = page.locator(LAB).getByRole('alert');
  await expect(alert).toContainText('Divergió en el paso 2');
  await expect(page.locator(LAB).getByRole('button', { name: 'Entrenar' })).toBeDisabled();
  await alert.getByRole('button', { name: 'Reiniciar' }).click();
  await expect(page.locator(LAB).getByRole('button', { name: 'Pausa' }).or(page.locator(LAB).getByRole('button', { name: 'Entrenar' }))).toBeVisible();
});

test('training pauses when the figure leaves the screen and resumes when it returns', async ({ page }) => {
  await page.goto('/en/kit/#vanishing-lab');
  await hydrated(page);
  await expect.poll(() => stepOf(page)).toBeGreaterThan(10);
  await page.evaluate(() => scrollTo(0, 0));
  await page.waitForTimeout(400);
  const parked = await stepOf(page);
  await page.waitForTimeout(1200);
  expect(await stepOf(page)).toBe(parked);
  await page.locator(LAB).scrollIntoViewIfNeeded();
  await expect.poll(() => stepOf(page)).toBeGreaterThan(parked);
});

test('exports save the plotted data as CSV', async ({ page }) => {
  await page.goto('/en/kit/#vanishing-lab');
  await hydrated(page);
  const download = page.waitForEvent('download');
  await page.locator(LAB).getByRole('button', { name: 'CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('vanishing-lab.csv');
  const text = await (await file.createReadStream()).toArray();
  const csv = Buffer.concat(text).toString('utf8');
  expect(csv.split('\n')[0]).toBe('layer,gradient norm,0.25^L bound,activation mean,activation std,dead-unit fraction');
  expect(csv.trim().split('\n')).toHaveLength(12);
});

test('the data table is behind a "Show data" disclosure', async ({ page }) => {
  await page.goto('/es/kit/#vanishing-lab');
  await hydrated(page);
  await page.locator(LAB).getByText('Mostrar datos').click();
  await expect(page.locator(`${LAB} table tbody tr`)).toHaveCount(11);
});
