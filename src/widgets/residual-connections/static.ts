// Both networks trained in lockstep for a number of steps, outside the worker: for the
// build-time drawing (both languages share one run) and for the tests.
import { trainRuns } from '../runner/runs.ts';
import { RUNS, residualConfig, type ResidualValues, type ResidualRun } from './model.ts';

const cache = new Map<string, ResidualRun[]>();

export function staticRuns(v: ResidualValues, steps: number): ResidualRun[] {
  const key = `${JSON.stringify(v)}|${steps}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const out = trainRuns(RUNS, (r) => residualConfig(v, r), steps, true);
  cache.set(key, out);
  return out;
}
