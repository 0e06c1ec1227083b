// npm run bench (second part): CPU-time budgets of figures that recompute on
// every change. They used to sit in the unit suite, where a shared, loaded
// machine made them flaky; here they are measured as benchmarks.
import { defaults } from '../src/widgets/kit/params.ts';
import { batchFor, INIT_EXPLORER_SCHEMA, explore, explorerNetwork, type InitExplorerValues } from '../src/widgets/init-explorer/model.ts';
import { VANISHING_SCHEMA, vanishingConfig, type VanishingValues } from '../src/widgets/vanishing-lab/model.ts';
import { createEngine } from '../src/widgets/runner/engine.ts';
import { simdKernel } from '../src/widgets/runner/kernel.ts';
import { createSession, type SessionConfig } from '../src/widgets/runner/session.ts';
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

interface LoopRates {
  /** The runner's loop (engine.ts) with every refresh, steps per CPU-second, per round. */
  worker: number[];
  /** The session alone, stepped in a plain loop: what the loop adds is the worker against it. */
  bare: number[];
  /** The library's bench step on the same network, data and kernel (bench/lab.ts), when asked. */
  library: number[];
}

/**
 * The runner's loop as the worker runs it (engine.ts: slices, snapshots cloned as
 * postMessage clones them, the budgeted refreshes), against `bare` (the session stepped in a
 * plain loop) and, with `library`, the library's bare step. In alternating rounds, so that a
 * burst of load hits all alike; rates in steps per second of this thread's CPU time, the
 * loop's read between moments of steady play (the refreshes forced by play and pause aside).
 */
async function loopRates(config: SessionConfig, bareConfig: SessionConfig, library: boolean, rounds = 5): Promise<LoopRates> {
  const kernel = simdKernel();
  let steps = 0;
  const engine = createEngine((m) => {
    const copy = structuredClone(m);
    if (copy.type === 'snapshot') steps = copy.sessions[0].state.step;
  }, 12, kernel);
  engine.receive({ type: 'init', generation: 1, configs: [config] });
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const bareSession = createSession(bareConfig, kernel);
  const bareRate = () => {
    const t = threadCpu();
    const w = performance.now();
    let n = 0;
    while (performance.now() - w < 1200) n += bareSession.run(1);
    return (n * 1000) / (threadCpu() - t);
  };
  const out: LoopRates = { worker: [], bare: [], library: [] };
  // One untimed round first: every side warms up (JIT, the first refreshes) before any counts.
  for (let r = -1; r < rounds; r++) {
    engine.receive({ type: 'play' });
    await wait(400);
    const [t0, s0] = [threadCpu(), steps];
    await wait(2500);
    const worker = ((steps - s0) * 1000) / (threadCpu() - t0);
    engine.receive({ type: 'pause' });
    const lib = library ? median(libraryRates(config, kernel, 3, 400)) : NaN;
    const bare = bareRate();
    if (r < 0) continue;
    out.worker.push(worker);
    out.bare.push(bare);
    if (library) out.library.push(lib);
  }
  engine.stop();
  return out;
}

const range = (xs: number[], d = 0) => `${median(xs).toFixed(d)} [${Math.min(...xs).toFixed(d)}-${Math.max(...xs).toFixed(d)}]`;
const per = (a: number[], b: number[]) => a.map((x, i) => x / b[i]);

let ok = true;
{
  // Issue 13: the lab's worker reaches at least 0.8 of the library's bench throughput.
  const lean = { ...LAB_BENCH_CONFIG, evaluateRecords: false, gridRes: 0, histograms: undefined };
  const { worker, bare, library } = await loopRates(LAB_BENCH_CONFIG, lean, true);
  const ratios = per(worker, library);
  const ratio = median(ratios);
  ok &&= ratio >= LAB_TARGET;
  console.log(`lab 30 x 64 (ReLU, He, batch 128, WASM kernel), the runner's loop with every refresh: ${range(worker)} steps per CPU-second (${(1000 / median(worker)).toFixed(2)} ms CPU per step); the library's bare step on the same config: ${range(library)} steps per CPU-second; worker / library ${ratioNote(ratio)} (per-round range ${range(ratios, 2)}); the same session without the lab's refreshes: ${range(bare)} steps per CPU-second, worker / bare session ${range(per(worker, bare), 2)}`);
}
{
  // Issue 17: the loop's own overhead on the vanishing-gradient lab at 30 x 64 (grid, accuracy, bound).
  const config = vanishingConfig({ ...defaults(VANISHING_SCHEMA), depth: 30, width: 64 } as VanishingValues);
  const { worker, bare } = await loopRates(config, config, false);
  const over = median(per(bare, worker));
  const met = over < 1.25;
  ok &&= met;
  console.log(`runner engine, vanishing-lab 30 x 64 with its extras: ${(1000 / median(worker)).toFixed(1)} ms CPU per step against ${(1000 / median(bare)).toFixed(1)} ms for its session alone (${over.toFixed(2)}x, per-round ${range(per(bare, worker), 2)}; budget 1.25x) ${met ? 'met' : 'OVER BUDGET'}`);
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
