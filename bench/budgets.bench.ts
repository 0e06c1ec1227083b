// npm run bench (second part): CPU-time budgets of figures that recompute on
// every change. They used to sit in the unit suite, where a shared, loaded
// machine made them flaky; here they are measured as benchmarks.
import { defaults } from '../src/widgets/kit/params.ts';
import { batchFor, INIT_EXPLORER_SCHEMA, explore, explorerNetwork, type InitExplorerValues } from '../src/widgets/init-explorer/model.ts';
import { VANISHING_SCHEMA, vanishingConfig, type VanishingValues } from '../src/widgets/vanishing-lab/model.ts';
import { createEngine } from '../src/widgets/runner/engine.ts';
import { simdKernel } from '../src/widgets/runner/kernel.ts';
import { createSession } from '../src/widgets/runner/session.ts';
import { LAB_BENCH_CONFIG, LAB_TARGET, libraryRates, median, ratioNote } from './lab.ts';

/** CPU time rather than wall time: on a shared machine wall time measures the neighbours. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const budgets: { label: string; ms: number; run: (k: number) => void }[] = [
  (() => {
    const values = { ...defaults(INIT_EXPLORER_SCHEMA), depth: 50, width: INIT_EXPLORER_SCHEMA.width.max, activation: 'relu', init: 'he' } as InitExplorerValues;
    return {
      label: `init-explorer, heaviest setting: depth 50 x width ${values.width} x batch ${batchFor(50, values.width)}`,
      ms: 100,
      run: (k: number) => { explore(explorerNetwork({ ...values, seed: k + 1 }), values); },
    };
  })(),
];

/** Thread CPU time in ms (this thread only: the engine runs here, on timers). */
const threadCpu = () => {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * The worker's CPU per step for the lab at 30 x 64, with its snapshots and its
 * accuracy and boundary-grid refreshes, against the bare session's steps. The engine
 * refreshes those extras on a time budget (engine.ts), so the overhead stays bounded.
 */
async function engineOverhead(): Promise<{ engine: number; bare: number }> {
  const config = vanishingConfig({ ...defaults(VANISHING_SCHEMA), depth: 30, width: 64 } as VanishingValues);
  const kernel = simdKernel();
  let steps = 0;
  const engine = createEngine((m) => {
    if (m.type === 'snapshot') steps = m.sessions[0].state.step;
  }, 12, kernel);
  engine.receive({ type: 'init', generation: 1, configs: [config] });
  engine.receive({ type: 'play' });
  // Measured between two moments of steady play, so the refreshes forced by play and
  // pause do not count: what remains is the budgeted refreshes and the snapshots.
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
  await wait(1000);
  const [t0, s0] = [threadCpu(), steps];
  await wait(5000);
  const engineMs = (threadCpu() - t0) / (steps - s0);
  engine.receive({ type: 'pause' });
  engine.stop();
  const session = createSession(config, kernel);
  const t1 = threadCpu();
  let n = 0;
  while (threadCpu() - t1 < 2000) n += session.run(1);
  return { engine: engineMs, bare: (threadCpu() - t1) / n };
}

/**
 * Issue 13's throughput claim, in Node: the runner's loop (engine.ts, as the worker runs it)
 * on the lab at 30 x 64, against the library's bare step on the same network, data and
 * kernel (bench/lab.ts), in alternating rounds so that a burst of load hits both alike.
 * Each snapshot is cloned, as the worker's postMessage clones it. Rates are steps per
 * second of this thread's CPU time; the engine's are read between moments of steady play.
 */
async function labThroughput(rounds = 5): Promise<{ worker: number[]; library: number[]; ratios: number[]; msPerStep: number[] }> {
  const kernel = simdKernel();
  let steps = 0;
  const engine = createEngine((m) => {
    const copy = structuredClone(m);
    if (copy.type === 'snapshot') steps = copy.sessions[0].state.step;
  }, 12, kernel);
  engine.receive({ type: 'init', generation: 1, configs: [LAB_BENCH_CONFIG] });
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const out = { worker: [] as number[], library: [] as number[], ratios: [] as number[], msPerStep: [] as number[] };
  // One untimed round first: both sides warm up (JIT, the first refreshes) before any counts.
  for (let r = -1; r < rounds; r++) {
    engine.receive({ type: 'play' });
    await wait(400);
    const [t0, s0] = [threadCpu(), steps];
    await wait(2500);
    const cpuMs = threadCpu() - t0;
    const worker = ((steps - s0) * 1000) / cpuMs;
    engine.receive({ type: 'pause' });
    const library = median(libraryRates(LAB_BENCH_CONFIG, kernel, 3, 400));
    if (r < 0) continue;
    out.worker.push(worker);
    out.library.push(library);
    out.ratios.push(worker / library);
    out.msPerStep.push(cpuMs / (steps - s0));
  }
  engine.stop();
  return out;
}

let ok = true;
{
  const { worker, library, ratios, msPerStep } = await labThroughput();
  const ratio = median(ratios);
  ok &&= ratio >= LAB_TARGET;
  const range = (xs: number[], d = 0) => `${median(xs).toFixed(d)} [${Math.min(...xs).toFixed(d)}-${Math.max(...xs).toFixed(d)}]`;
  console.log(`lab 30 x 64 (ReLU, He, batch 128, WASM kernel), the runner's loop with every refresh: ${range(worker)} steps per CPU-second (${range(msPerStep, 2)} ms CPU per step); the library's bare step on the same config: ${range(library)} steps per CPU-second; worker / library ${ratioNote(ratio)} (per-round range ${range(ratios, 2)})`);
}
{
  const { engine, bare } = await engineOverhead();
  const met = engine < 1.25 * bare;
  ok &&= met;
  console.log(`runner engine, lab 30 x 64 with its extras: ${engine.toFixed(1)} ms CPU per step against ${bare.toFixed(1)} ms bare (${(engine / bare).toFixed(2)}x; budget 1.25x) ${met ? 'met' : 'OVER BUDGET'}`);
}
for (const b of budgets) {
  let best = Infinity;
  for (let k = 0; k < 5; k++) {
    const t0 = cpu();
    b.run(k);
    best = Math.min(best, cpu() - t0);
  }
  const met = best < b.ms;
  ok &&= met;
  console.log(`${b.label}: ${best.toFixed(1)} ms CPU (budget ${b.ms} ms) ${met ? 'met' : 'OVER BUDGET'}`);
}
if (!ok) process.exitCode = 1;
