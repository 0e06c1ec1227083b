// npm run bench:ui: main-thread responsiveness of the heaviest figures, in Chromium, against
// the built site (run `npm run build` first). Not a test: the numbers depend on the machine
// and its load, so it prints them and never fails on a budget.
//
// For each scenario, unthrottled and with the main thread slowed 4× (CDP
// Emulation.setCPUThrottlingRate), it reports, from a Chromium trace of the window
// (bench/trace.ts):
//   - the largest main-thread task in thread CPU time (`tdur`) — the budget: ≤ 50 ms at 4×.
//     The machine is shared, so a task's wall time also counts the time other processes
//     held the core; its CPU time is what it costs on an idle one;
//   - the largest task in wall time, and the count of tasks over 50 ms (CPU and wall),
//   - total blocking time (the sum of each task's time beyond 50 ms; wall, and CPU),
//   - worker steps/s (training figures; read from the figure's step counter), in wall time;
//   - the worker's cost: its threads' CPU time in the trace per step trained, in steady play
//     (from a second after Play, past Play's forced refresh, to the window's end; the
//     counter is read at both ends) and from Play to Pause (after the window the figure is
//     paused and its counter read once it settles, so every step the worker spent CPU on
//     is counted, forced refreshes included), and its steps per CPU-second. For the lab at 30 × 64 that is
//     set against the library's bare step on the same config and kernel, measured here in
//     Node in CPU time (bench/lab.ts), with issue 13's target: worker ≥ 0.8 × library.
// CDP throttling reaches the page's main thread only, not the training worker, so the 4×
// rows throttle rendering, not training.
//
// Options (environment): BENCH_PORT (4335), BENCH_SECONDS (8, per training window),
// BENCH_REPS (1; with more, each cell is the median), BENCH_ONLY (scenario name substrings,
// comma-separated), BENCH_THROTTLE (e.g. "4": only that rate), BENCH_BREAKDOWN=1 (print what
// the heaviest tasks spent their CPU on), BENCH_PROFILE=1 (a sampling CPU profile of the page
// during the window: the functions with the most self time, and the site's modules' totals;
// BENCH_PROFILE_LINES sets how many), BENCH_DRAWS=1 (each chart's draw, per part: options,
// Plot, show), BENCH_TRACE_OUT=<prefix> (each run's trace as <prefix>-<scenario>-<rate>x-<time>.json).
// The page is driven with plain evaluates and page.mouse/keyboard, never a locator, from the
// moment it loads: a locator installs Playwright's injected script, whose event listeners then
// run inside the window, and their cost would count as the site's. Training starts with a mouse
// click at Play's centre.
// Exits 1 when a task exceeds 50 ms of CPU time at 4×, so a run can gate a change.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../tests/e2e/browser.ts';
import { TRACE_CATEGORIES, heaviest, mainThreadTasks, percentile, taskStats, totals, workerCpu, type TaskStats, type TraceEvent } from './trace.ts';
import { LAB_BENCH_CONFIG, LAB_BENCH_URL, LAB_TARGET, libraryRates, ratioNote } from './lab.ts';
import { simdKernel } from '../src/widgets/runner/kernel.ts';
import type { SessionConfig } from '../src/widgets/runner/session.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4335);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const REPS = Math.max(1, Number(process.env.BENCH_REPS ?? 1));
const THROTTLES = process.env.BENCH_THROTTLE ? [Number(process.env.BENCH_THROTTLE)] : [1, 4];
const BREAKDOWN = process.env.BENCH_BREAKDOWN === '1';
const PROFILE = process.env.BENCH_PROFILE === '1';
const BASE = `http://127.0.0.1:${PORT}`;
const BUDGET_MS = 50;
/** The worker's steady window starts this long after Play. */
const STEADY_MS = 1000;

interface Scenario {
  name: string;
  url: string;
  figure: string;
  /** Trains for the window (Play), or runs a scripted sequence of control changes. */
  kind: 'train' | 'interact';
  /** The config whose bare library step the worker's rate is compared with (the lab). */
  library?: SessionConfig;
}

