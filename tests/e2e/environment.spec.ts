import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { localisedPages } from './pages.ts';
import { expectSane, frames, hydrated, watchErrors } from './support/clean.ts';
import { recordWorkerMessages } from './support/workers.ts';

// The environments a reader may bring: blocked storage, reduced motion, a 320 px phone,
// no (or a broken) Web Worker; and a figure that trains while the page keeps answering.
const dict = (lang: string): Record<string, string> => JSON.parse(readFileSync(new URL(`../../src/i18n/${lang}.json`, import.meta.url), 'utf8'));
const EN = dict('en');
const LAB = '#vanishing-lab';
/** A run long enough that it is still training when a test about playing and pausing looks. */
const LONG_RUN = '?vanishing-lab.depth=30&vanishing-lab.width=64';
const stepOf = async (page: Page, sel = LAB) => Number(((await page.locator(`${sel} .ctl-play__counter`).textContent()) ?? '').replace(/\D/g, ''));

/**
 * Training figures start by themselves once hydrated (motion allowed): wait for the steps that
 * proves, and never "read the button, click it if it says Play". The worker's "playing" can land
 * between that read and the click, and the same button then pauses the run, sometimes only a
 * few steps in. That is how "a 30 × 64 lab trains…" once saw no new step for 30 s.
 */
async function autoplays(page: Page, sel = LAB, timeout = 30_000) {
  await expect.poll(() => stepOf(page, sel), { message: 'the figure starts training by itself', timeout }).toBeGreaterThan(0);
}

test.describe('when localStorage throws (private mode, blocked storage)', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      const blocked = () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
      Object.defineProperty(window, 'localStorage', { configurable: true, get: blocked });
      Object.defineProperty(window, 'sessionStorage', { configurable: true, get: blocked });
    });
  });

  for (const lang of ['es', 'en']) {
    test(`${lang}: the theme toggle, the figures and training still work`, async ({ page }) => {
      const watch = watchErrors(page);
      await page.goto(`/${lang}/vanishing-gradient/`);
      // The header's theme choice (System / Light / Dark) still works when it cannot be stored.
      const choice = page.locator('[data-theme-select] select').first();
      const before = await page.evaluate(() => document.documentElement.dataset.theme);
      await choice.selectOption(before === 'dark' ? 'light' : 'dark');
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).not.toBe(before);
      await hydrated(page, LAB);
      await autoplays(page);
      await expectSane(page, LAB, 'blocked storage');
      watch.check('blocked storage');
    });
  }
});

test.describe('with reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });

  test('no training figure starts by itself, the page does not smooth-scroll, and Step still trains', async ({ page }) => {
    // Record what the page asks of its workers, to prove that no "play" is ever sent.
    const sent = await recordWorkerMessages(page);
    const watch = watchErrors(page);
    await page.goto('/en/relu/');
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
    const fig = '#relu-vs-sigmoid';
    await hydrated(page, fig);
    await expect(page.locator(fig).getByText(EN['kit.reducedMotion'])).toBeVisible();
    // The worker has been initialised; an autoplay would have followed on the same render.
    await expect.poll(sent).toContain('init');
    await frames(page, 10);
    expect(await sent()).not.toContain('play');
    await expect(page.locator(`${fig} .ctl-play .btn--primary`)).toContainText(EN['kit.play']);
    expect(await stepOf(page, fig)).toBe(0);
    await page.locator(`${fig} .ctl-play .btn`).nth(1).click();
    await expect.poll(() => stepOf(page, fig)).toBeGreaterThan(0);
    watch.check('reduced motion');
  });
});

test.describe('at 320 px', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  for (const path of localisedPages().filter((p) => !p.endsWith('/kit/'))) {
    test(`${path} has no horizontal scroll and every figure fits`, async ({ page }) => {
      const watch = watchErrors(page);
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'page wider than the screen').toBeLessThanOrEqual(0);
      const figures = await page.locator('figure[data-figure]').evaluateAll((els) => els.map((e) => ({ id: e.id, right: e.getBoundingClientRect().right })));
      for (const f of figures) expect(f.right, `${f.id} fits in 320 px`).toBeLessThanOrEqual(321);
      watch.check(path);
    });
  }

  test('a figure hydrates and trains at 320 px, and stays within the screen', async ({ page }) => {
    const watch = watchErrors(page);
    await page.goto('/es/relu/');
    const fig = '#relu-vs-sigmoid';
    await hydrated(page, fig);
    await page.locator(`${fig} .ctl-play .btn`).nth(1).click({ force: true });
    await expect.poll(() => stepOf(page, fig)).toBeGreaterThan(0);
    await frames(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await expectSane(page, fig, '320 px');
    watch.check('320 px training');
  });
});

