import { test, expect, type Page } from '@playwright/test';

// Runs in the 'perf' project, after every other test, alone: a long-task budget means
// nothing while other browsers compete for the same two cores.

const LAB = '#vanishing-lab';
const stepOf = async (page: Page) => Number((await page.locator(`${LAB} .ctl-play__counter`).textContent())!.replace(/\D/g, ''));

test('no main-thread task over 50 ms while a 30-layer, 64-wide network trains', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { longTasks: number[] }).longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) (window as unknown as { longTasks: number[] }).longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  await page.goto('/en/kit/?vanishing-lab.depth=30&vanishing-lab.width=64&vanishing-lab.activation=relu&vanishing-lab.init=he&vanishing-lab.lr=0.01#vanishing-lab');
  await page.locator(LAB).scrollIntoViewIfNeeded();
  await expect(page.locator(`${LAB} .fig-chart[data-live="true"]`).first()).toBeVisible();
  await expect.poll(() => stepOf(page), { timeout: 15_000 }).toBeGreaterThan(3);
  // Measure steady-state training, after hydration and the first draws.
  await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
  const s0 = await stepOf(page);
  await page.waitForTimeout(4000);
  const s1 = await stepOf(page);
  const long = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  expect(s1, 'training kept running').toBeGreaterThan(s0);
  expect(long.filter((d) => d > 50), `long tasks: ${long.map(Math.round).join(', ')}`).toEqual([]);
});

