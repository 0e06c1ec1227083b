import { test, expect } from '@playwright/test';
import { stepCount } from './helpers.ts';

// What keeps a training page cheap to render, as a reader would notice it: nothing moves
// under the reader while a figure trains, and figures off screen cost the frame nothing.

test('a training figure’s summary never shrinks back while it trains, so the text below stays put', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/en/recurrent-networks/#adding-problem');
  const fig = page.locator('#adding-problem');
  await fig.locator('[data-hydrated="true"]').first().waitFor();
  // Heights of the summary and of the page, sampled every animation frame while it trains.
  await page.evaluate(() => {
    const w = window as unknown as { __h: number[]; __doc: number[] };
    w.__h = [];
    w.__doc = [];
    const p = document.querySelector('#adding-problem .fig-summary')!;
    const tick = () => {
      w.__h.push(p.getBoundingClientRect().height);
      w.__doc.push(document.documentElement.scrollHeight);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  // It starts by itself once hydrated (motion is allowed here): wait for the steps, never
  // "click Play if it says Play", which races the autoplay and can pause the run instead.
  await expect.poll(() => stepCount(page, '#adding-problem'), { timeout: 60_000 }).toBeGreaterThan(300);
  const { h, doc } = await page.evaluate(() => {
    const w = window as unknown as { __h: number[]; __doc: number[] };
    return { h: w.__h, doc: w.__doc };
  });
  expect(h.length).toBeGreaterThan(20);
  for (let i = 1; i < h.length; i++) expect(h[i], `summary height at frame ${i}`).toBeGreaterThanOrEqual(h[i - 1] - 0.5);
  for (let i = 1; i < doc.length; i++) expect(doc[i], `page height at frame ${i}`).toBeGreaterThanOrEqual(doc[i - 1]);
});

test('an alert appearing in a figure does not rebuild the layout of the whole figure', async ({ page, browser }) => {
  test.setTimeout(90_000);
  // Traced from before the page loads, so the alert cannot appear unseen. Chromium rebuilt a
  // fieldset's whole layout tree when a direct child came or went: the figure's controls and
  // charts live in one, and the alert of a diverged run used to be such a child.
  await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline.invalidationTracking'] });
  let events: { name: string; args?: { data?: { nodeName?: string; reason?: string } } }[] = [];
  try {
    await page.goto('/en/exploding-gradients/#exploding-gradients');
    // It starts by itself once hydrated (motion is allowed here), and its unclipped twin diverges.
    await expect(page.locator('#exploding-gradients').getByRole('alert')).toBeVisible({ timeout: 60_000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  } finally {
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
    events = Array.isArray(trace) ? trace : trace.traceEvents;
  }
  const layout = events.filter((e) => e.name === 'LayoutInvalidationTracking').map((e) => `${e.args?.data?.nodeName} ${e.args?.data?.reason}`);
  // The alert was laid out while the trace ran: the check below is not vacuous.
  expect(layout).toContain("DIV class='fig-alert' Added to layout");
  expect(layout.filter((l) => /^(FIELDSET class='fig-shell__live'|DIV class='fig-controls') Removed from layout/.test(l))).toEqual([]);
});

for (const lang of ['en', 'es']) {
  test(`${lang}: blocks off screen are skipped by the renderer, at the height they have`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/${lang}/initialization/`);
    await expect.poll(() => page.locator('figure.figure[data-skip]').count()).toBeGreaterThan(1);
    const blocks = await page.locator('.chapter__body > :is(p, ul, ol, aside, figure.figure)').evaluateAll((els) =>
      els.map((e) => ({ tag: e.tagName, id: e.id, skip: e.hasAttribute('data-skip'), cv: getComputedStyle(e).contentVisibility, size: (e as HTMLElement).style.containIntrinsicBlockSize, gloss: !!e.querySelector('.gloss') })),
    );
    expect(blocks.filter((b) => b.tag === 'P' && b.skip).length).toBeGreaterThan(5);
    for (const b of blocks) {
      if (b.gloss) {
        expect(b.cv, `${b.tag}#${b.id} holds a glossary tip`).not.toBe('auto');
        continue;
      }
      expect(b.skip, `${b.tag}#${b.id}`).toBe(true);
      expect(b.cv, `${b.tag}#${b.id}`).toBe('auto');
      expect(b.size, `${b.tag}#${b.id}`).toMatch(/^auto \d+px$/);
    }
    // Scrolling one into view moves nothing: the height it was skipped at is the one it has.
    const last = page.locator('figure.figure[data-skip]').last();
    const declared = Number((await last.evaluate((f) => (f as HTMLElement).style.containIntrinsicBlockSize)).replace(/\D/g, ''));
    // Two frames after the scroll it is rendered again, before its island can have hydrated.
    const real = await last.evaluate(
      (f) =>
        new Promise<number>((done) => {
          f.scrollIntoView();
          requestAnimationFrame(() => requestAnimationFrame(() => done(f.getBoundingClientRect().height)));
        }),
    );
    expect(Math.abs(real - declared)).toBeLessThanOrEqual(2);

    // A phone-width window measures again: a paragraph far down gets its narrow height (a live
    // figure's charts redraw at the new width later, when they are next on screen).
    const first = page.locator('.chapter__body > p[data-skip]').last();
    const wide = await first.evaluate((f) => (f as HTMLElement).style.containIntrinsicBlockSize);
    await page.setViewportSize({ width: 375, height: 800 });
    await expect.poll(() => first.evaluate((f) => (f as HTMLElement).style.containIntrinsicBlockSize)).not.toBe(wide);
    const narrow = Number((await first.evaluate((f) => (f as HTMLElement).style.containIntrinsicBlockSize)).replace(/\D/g, ''));
    const rendered = await first.evaluate(
      (f) =>
        new Promise<number>((done) => {
          f.scrollIntoView();
          requestAnimationFrame(() => requestAnimationFrame(() => done(f.getBoundingClientRect().height)));
        }),
    );
    expect(Math.abs(rendered - narrow)).toBeLessThanOrEqual(2);
  });

  test(`${lang}: a link to a figure far down the chapter lands on it, and the figure comes alive`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/${lang}/vanishing-gradient/#vanishing-lab`);
    const fig = page.locator('#vanishing-lab');
    await expect(fig.locator('[data-hydrated="true"]').first()).toBeAttached({ timeout: 30_000 });
    // The page scrolls to the target smoothly (about 1.7 s here): wait for it to arrive.
    await expect.poll(() => fig.evaluate((f) => Math.round(f.getBoundingClientRect().top)), { timeout: 10_000 }).toBeLessThan(200);
    expect(await fig.evaluate((f) => f.getBoundingClientRect().top)).toBeGreaterThanOrEqual(-2);
  });
}

