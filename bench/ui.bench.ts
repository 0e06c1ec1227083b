// npm run bench:ui: main-thread responsiveness of the heaviest figures, in Chromium, against
// the built site (run `npm run build` first). Not a test: the numbers depend on the machine
// and its load, so it prints them and never fails on a budget.
//
// For each scenario, unthrottled and with the main thread slowed 4× (CDP
// Emulation.setCPUThrottlingRate), it reports:
//   - the largest main-thread task (PerformanceObserver "longtask", so tasks ≥ 50 ms;
//     "< 50" means none reached it),
//   - the count of tasks over 50 ms,
//   - total blocking time (the sum of each long task's time beyond 50 ms),
//   - worker steps/s (training figures; read from the figure's step counter).
// CDP throttling reaches the page's main thread only, not the training worker, so the 4×
// rows throttle rendering, not training.
//
// Options (environment): BENCH_PORT (4335), BENCH_SECONDS (8, per training window),
// BENCH_REPS (1; with more, each cell is the median), BENCH_ONLY (a scenario name substring).
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../tests/e2e/browser.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4335);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const REPS = Math.max(1, Number(process.env.BENCH_REPS ?? 1));
const BASE = `http://127.0.0.1:${PORT}`;

interface Scenario {
  name: string;
  url: string;
  figure: string;
  /** Trains for the window (Play), or runs a scripted sequence of control changes. */
  kind: 'train' | 'interact';
}

const ALL: Scenario[] = [
  { name: 'lab 30×64', url: '/en/vanishing-gradient/?vanishing-lab.depth=30&vanishing-lab.width=64', figure: '#vanishing-lab', kind: 'train' },
  // The lab page at the bench's config (c): [2, 64x30, 1] ReLU, He init, batch 128.
  { name: 'lab page 30×64', url: '/en/lab/?lab.depth=30&lab.width=64&lab.activation=relu&lab.init=heNormal&lab.batch=128&lab.lr=0.01', figure: '#lab', kind: 'train' },
  { name: 'relu-vs-sigmoid', url: '/en/relu/', figure: '#relu-vs-sigmoid', kind: 'train' },
  { name: 'he-reproduction', url: '/en/initialization/', figure: '#he-reproduction', kind: 'train' },
  { name: 'init-explorer, 20 changes', url: '/en/initialization/', figure: '#init-explorer', kind: 'interact' },
];
const SCENARIOS = ALL.filter((s) => !process.env.BENCH_ONLY || s.name.includes(process.env.BENCH_ONLY));

interface Result {
  maxTask: number;
  longTasks: number;
  tbt: number;
  stepsPerSecond: number | null;
  seconds: number;
}

// Installed before any page script: long tasks are buffered from navigation on, and the
// measuring window starts when `vgBench.reset()` is called.
const OBSERVER = () => {
  const w = window as unknown as { vgBench: { tasks: number[]; reset(): void } };
  w.vgBench = { tasks: [], reset: () => (w.vgBench.tasks = []) };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.vgBench.tasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
};

const stepOf = async (page: Page, sel: string) => Number(((await page.locator(`${sel} .ctl-play__counter`).textContent()) ?? '').replace(/\D/g, ''));

async function frames(page: Page, n = 2): Promise<void> {
  await page.evaluate((count) => new Promise<void>((resolve) => {
    let left = count;
    const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  }), n);
}