/**
 * A broken worker must never leave a silent figure: after Play, either training moves
 * (a main-thread fallback) or the figure says, in an alert, that it cannot train here.
 */
async function trainsOrSaysSo(page: Page, sel: string) {
  // Only hydration: the live chart itself waits for the worker's first snapshot.
  await page.locator(sel).scrollIntoViewIfNeeded();
  await expect(page.locator(`${sel} [data-hydrated="true"]`), 'the island hydrates').toHaveCount(1, { timeout: 20_000 });
  const play = page.locator(`${sel} .ctl-play .btn--primary`);
  if (await play.isEnabled()) await play.click();
  await expect
    .poll(async () => (await stepOf(page, sel)) > 0 || (await page.locator(`${sel} [role="alert"]`).count()) > 0, { message: 'the figure trains or says it cannot' })
    .toBe(true);
  const alerts = page.locator(`${sel} [role="alert"]`);
  if ((await alerts.count()) > 0) {
    await expect(alerts.first()).not.toHaveText('');
    // Reset must not turn an explained failure into a silent, dead figure (no alert, Play disabled).
    await page.locator(`${sel} .ctl-play .btn`).nth(2).click();
    await frames(page);
    const stillSaid = (await page.locator(`${sel} [role="alert"]`).count()) > 0;
    const canPlay = await page.locator(`${sel} .ctl-play .btn--primary`).isEnabled();
    expect(stillSaid || canPlay, 'after Reset the figure can train again or still says why not').toBe(true);
  }
}

const brokenWorkers: [string, () => void][] = [
  [
    'Web Workers are missing',
    () => {
      // @ts-expect-error: simulating a browser without workers
      delete window.Worker;
    },
  ],
  [
    'the Worker constructor throws (blocked by policy)',
    () => {
      window.Worker = class {
        constructor() {
          throw new DOMException('Worker blocked', 'SecurityError');
        }
      } as unknown as typeof Worker;
    },
  ],
];

test.describe('when the training worker cannot run', () => {
  for (const [name, breakIt] of brokenWorkers) {
    test(`${name}: the lab falls back or says it cannot train`, async ({ page }) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.addInitScript(breakIt);
      await page.goto('/en/vanishing-gradient/');
      await trainsOrSaysSo(page, LAB);
      expect(errors, 'no uncaught exception').toEqual([]);
    });
  }

  test('the worker script fails to load: the lab falls back or says it cannot train', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route(/\/_astro\/worker[^/]*\.js$/, (route) => route.abort('blockedbyclient'));
    await page.goto('/en/vanishing-gradient/');
    await trainsOrSaysSo(page, LAB);
    expect(errors, 'no uncaught exception').toEqual([]);
  });
});

test('a 30 × 64 lab trains and the page keeps answering input while it does', async ({ page }) => {
  const watch = watchErrors(page);
  await page.goto('/en/vanishing-gradient/?vanishing-lab.depth=30&vanishing-lab.width=64');
  await hydrated(page, LAB);
  // A 30 × 64 network does a few steps a second on a loaded machine: wait on progress, long.
  await autoplays(page);
  await expect.poll(() => stepOf(page), { timeout: 30_000 }).toBeGreaterThan(2);
  // Input outside the figure (theme) and inside it (a slider) answer while it trains.
  const choice = page.locator('[data-theme-select] select').first();
  const before = await page.evaluate(() => document.documentElement.dataset.theme);
  await choice.selectOption(before === 'dark' ? 'light' : 'dark');
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).not.toBe(before);
  // The header is sticky, so the select is reached without scrolling; the lab pauses by design
  // only off screen, and it is asserted on screen before asking whether training goes on.
  await expect(page.locator(LAB)).toBeInViewport();
  const s0 = await stepOf(page);
  await expect.poll(() => stepOf(page), { message: 'training keeps going', timeout: 30_000 }).toBeGreaterThan(s0);
  const depth = page.getByRole('slider', { name: EN['widget.vanishingLab.depth'] });
  await depth.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(depth).toHaveValue('29');
  await expect(page).toHaveURL(/vanishing-lab\.depth=29/);
  await expectSane(page, LAB, 'training 30 × 64');
  watch.check('training 30 × 64');
});