const train = (id: string, page: string, query = ''): Scenario => ({ name: id, url: `/en/${page}/${query}`, figure: `#${id}`, kind: 'train' });
const ALL: Scenario[] = [
  { ...train('vanishing-lab', 'vanishing-gradient', '?vanishing-lab.depth=30&vanishing-lab.width=64'), name: 'vanishing-lab 30×64' },
  // The lab page at the bench's config (c): [2, 64x30, 1] ReLU, He init, batch 128.
  { name: 'lab page 30×64', url: LAB_BENCH_URL, figure: '#lab', kind: 'train', library: LAB_BENCH_CONFIG },
  train('relu-vs-sigmoid', 'relu'),
  train('intro-race', 'introduction'),
  train('dead-units', 'leaky-relu'),
  train('exploding-gradients', 'exploding-gradients'),
  train('residual-connections', 'residual-connections'),
  train('normalization-lab', 'normalization'),
  train('he-reproduction', 'initialization'),
  train('glorot-reproduction', 'initialization'),
  train('adding-problem', 'recurrent-networks'),
  train('sequence-lab', 'recurrent-lab'),
  { name: 'init-explorer, 20 changes', url: '/en/initialization/', figure: '#init-explorer', kind: 'interact' },
];
const ONLY = process.env.BENCH_ONLY?.split(',').map((x) => x.trim()).filter(Boolean);
const SCENARIOS = ALL.filter((s) => !ONLY || ONLY.some((o) => s.name.includes(o)));

interface Result extends TaskStats {
  stepsPerSecond: number | null;
  seconds: number;
  tasks: number;
  breakdown: ReturnType<typeof heaviest>;
  totals: [string, number][];
  p95: number;
  /** Steps trained from Play until the paused counter settled, and the workers' CPU and wall ms meanwhile. */
  workerSteps: number | null;
  /** Steady play: steps and the workers' CPU ms from a second after Play to the window's end. */
  steadySteps: number | null;
  steadyCpuMs: number | null;
  workerCpuMs: number | null;
  workerWallMs: number | null;
}

// Read with a plain evaluate, not a locator: a locator runs Playwright's injected selector
// engine in the page, whose work would land in the measured window as if it were the site's.
const stepOf = async (page: Page, sel: string) =>
  Number(((await page.evaluate((q) => document.querySelector(q)?.textContent ?? '', `${sel} .ctl-play__counter`)) ?? '').replace(/\D/g, ''));

// The page is driven without locators, from before the window opens: a locator installs
// Playwright's injected script in the page, and its event listeners then run on every mouse
// event inside the window (about 8-10 ms of CPU per click at 4x), as if they were the site's.

/** Waits until `sel` matches (polling with a plain evaluate). */
async function until(page: Page, sel: string, timeoutMs = 60_000): Promise<void> {
  for (const t0 = Date.now(); Date.now() - t0 < timeoutMs; ) {
    if (await page.evaluate((q) => document.querySelector(q) !== null, sel)) return;
    await page.waitForTimeout(100); // polling, not a test wait
  }
  throw new Error(`no ${sel} after ${timeoutMs} ms`);
}

/** Scrolls `sel` to the middle of the screen at once, unless it is all in view below the header, and returns its centre. */
async function scrollTo(page: Page, sel: string): Promise<{ x: number; y: number }> {
  const at = await page.evaluate((q) => {
    const el = document.querySelector(q);
    if (!el) return null;
    const box = el.getBoundingClientRect();
    // The sticky header covers the top of the screen: a button under it would take the click.
    const top = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
    if (box.top < top || box.bottom > innerHeight) el.scrollIntoView({ block: 'center', behavior: 'instant' });
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    const hit = document.elementFromPoint(x, y);
    return { x, y, clear: !!hit && el.contains(hit) };
  }, sel);
  if (!at) throw new Error(`no ${sel} on the page`);
  if (!at.clear) throw new Error(`${sel} is covered at its centre: a click there would miss it`);
  await frames(page);
  return at;
}