async function runOnce(s: Scenario, throttle: number): Promise<Result> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    // Reduced motion: nothing autoplays, so the window starts at our Play.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.addInitScript(OBSERVER);
    await page.goto(BASE + s.url);
    const fig = page.locator(s.figure);
    await fig.scrollIntoViewIfNeeded();
    await fig.locator('[data-hydrated="true"]').waitFor({ timeout: 60_000 });
    await fig.locator('.fig-chart[data-live="true"]').first().waitFor({ timeout: 60_000 });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await frames(page);
    await page.evaluate(() => (window as unknown as { vgBench: { reset(): void } }).vgBench.reset());
    const t0 = Date.now();
    let steps: number | null = null;
    if (s.kind === 'train') {
      const s0 = await stepOf(page, s.figure);
      await fig.locator('.ctl-play .btn--primary').click();
      await page.waitForTimeout(SECONDS * 1000); // a measuring window, not a test wait
      steps = (await stepOf(page, s.figure)) - s0;
    } else {
      // 20 trusted keyboard changes: depth ×6 (including 1 ↔ 50), width ×6, activation ×4, init ×4.
      const sliders = fig.locator('input[type="range"]');
      const selects = fig.locator('select');
      const keys: [number, string][] = [[0, 'End'], [0, 'Home'], [0, 'End'], [0, 'ArrowLeft'], [0, 'PageDown'], [0, 'Home'], [1, 'Home'], [1, 'End'], [1, 'ArrowLeft'], [1, 'Home'], [1, 'End'], [1, 'ArrowLeft']];
      for (const [i, key] of keys) {
        await sliders.nth(i).focus();
        await page.keyboard.press(key);
        await frames(page);
      }
      for (let k = 0; k < 4; k++) {
        for (let j = 0; j < 2; j++) {
          const sel = selects.nth(j);
          const options = await sel.locator('option').evaluateAll((os) => (os as HTMLOptionElement[]).map((o) => o.value));
          await sel.focus();
          await sel.selectOption(options[(k + 1) % options.length]);
          await frames(page);
        }
      }
      await frames(page, 4);
    }
    const seconds = (Date.now() - t0) / 1000;
    const tasks = await page.evaluate(() => (window as unknown as { vgBench: { tasks: number[] } }).vgBench.tasks);
    return {
      maxTask: tasks.length ? Math.max(...tasks) : 0,
      longTasks: tasks.filter((d) => d > 50).length,
      tbt: tasks.reduce((a, d) => a + Math.max(0, d - 50), 0),
      stepsPerSecond: steps === null ? null : steps / seconds,
      seconds,
    };
  } finally {
    await browser.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE}/es/`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no preview server on ${BASE}: run \`npm run build\` first`);
}

const server = spawn('node_modules/.bin/astro', ['preview', '--ignore-lock', '--host', '127.0.0.1', '--port', String(PORT)], { stdio: 'ignore' });
try {
  await waitForServer();
  const rows: { scenario: string; throttle: string; result: Result; reps: Result[] }[] = [];
  for (const s of SCENARIOS) {
    for (const throttle of [1, 4]) {
      const reps: Result[] = [];
      for (let r = 0; r < REPS; r++) reps.push(await runOnce(s, throttle));
      const result: Result = {
        maxTask: median(reps.map((x) => x.maxTask)),
        longTasks: median(reps.map((x) => x.longTasks)),
        tbt: median(reps.map((x) => x.tbt)),
        stepsPerSecond: reps[0].stepsPerSecond === null ? null : median(reps.map((x) => x.stepsPerSecond ?? 0)),
        seconds: median(reps.map((x) => x.seconds)),
      };
      rows.push({ scenario: s.name, throttle: throttle === 1 ? 'none' : `${throttle}×`, result, reps });
      process.stderr.write(`done: ${s.name}, throttle ${throttle}\n`);
    }
  }
  const { loadavg, cpus } = await import('node:os');
  const lines = [
    `UI bench: Chromium, 1280×900, ${SECONDS} s training windows, ${REPS} rep(s)${REPS > 1 ? ' (medians)' : ''}; ${cpus().length} CPUs, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`,
    '',
    '| scenario | CPU throttle | largest task (ms) | tasks > 50 ms | total blocking time (ms) | worker steps/s | window (s) |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(({ scenario, throttle, result: r }) =>
      `| ${scenario} | ${throttle} | ${r.maxTask ? Math.round(r.maxTask) : '< 50'} | ${r.longTasks} | ${Math.round(r.tbt)} | ${r.stepsPerSecond === null ? '–' : r.stepsPerSecond.toFixed(1)} | ${r.seconds.toFixed(1)} |`,
    ),
    '',
    'CDP throttling slows the main thread only; the training worker runs at full speed in every row.',
  ];
  console.log(lines.join('\n'));
  mkdirSync('bench/.out', { recursive: true });
  writeFileSync('bench/.out/ui.json', JSON.stringify({ date: new Date().toISOString(), load: loadavg(), rows }, null, 2));
} finally {
  server.kill();
}
