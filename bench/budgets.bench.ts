// npm run bench (second part): CPU-time budgets of figures that recompute on
// every change. They used to sit in the unit suite, where a shared, loaded
// machine made them flaky; here they are measured as benchmarks.
import { defaults } from '../src/widgets/kit/params.ts';
import { batchFor, INIT_EXPLORER_SCHEMA, explore, explorerNetwork, type InitExplorerValues } from '../src/widgets/init-explorer/model.ts';
import { LAB_SCHEMA, labConfig, type LabValues } from '../src/widgets/vanishing-lab/model.ts';
import { createEngine } from '../src/widgets/runner/engine.ts';
import { simdKernel } from '../src/widgets/runner/kernel.ts';
import { createSession } from '../src/widgets/runner/session.ts';

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
  const config = labConfig({ ...defaults(LAB_SCHEMA), depth: 30, width: 64 } as LabValues);
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

let ok = true;
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