test('when IntersectionObserver delivers several entries at once, the latest one decides', async ({ page }) => {
  // Browsers may batch entries for one element; the last is the current state. Here every
  // callback is preceded by a stale "off screen" entry for the same element.
  await page.addInitScript(() => {
    const Native = window.IntersectionObserver;
    window.IntersectionObserver = class extends Native {
      constructor(cb: IntersectionObserverCallback, opts?: IntersectionObserverInit) {
        super((entries, obs) => {
          const stale = entries.map((e) => ({ target: e.target, isIntersecting: false, intersectionRatio: 0, time: e.time - 1, boundingClientRect: e.boundingClientRect, intersectionRect: e.intersectionRect, rootBounds: e.rootBounds }) as IntersectionObserverEntry);
          cb([...stale, ...entries], obs);
        }, opts);
      }
    } as typeof IntersectionObserver;
  });
  // What the page asks of its workers: "play" and "pause" show what the figure thinks.
  const sent = await recordWorkerMessages(page, ['play', 'pause']);
  const watch = watchErrors(page);
  // 30 × 64 so that the run cannot reach its last step (3,000) while the test scrolls out and
  // back: a fast machine trains the default 10 × 16 network to the end in a couple of seconds.
  await page.goto(`/en/vanishing-gradient/${LONG_RUN}`);
  await hydrated(page, LAB);
  await autoplays(page, LAB, 20_000);
  // Off screen it pauses; back on screen, the batch [stale "off", current "on"] must resume it.
  await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
  await expect.poll(async () => (await sent()).at(-1), { message: 'paused off screen' }).toBe('pause');
  const pauses = (await sent()).length;
  await page.locator(LAB).scrollIntoViewIfNeeded();
  await expect.poll(async () => (await sent()).slice(pauses), { message: 'resumed back on screen', timeout: 20_000 }).toContain('play');
  watch.check('batched IntersectionObserver entries');
});

test('a figure scrolled out and straight back in, before its worker answered the pause, trains on', async ({ page }) => {
  // A loaded machine answers a slice later; here every message from the worker arrives 400 ms
  // late (in order). The page scrolls back the moment the pause is sent, so the worker's
  // "paused" lands while the figure is on screen again: the figure must then ask to play.
  await page.addInitScript(() => {
    const w = window as unknown as { vgSent: string[]; vgBounce: (() => void) | null };
    const sent: string[] = (w.vgSent = []);
    w.vgBounce = null;
    const handler = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage')!;
    Object.defineProperty(Worker.prototype, 'onmessage', {
      configurable: true,
      get(this: Worker) {
        return handler.get!.call(this);
      },
      set(this: Worker, fn: ((e: MessageEvent) => void) | null) {
        handler.set!.call(this, fn && ((e: MessageEvent) => setTimeout(() => fn.call(this, e), 400)));
      },
    });
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, m: unknown, ...rest: never[]) {
      const type = String((m as { type?: string })?.type);
      sent.push(type);
      if (type === 'pause' && w.vgBounce) {
        const back = w.vgBounce;
        w.vgBounce = null;
        back();
      }
      return post.call(this, m, ...rest);
    } as typeof post;
  });
  const sent = () => page.evaluate(() => (window as unknown as { vgSent: string[] }).vgSent.filter((t) => t === 'play' || t === 'pause'));
  const watch = watchErrors(page);
  await page.goto(`/en/vanishing-gradient/${LONG_RUN}`);
  await hydrated(page, LAB);
  await autoplays(page);
  await expect(page.locator(`${LAB} .ctl-play .btn--primary`)).toContainText(EN['kit.pause']);
  const before = (await sent()).length;
  await page.evaluate((sel) => {
    (window as unknown as { vgBounce: () => void }).vgBounce = () => document.querySelector(sel)!.scrollIntoView({ block: 'center' });
    scrollTo(0, document.body.scrollHeight);
  }, LAB);
  await expect.poll(async () => (await sent()).slice(before), { message: 'paused when it left the screen' }).toContain('pause');
  await expect(page.locator(LAB)).toBeInViewport();
  await expect.poll(async () => (await sent()).slice(before).at(-1), { message: 'asked to play again once the late "paused" arrived', timeout: 20_000 }).toBe('play');
  const s0 = await stepOf(page);
  await expect.poll(() => stepOf(page), { message: 'training goes on', timeout: 30_000 }).toBeGreaterThan(s0);
  watch.check('out and back in before the worker answered');
});
