import { expect, type Page } from '@playwright/test';

/** Words that mean a value leaked unformatted onto the page. */
export const LEAKED = /\b(NaN|Infinity|undefined|null)\b/;

/**
 * Collects uncaught exceptions and console errors for the whole test, from the page and
 * its workers. `check()` fails with every message seen so far.
 */
export function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  page.on('worker', (w) => w.on('console', (m) => m.type() === 'error' && errors.push(`worker console.error: ${m.text()}`)));
  return {
    errors,
    check(context: string) {
      expect(errors, `${context}: no exception and no console error`).toEqual([]);
    },
  };
}

/** Resolves after the page has rendered two more frames: an observable "the UI has caught up". */
export async function frames(page: Page, n = 2): Promise<void> {
  await page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        let left = count;
        const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    n,
  );
}

/** The figure's visible text holds no NaN, Infinity, undefined or null, and its sliders are in range. */
export async function expectSane(page: Page, sel: string, context: string): Promise<void> {
  const fig = page.locator(sel);
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  // A link notice may quote what the link said ("seed" = "NaN"): that is the reader's own
  // text, sanitised, not a leaked value. It must never carry markup.
  const notices = (await fig.locator('.fig-notice').allInnerTexts()).map(norm);
  for (const n of notices) expect(n, `${context}: notice quotes no markup`).not.toMatch(/[<>]/);
  let text = norm(await fig.innerText());
  for (const n of notices) text = text.replace(n, ' ');
  const m = text.match(LEAKED);
  const around = m ? text.slice(Math.max(0, (m.index ?? 0) - 200), (m.index ?? 0) + 100) : '';
  expect(m?.[0] ?? null, `${context}: leaked value in «…${around}…»`).toBeNull();
  const ranges = await fig.locator('input[type="range"]').evaluateAll((els) =>
    (els as HTMLInputElement[]).map((e) => ({ v: Number(e.value), min: Number(e.min), max: Number(e.max), label: e.labels?.[0]?.textContent ?? e.id })),
  );
  for (const r of ranges) expect(Number.isFinite(r.v) && r.v >= r.min && r.v <= r.max, `${context}: slider ${r.label} = ${r.v} in [${r.min}, ${r.max}]`).toBe(true);
}

/** Scrolls a figure into view and waits until its island has hydrated and drawn live. */
export async function hydrated(page: Page, sel: string): Promise<void> {
  await page.locator(sel).scrollIntoViewIfNeeded();
  await expect(page.locator(`${sel} [data-hydrated="true"]`)).toHaveCount(1, { timeout: 30_000 });
  await expect(page.locator(`${sel} .fig-chart[data-live="true"]`).first()).toBeVisible({ timeout: 30_000 });
}

/** A small seeded PRNG (mulberry32), so a failing fuzz case can be replayed from its seed. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}
