import { test, expect, type Page } from '@playwright/test';
import { createSession } from '../../src/widgets/runner/session.ts';
import { vanishingConfig, VANISHING_SCHEMA } from '../../src/widgets/vanishing-lab/model.ts';
import { defaults } from '../../src/widgets/kit/params.ts';
import { formatNumber } from '../../src/widgets/kit/format.ts';
import { DICT, LANGS, hydrated as live, stepCount, t } from './helpers.ts';
import { frames } from './support/clean.ts';
import { recordWorkerMessages } from './support/workers.ts';

const LAB = '#vanishing-lab';
const GALLERY = '#kit-gallery';
const en = DICT.en;

const hydrated = (page: Page, sel = LAB) => live(page, sel);
const stepOf = (page: Page) => stepCount(page, LAB);

/** The kit gallery trains its demo run in a worker of its own: only the lab's worker is recorded. */
const GALLERY_SIZES = [2, 24, 24, 24, 24, 24, 1];
/** The lab's Step button: it takes five steps and says so. */
const stepButton = (page: Page) => page.locator(LAB).getByRole('button', { name: t('en', 'kit.stepMany', { n: 5 }), exact: true });

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of LANGS) {
    test(`${lang}: every figure on the kit page shows its build-time SVG charts, with inert controls`, async ({ page }) => {
      await page.goto(`/${lang}/kit/`);
      expect(await page.locator(`${GALLERY} svg.vg-plot`).count()).toBe(7);
      // One build-time chart in every chart slot of the lab.
      const slots = await page.locator(`${LAB} .fig-chart`).count();
      expect(slots).toBeGreaterThan(3);
      expect(await page.locator(`${LAB} svg.vg-plot`).count()).toBe(slots);
      await expect(page.locator(`${LAB} svg.vg-plot`).first()).toHaveAttribute('role', 'img');
      // Nothing can work without the island: the controls and exports say so by being disabled.
      await expect(page.locator(GALLERY).getByRole('slider')).toBeDisabled();
      await expect(page.locator(GALLERY).getByRole('button', { name: 'CSV' })).toBeDisabled();
      await expect(page.locator(`${GALLERY} [data-hydrated]`)).toHaveCount(0);
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

test('a typed value out of range is clamped, a non-number keeps the value, and the control says so', async ({ page }) => {
  await page.goto('/en/kit/');
  await hydrated(page);
  // Scoped to the lab: the gallery has a Seed field too.
  const seed = page.locator(LAB).getByLabel(en['widget.vanishingLab.seed'], { exact: true });
  await seed.fill('123456');
  await seed.press('Enter');
  await expect(seed).toHaveValue('9999');
  await expect(page.locator(LAB).getByText('Seed: the maximum is 9,999; set to 9,999.')).toBeVisible();
  // Wait until the figure has taken the new value (it is in the URL) before typing again:
  // typing into a field whose value is still being committed is what made this test flaky.
  await expect(page).toHaveURL(/vanishing-lab\.seed=9999/);
  await seed.fill('abc');
  await seed.press('Enter');
  await expect(page.locator(LAB).getByText('Seed: that is not a number; it stays at 9,999.')).toBeVisible();
  await expect(seed).toHaveValue('9999');
});

test('number fields read English thousands groups: 9,999 is 9999 and 1,000 is 1000; Infinity is the maximum', async ({ page }) => {
  await page.goto('/en/kit/');
  await hydrated(page);
  const seed = page.locator(LAB).getByLabel(en['widget.vanishingLab.seed'], { exact: true });
  await seed.fill('9,999');
  await seed.press('Enter');
  await expect(seed).toHaveValue('9999');
  await expect(page).toHaveURL(/vanishing-lab\.seed=9999/);
  await seed.fill('1,000');
  await seed.press('Enter');
  await expect(page).toHaveURL(/vanishing-lab\.seed=1000/);
  await seed.fill('Infinity');
  await seed.press('Enter');
  await expect(seed).toHaveValue('9999');
  await expect(page.locator(LAB).getByText('Seed: the maximum is 9,999; set to 9,999.')).toBeVisible();
});

for (const lang of ['es', 'en'] as const) {
  test(`${lang}: a share link restores the experiment and scrolls to the figure`, async ({ page, context }) => {
    await page.goto(`/${lang}/kit/`);
    await hydrated(page);
    await page.locator(`${LAB} input[type=range]`).first().focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.locator(`${LAB} input[type=range]`).first()).toHaveValue('3');
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

test('a figure never writes its defaults over the settings in the URL while it hydrates', async ({ page }) => {
  // Every URL the page writes: one without the settings, even for a frame, is a window in
  // which "Copy link" or the language switcher would carry the defaults instead.
  await page.addInitScript(() => {
    const w = window as unknown as { __urls: string[] };
    w.__urls = [];
    const replace = history.replaceState.bind(history);
    history.replaceState = (data, unused, url) => {
      w.__urls.push(String(url));
      replace(data, unused, url);
    };
  });
  await page.goto('/es/kit/?vanishing-lab.depth=4&vanishing-lab.activation=tanh#vanishing-lab');
  await hydrated(page);
  await expect(page.getByRole('slider', { name: 'Capas ocultas' })).toHaveValue('4');
  await frames(page, 10);
  const urls = await page.evaluate(() => (window as unknown as { __urls: string[] }).__urls);
  for (const url of urls) expect(url, 'a URL the page wrote').toMatch(/vanishing-lab\.depth=4&vanishing-lab\.activation=tanh/);
  expect(page.url()).toMatch(/\?vanishing-lab\.depth=4&vanishing-lab\.activation=tanh#vanishing-lab$/);
});

test('the language switcher carries the experiment to the other language', async ({ page }) => {
  await page.goto('/es/kit/?vanishing-lab.depth=4&vanishing-lab.activation=tanh#vanishing-lab');
  await page.locator('a[data-lang-switch]').click();
  await expect(page).toHaveURL(/\/en\/kit\/\?vanishing-lab\.depth=4&vanishing-lab\.activation=tanh#vanishing-lab$/);
  await hydrated(page);
  await expect(page.getByRole('slider', { name: 'Hidden layers' })).toHaveValue('4');
  await expect(page.getByLabel('Activation', { exact: true }).last()).toHaveValue('tanh');
});

test('a tampered link loads what it can, clamps what is out of range, and quotes nothing but a cleaned value', async ({ page }) => {
  const spoof = encodeURIComponent('Your session expired. Call +1 555 0100 now');
  await page.goto(`/en/kit/?vanishing-lab.depth=999&vanishing-lab.activation=relu&vanishing-lab.seed=%3Cscript%3E&vanishing-lab.${spoof}=1&vanishing-lab.lr=${spoof}#vanishing-lab`);
  await hydrated(page);
  const notice = page.locator(`${LAB} .fig-notice`);
  await expect(notice).toContainText(t('en', 'kit.url.clamped', { name: 'depth', value: '999', to: 30 }));
  await expect(notice).toContainText(t('en', 'kit.url.ignored', { name: 'seed', value: 'script' }));
  await expect(notice).toContainText(en['kit.url.unknown']);
  await expect(notice).not.toContainText('session expired');
  await expect(notice).not.toContainText('Call');
  await expect(page.locator(`${LAB} script`)).toHaveCount(0);
  await expect(page.getByRole('slider', { name: 'Hidden layers' })).toHaveValue('30');
  await expect(page.getByLabel('Activation', { exact: true }).last()).toHaveValue('relu');
  await notice.getByRole('button', { name: 'Dismiss notice' }).click();
  await expect(notice).toHaveCount(0);
});

test.describe('with reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });
  test('nothing plays by itself, and Step still works', async ({ page }) => {
    const sent = await recordWorkerMessages(page, ['play', 'pause', 'init'], GALLERY_SIZES);
    await page.goto('/en/kit/#vanishing-lab');
    await hydrated(page);
    await expect(page.locator(LAB).getByText(/reduced motion/)).toBeVisible();
    // The live chart needs the worker's first snapshot, and autoplay decides in the effect that
    // follows it: two frames later it has had its chance. Not a sleep: the page never asked to play.
    await frames(page);
    expect(await sent()).toContain('init');
    expect(await sent()).not.toContain('play');
    expect(await stepOf(page)).toBe(0);
    await stepButton(page).click();
    await expect.poll(() => stepOf(page)).toBe(5);
  });

  test('the worker computes the same loss as Node for the same settings and seed', async ({ page }) => {
    await page.goto('/en/kit/#vanishing-lab');
    await hydrated(page);
    for (let i = 0; i < 4; i++) {
      await stepButton(page).click();
      await expect.poll(() => stepOf(page)).toBe(5 * (i + 1));
    }
    const session = createSession(vanishingConfig(defaults(VANISHING_SCHEMA)));
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
  const sent = await recordWorkerMessages(page, ['play', 'pause', 'init'], GALLERY_SIZES);
  await page.goto('/en/kit/#vanishing-lab');
  await hydrated(page);
  await expect.poll(() => stepOf(page)).toBeGreaterThan(10);
  await page.evaluate(() => scrollTo(0, 0));
  // Off screen the page asks the worker to pause, and the worker answers (the button turns back
  // to Play): from then on no step can arrive, which a few frames confirm.
  await expect.poll(async () => (await sent()).at(-1), { message: 'paused off screen' }).toBe('pause');
  await expect(page.locator(LAB).getByRole('button', { name: DICT.en['kit.play'] })).toBeAttached();
  await frames(page);
  const parked = await stepOf(page);
  await frames(page, 10);
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
  // The file holds the table the page shows: the same columns, and one row per layer (10 hidden + output).
  const columns = await page.locator(`${LAB} .fig-data th`).allTextContents();
  expect(csv.split('\n')[0]).toBe(columns.join(','));
  expect(columns[0]).toBe(en['kit.col.layer']);
  expect(csv.trim().split('\n')).toHaveLength(12);
});

test('the data table is behind a "Show data" disclosure', async ({ page }) => {
  await page.goto('/es/kit/#vanishing-lab');
  await hydrated(page);
  await page.locator(LAB).getByText('Mostrar datos').click();
  await expect(page.locator(`${LAB} table tbody tr`)).toHaveCount(11);
});

test.describe('in hostile environments', () => {
  test('storage that throws does not stop the figures or the theme toggle', async ({ page }) => {
    await page.addInitScript(() => {
      const boom = () => {
        throw new DOMException('blocked', 'SecurityError');
      };
      Object.defineProperty(window, 'localStorage', { get: boom, configurable: true });
      Object.defineProperty(window, 'sessionStorage', { get: boom, configurable: true });
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/en/kit/#vanishing-lab');
    await hydrated(page);
    await expect.poll(() => stepOf(page)).toBeGreaterThan(5);
    const before = await page.evaluate(() => document.documentElement.dataset.theme);
    await page.locator('[data-theme-select] select').first().selectOption(before === 'dark' ? 'light' : 'dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', before === 'dark' ? 'light' : 'dark');
    expect(errors).toEqual([]);
  });

  test('an IntersectionObserver that delivers an out-and-in pair at once: the newest entry wins and training runs', async ({ page }) => {
    await page.addInitScript(() => {
      const Real = window.IntersectionObserver;
      window.IntersectionObserver = class extends Real {
        constructor(cb: IntersectionObserverCallback, opts?: IntersectionObserverInit) {
          // Every batch arrives as a stale "left the screen" entry followed by the real one.
          super((entries, io) => cb(entries.flatMap((e) => [{ ...e, isIntersecting: false, target: e.target, time: e.time - 1 } as IntersectionObserverEntry, e]), io), opts);
        }
      } as typeof IntersectionObserver;
    });
    await page.goto('/en/kit/#vanishing-lab');
    await hydrated(page);
    await expect.poll(() => stepOf(page)).toBeGreaterThan(5);
  });

  test('without Web Workers there is no uncaught error: the figure trains on the page and says so', async ({ page }) => {
    await page.addInitScript(() => {
      // @ts-expect-error: the point is a browser without workers.
      delete window.Worker;
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/en/kit/#vanishing-lab');
    await hydrated(page);
    await expect(page.locator(LAB).getByText(en['kit.noWorker'])).toBeVisible();
    await expect.poll(() => stepOf(page), { timeout: 30_000 }).toBeGreaterThan(5);
    expect(errors).toEqual([]);
  });

  test('after the worker dies, the alert says so and Reset starts a new worker that trains', async ({ page }) => {
    await page.addInitScript(() => {
      const Real = window.Worker;
      let killed = false;
      window.Worker = class extends Real {
        constructor(url: string | URL, opts?: WorkerOptions) {
          super(url, opts);
          const post = this.postMessage;
          this.postMessage = function (this: Worker, m: unknown, ...rest: never[]) {
            // The lab's first worker (not the kit gallery's, which trains a 2-24x5-1 net) answers
            // once, then dies the way a crashed worker does.
            const sizes = (m as { configs?: { spec?: { sizes?: number[] } }[] })?.configs?.[0]?.spec?.sizes;
            if (!killed && sizes && sizes.join() !== '2,24,24,24,24,24,1') {
              killed = true;
              this.addEventListener('message', () => {
                setTimeout(() => {
                  this.terminate();
                  this.onerror?.(new ErrorEvent('error', { message: 'worker crashed' }));
                }, 50);
              }, { once: true });
            }
            return post.call(this, m, ...rest);
          } as typeof post;
        }
      } as typeof Worker;
    });
    await page.goto('/en/kit/#vanishing-lab');
    await hydrated(page);
    const alert = page.locator(LAB).getByRole('alert');
    await expect(alert).toContainText(t('en', 'kit.workerError', { message: 'worker crashed' }));
    await alert.getByRole('button', { name: en['kit.reset'] }).click();
    await expect(alert).toHaveCount(0);
    await page.locator(LAB).getByRole('button', { name: en['kit.play'] }).click();
    await expect.poll(() => stepOf(page), { timeout: 30_000 }).toBeGreaterThan(5);
  });
});