// Each chapter block is a stacking context (global.css), so a frame's paint can reuse a block
// that did not change; a glossary tip then lives inside its paragraph's, and the paragraph
// holding an open tip has to rise above the blocks after it, by hover and by keyboard alike.
for (const how of ['focus', 'hover'] as const) {
  test(`an open glossary tip draws over the blocks below it (${how})`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/en/initialization/');
    const terms = page.locator('.chapter__body a.gloss__term');
    const n = await terms.count();
    let checked = 0;
    for (let i = 0; i < n; i++) {
      const term = terms.nth(i);
      const tip = page.locator(`#${await term.getAttribute('aria-describedby')}`);
      // Opens the tip and reads the point just inside its bottom edge: where the tip overhangs
      // the next block, the topmost element there must be the tip. Tried again until it holds:
      // a figure above that hydrates meanwhile can move the term from under the mouse (it did
      // under CI load), and the next try opens the tip where the term now is. Without the raise
      // an overhanging tip is never on top, and the poll fails.
      const open = async () => {
        // Centred, so the sticky header never covers the term the mouse goes to.
        await term.evaluate((t) => t.scrollIntoView({ block: 'center', behavior: 'instant' }));
        if (how === 'focus') await term.focus();
        else await term.hover();
        return tip.evaluate((t) => {
          const r = t.getBoundingClientRect();
          const block = t.closest('.chapter__body > *')!;
          const x = r.left + 8;
          const y = r.bottom - 4;
          const hit = document.elementFromPoint(x, y);
          return { shown: r.height > 0, overhangs: y > block.getBoundingClientRect().bottom, onTop: !!hit && t.contains(hit) };
        });
      };
      let probe = await open();
      await expect
        .poll(async () => {
          probe = await open();
          return probe.shown && (!probe.overhangs || probe.onTop);
        }, { message: `tip of term ${i} is open and, where it overhangs the next block, drawn on top of it`, timeout: 15_000 })
        .toBe(true);
      if (how === 'focus') await term.blur();
      else await page.mouse.move(0, 0);
      if (probe.overhangs) checked++;
    }
    expect(checked, 'tips that overhang the next block').toBeGreaterThan(0);
  });
}

for (const lang of ['en', 'es']) {
  test(`${lang}: at 375 px every glossary tip opens inside the screen`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`/${lang}/initialization/`);
    const terms = page.locator('.chapter__body a.gloss__term');
    const n = await terms.count();
    expect(n).toBeGreaterThan(3);
    for (let i = 0; i < n; i++) {
      const term = terms.nth(i);
      await term.evaluate((t) => t.scrollIntoView({ block: 'center', behavior: 'instant' }));
      await term.focus();
      const tip = page.locator(`#${await term.getAttribute('aria-describedby')}`);
      await expect(tip).toBeVisible();
      const r = await tip.evaluate((t) => {
        const b = t.getBoundingClientRect();
        return { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
      });
      expect(r.left, `tip ${i}: left edge`).toBeGreaterThanOrEqual(0);
      expect(r.right, `tip ${i}: right edge`).toBeLessThanOrEqual(375);
      expect(r.top, `tip ${i}: top edge`).toBeGreaterThanOrEqual(0);
      expect(r.bottom, `tip ${i}: bottom edge`).toBeLessThanOrEqual(800);
      await term.blur();
    }
  });
}