async function frames(page: Page, n = 2): Promise<void> {
  await page.evaluate((count) => new Promise<void>((resolve) => {
    let left = count;
    const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  }), n);
}

/** Marks the window's edges in the trace (performance.mark lands in blink.user_timing). */
const mark = (page: Page, name: string) => page.evaluate((n) => performance.mark(n), name);

function windowOf(events: TraceEvent[]): [number, number] {
  const at = (n: string) => events.find((e) => e.name === n && (e.cat ?? '').includes('blink.user_timing'))?.ts;
  return [at('vg-bench-start') ?? -Infinity, at('vg-bench-end') ?? Infinity];
}

async function runOnce(browser: Browser, s: Scenario, throttle: number): Promise<Result> {
  // Reduced motion: nothing autoplays, so the window starts at our Play.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  try {
    // BENCH_DRAWS=1: every chart draw logs its parts' times here (kit/Chart.tsx).
    if (process.env.BENCH_DRAWS) await context.addInitScript(() => ((window as unknown as { __vgDraws: unknown[] }).__vgDraws = []));
    const page = await context.newPage();
    await page.goto(BASE + s.url);
    // Figures hydrate once they are on screen.
    await scrollTo(page, s.figure);
    await until(page, `${s.figure} [data-hydrated="true"]`);
    await until(page, `${s.figure} .fig-chart[data-live="true"]`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await frames(page);
    if (PROFILE) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const playSel = `${s.figure} .ctl-play .btn--primary`;
    // The reader has the control in view before using it: Play, or the explorer's controls
    // (focusing one off screen would scroll the page inside the window, and the scroll's cost,
    // the skipped chapter blocks that come into view being styled and laid out, would count
    // as the first change's).
    const play = s.kind === 'train' ? await scrollTo(page, playSel) : (await scrollTo(page, `${s.figure} .fig-controls`), { x: 0, y: 0 });
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await mark(page, 'vg-bench-start');
    const t0 = Date.now();
    let steps: number | null = null;
    let s0 = 0;
    let steadySteps = 0;
    if (s.kind === 'train') {
      s0 = await stepOf(page, s.figure);
      // A reader's click is mouse events at a point: the button is found before the window and
      // clicked as a mouse would (the press, its hit tests and the page's handlers are all
      // measured), not with locator.click(), whose hit-target checks run in the same tasks.
      await page.mouse.click(play.x, play.y);
      // The worker's steady window opens a second in, past Play's forced refresh.
      await page.waitForTimeout(STEADY_MS); // a measuring window, not a test wait
      steadySteps = await stepOf(page, s.figure);
      await mark(page, 'vg-bench-steady');
      await page.waitForTimeout(SECONDS * 1000 - STEADY_MS); // a measuring window, not a test wait
      steps = (await stepOf(page, s.figure)) - s0;
      if (steps <= 0) throw new Error(`${s.name}: the click on Play did not start training`);
    } else {
      // 20 changes: depth ×6 (including 1 ↔ 50) and width ×6 by trusted key presses,
      // activation ×4 and init ×4 by choosing the next option (as selectOption does).
      const keys: [number, string][] = [[0, 'End'], [0, 'Home'], [0, 'End'], [0, 'ArrowLeft'], [0, 'PageDown'], [0, 'Home'], [1, 'Home'], [1, 'End'], [1, 'ArrowLeft'], [1, 'Home'], [1, 'End'], [1, 'ArrowLeft']];
      for (const [i, key] of keys) {
        await page.evaluate(([q, n]) => (document.querySelectorAll(q)[n] as HTMLElement).focus(), [`${s.figure} input[type="range"]`, i] as const);
        await page.keyboard.press(key);
        await frames(page);
      }
      for (let k = 0; k < 4; k++) {
        for (let j = 0; j < 2; j++) {
          await page.evaluate(([q, n, at]) => {
            const sel = document.querySelectorAll(q)[n] as HTMLSelectElement;
            sel.focus();
            sel.value = sel.options[(at + 1) % sel.options.length].value;
            sel.dispatchEvent(new Event('input', { bubbles: true }));
            sel.dispatchEvent(new Event('change', { bubbles: true }));
          }, [`${s.figure} select`, j, k] as const);
          await frames(page);
        }
      }
      // Let the last change finish drawing before the window closes.
      await page.waitForTimeout(1000 * throttle);
      await frames(page, 4);
    }
    const seconds = (Date.now() - t0) / 1000;
    await mark(page, 'vg-bench-end');
    // The worker's window runs on to the pause: the counter then settles on the last step
    // the worker trained, so steps and the worker's CPU cover the same work.
    let workerSteps: number | null = null;
    if (s.kind === 'train') {
      // A run that finishes meanwhile disables the button: then there is nothing to pause.
      if (await page.evaluate((q) => !(document.querySelector(q) as HTMLButtonElement | null)?.disabled, playSel)) await page.mouse.click(play.x, play.y);
      let last = -1;
      for (let k = 0; k < 20; k++) {
        const now = await stepOf(page, s.figure);
        if (now === last) break;
        last = now;
        await page.waitForTimeout(250); // polling for the counter to settle, not a test wait
      }
      workerSteps = last - s0;
      await mark(page, 'vg-bench-worker-end');
    }
    if (process.env.BENCH_DRAWS) {
      const draws = await page.evaluate(() => (window as unknown as { __vgDraws?: [string, number, number, number, number][] }).__vgDraws ?? []);
      const by = new Map<string, number[][]>();
      for (const [k, ...v] of draws) by.set(k, [...(by.get(k) ?? []), v]);
      for (const [k, vs] of by) process.stderr.write(`draw ${k}: n=${vs.length} options ${median(vs.map((v) => v[0])).toFixed(1)} plot ${median(vs.map((v) => v[1])).toFixed(1)} (max ${Math.max(...vs.map((v) => v[1])).toFixed(1)}) show ${median(vs.map((v) => v[2])).toFixed(1)} elements ${vs.at(-1)![3]}\n`);
    }
    if (PROFILE) printProfile(s.name, throttle, (await cdp.send('Profiler.stop')).profile as unknown as CpuProfile);
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
    const events = Array.isArray(trace) ? trace : trace.traceEvents;
    if (process.env.BENCH_TRACE_OUT) writeFileSync(`${process.env.BENCH_TRACE_OUT}-${s.name.replace(/[^a-z0-9]+/gi, '_')}-${throttle}x-${Date.now()}.json`, JSON.stringify(events));
    const [from, to] = windowOf(events);
    const tasks = mainThreadTasks(events, from, to);
    const workerEnd = events.find((e) => e.name === 'vg-bench-worker-end' && (e.cat ?? '').includes('blink.user_timing'))?.ts ?? to;
    const w = workerSteps === null ? null : workerCpu(events, from, workerEnd);
    const steadyAt = events.find((e) => e.name === 'vg-bench-steady' && (e.cat ?? '').includes('blink.user_timing'))?.ts;
    const steady = steps === null || steadyAt === undefined ? null : workerCpu(events, steadyAt, to);
    return {
      ...taskStats(tasks), tasks: tasks.length, breakdown: heaviest(tasks, 6), totals: totals(tasks), p95: percentile(tasks, 95), stepsPerSecond: steps === null ? null : steps / seconds, seconds,
      workerSteps, workerCpuMs: w && w.threads > 0 ? w.cpu : null, workerWallMs: w && w.threads > 0 ? w.wall : null,
      steadySteps: steady && steps !== null ? s0 + steps - steadySteps : null, steadyCpuMs: steady && steady.threads > 0 ? steady.cpu : null,
    };
  } finally {
    await context.close();
  }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function, and inclusive time per function of the site's own code, from a sampling profile. */
function printProfile(name: string, throttle: number, p: CpuProfile): void {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const key = (n: CpuProfile['nodes'][number]) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber}`;
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    const n = byId.get(id);
    if (!n) return;
    self.set(key(n), (self.get(key(n)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(byId.get(cur)!);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + dt);
    }
  });
  const top = (m: Map<string, number>, n: number, f: (k: string) => boolean = () => true) => [...m].filter(([k]) => f(k) && !k.startsWith('(idle)') && !k.startsWith('(program)') && !k.startsWith('(root)')).sort((a, b) => b[1] - a[1]).slice(0, n);
  const lines = [`\nprofile: ${name}, ${throttle}×: self time (ms)`, ...top(self, 25).map(([k, v]) => `  ${v.toFixed(0).padStart(6)}  ${k}`), 'inclusive (ms)', ...top(total, Number(process.env.BENCH_PROFILE_LINES ?? 40)).map(([k, v]) => `  ${v.toFixed(0).padStart(6)}  ${k}`)];
  process.stderr.write(lines.join('\n') + '\n');
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
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  const rows: { scenario: string; throttle: number; result: Result; reps: Result[] }[] = [];
  try {
    for (const s of SCENARIOS) {
      for (const throttle of THROTTLES) {
        const reps: Result[] = [];
        for (let r = 0; r < REPS; r++) reps.push(await runOnce(browser, s, throttle));
        const med = (f: (x: Result) => number) => median(reps.map(f));
        const result: Result = {
          maxCpu: med((x) => x.maxCpu),
          maxWall: med((x) => x.maxWall),
          overCpu: med((x) => x.overCpu),
          overWall: med((x) => x.overWall),
          tbtWall: med((x) => x.tbtWall),
          tbtCpu: med((x) => x.tbtCpu),
          tasks: med((x) => x.tasks),
          stepsPerSecond: reps[0].stepsPerSecond === null ? null : med((x) => x.stepsPerSecond ?? 0),
          seconds: med((x) => x.seconds),
          breakdown: [...reps].sort((a, b) => b.maxCpu - a.maxCpu)[0].breakdown,
          totals: reps[0].totals,
          p95: med((x) => x.p95),
          workerSteps: reps[0].workerSteps === null ? null : med((x) => x.workerSteps ?? 0),
          steadySteps: reps[0].steadySteps === null ? null : med((x) => x.steadySteps ?? 0),
          steadyCpuMs: reps.every((x) => x.steadyCpuMs !== null) ? med((x) => x.steadyCpuMs ?? 0) : null,
          workerCpuMs: reps.every((x) => x.workerCpuMs !== null) ? med((x) => x.workerCpuMs ?? 0) : null,
          workerWallMs: reps.every((x) => x.workerWallMs !== null) ? med((x) => x.workerWallMs ?? 0) : null,
        };
        rows.push({ scenario: s.name, throttle, result, reps });
        process.stderr.write(`done: ${s.name}, throttle ${throttle}× (max task ${result.maxCpu.toFixed(0)} ms CPU)\n`);
      }
    }
  } finally {
    await browser.close();
  }
  const { loadavg, cpus } = await import('node:os');
  // After the browser has closed: the library's bare step, in this process's CPU time.
  const kernel = simdKernel();
  const library = new Map<SessionConfig, number>();
  for (const s of SCENARIOS) if (s.library && !library.has(s.library)) library.set(s.library, median(libraryRates(s.library, kernel)));
  /** Steps per CPU-second of one rep: steps over the workers' CPU time. */
  const perCpu = (x: Result) => (x.steadySteps && x.steadyCpuMs ? (x.steadySteps * 1000) / x.steadyCpuMs : null);
  const perCpuWhole = (x: Result) => (x.workerSteps && x.workerCpuMs ? (x.workerSteps * 1000) / x.workerCpuMs : null);
  const medianOf = (reps: Result[], f: (x: Result) => number | null) => {
    const rates = reps.map(f).filter((x): x is number => x !== null);
    return rates.length ? median(rates) : null;
  };
  /** Steady play's steps per worker CPU-second (the throughput); and Play to Pause, both forced refreshes included. */
  const rowWorker = (reps: Result[]) => medianOf(reps, perCpu);
  const rowWhole = (reps: Result[]) => medianOf(reps, perCpuWhole);
  const ms = (x: number) => String(Math.round(x));
  const lines = [
    `UI bench: Chromium, 1280×900, ${SECONDS} s training windows, ${REPS} rep(s)${REPS > 1 ? ' (medians)' : ''}; ${cpus().length} CPUs, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`,
    '',
    '| scenario | CPU throttle | **max task CPU (ms)** | max task wall (ms) | tasks > 50 ms CPU | tasks > 50 ms wall | TBT wall (ms) | TBT CPU (ms) | worker steps/s | window (s) | worker CPU ms/step | worker steps/CPU-s | lib steps/CPU-s | worker/lib (target 0.8) | worker CPU ms/step, Play to Pause |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(({ scenario, throttle, result: r, reps }) => {
      const worker = rowWorker(reps);
      const whole = rowWhole(reps);
      const lib = SCENARIOS.find((x) => x.name === scenario)?.library;
      const libRate = lib ? library.get(lib) ?? null : null;
      const cost = worker === null ? '–' : (1000 / worker).toFixed(2);
      const vsLib = worker !== null && libRate !== null ? ratioNote(worker / libRate) : '–';
      return `| ${scenario} | ${throttle === 1 ? 'none' : `${throttle}×`} | ${ms(r.maxCpu)} | ${ms(r.maxWall)} | ${r.overCpu} | ${r.overWall} | ${ms(r.tbtWall)} | ${ms(r.tbtCpu)} | ${r.stepsPerSecond === null ? '–' : r.stepsPerSecond.toFixed(1)} | ${r.seconds.toFixed(1)} | ${cost} | ${worker === null ? '–' : worker.toFixed(0)} | ${libRate === null ? '–' : libRate.toFixed(0)} | ${vsLib} | ${whole === null ? '–' : (1000 / whole).toFixed(2)} |`;
    }),
    '',
    'CPU columns are the tasks\' thread CPU time (trace `tdur`); wall columns include the time other processes held the core.',
    'CDP throttling slows the main thread only; the training worker runs at full speed in every row.',
    `Worker columns: the dedicated workers' thread CPU time in the trace over the steps trained, in steady play (from ${STEADY_MS / 1000} s after Play to the window's end; the last column from Play until the paused counter settled, with the refreshes forced by Play and Pause, which weigh more the fewer steps a loaded machine lets the worker take); lib: the library's bare trainStep on the same config and the wasm kernel, in Node, in this process's thread CPU time (bench/lab.ts). Issue 13's target: worker ≥ ${LAB_TARGET} × lib.`,
  ];
  if (BREAKDOWN) {
    for (const { scenario, throttle, result } of rows) {
      lines.push('', `${scenario}, ${throttle}×: the heaviest tasks (CPU ms) and their largest parts`);
      lines.push(`  whole window (CPU ms), p95 task ${result.p95.toFixed(1)} ms of ${result.tasks} tasks: ${result.totals.map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' · ')}`);
      for (const t of result.breakdown) lines.push(`  ${t.cpu.toFixed(1)}: ${t.parts.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' · ')}`);
    }
  }
  const over = rows.filter((r) => r.throttle === 4 && r.result.maxCpu > BUDGET_MS);
  lines.push('', over.length === 0 ? `Budget met: no main-thread task over ${BUDGET_MS} ms of CPU at 4×.` : `Over budget at 4× (a task over ${BUDGET_MS} ms of CPU): ${over.map((r) => r.scenario).join(', ')}.`);
  console.log(lines.join('\n'));
  mkdirSync('bench/.out', { recursive: true });
  writeFileSync('bench/.out/ui.json', JSON.stringify({ date: new Date().toISOString(), load: loadavg(), library: Object.fromEntries(SCENARIOS.filter((s) => s.library).map((s) => [s.name, library.get(s.library!)])), rows: rows.map((r) => ({ ...r, workerStepsPerCpuSecond: rowWorker(r.reps), workerStepsPerCpuSecondPlayToPause: rowWhole(r.reps), reps: r.reps.map(({ breakdown: _b, totals: _t, ...x }) => x) })) }, null, 2));
  if (over.length > 0) process.exitCode = 1;
} finally {
  server.kill();
}
