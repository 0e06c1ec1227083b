// Both runs trained in lockstep for a number of steps, outside the worker: for the
// build-time drawing (both languages share one run) and for the tests.
import { trainRuns } from '../runner/runs.ts';
import { RUNS, explodingConfig, type ExplodingValues, type ExplodingRun } from './model.ts';

const cache = new Map<string, ExplodingRun[]>();

/** The two runs after `steps` steps; a diverged run stops where it diverged, the other goes on. */
export function staticRuns(v: ExplodingValues, steps: number): ExplodingRun[] {
  const key = `${JSON.stringify(v)}|${steps}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const out = trainRuns(RUNS, (r) => explodingConfig(v, r), steps);
  cache.set(key, out);
  return out;
}
