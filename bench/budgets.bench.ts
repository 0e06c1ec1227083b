// npm run bench (second part): CPU-time budgets of figures that recompute on
// every change. They used to sit in the unit suite, where a shared, loaded
// machine made them flaky; here they are measured as benchmarks.
import { defaults } from '../src/widgets/kit/params.ts';
import { batchFor, INIT_EXPLORER_SCHEMA, explore, explorerNetwork, type InitExplorerValues } from '../src/widgets/init-explorer/model.ts';

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

let ok = true;
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
