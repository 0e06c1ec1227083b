// Both runs trained in lockstep for a number of steps, outside the worker: for the
// build-time drawing (both languages share one run) and for the tests.
import { createSession, type Session } from '../runner/session.ts';
import { RUNS, explodingConfig, type ExplodingValues, type RunName, type RunView } from './model.ts';

export function sessionView(run: RunName, s: Session): RunView {
  const st = s.state();
  return { run, step: st.step, loss: st.loss, initialLoss: st.initialLoss, losses: s.lossHistory.slice(), records: s.layerHistory.slice(), diverged: st.diverged };
}

const cache = new Map<string, RunView[]>();

/** The two runs after `steps` steps; a diverged run stops where it diverged, the other goes on. */
export function staticRuns(v: ExplodingValues, steps: number): RunView[] {
  const key = `${JSON.stringify(v)}|${steps}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const sessions = RUNS.map((r) => createSession(explodingConfig(v, r)));
  for (const s of sessions) s.run(steps);
  const out = RUNS.map((r, i) => sessionView(r, sessions[i]));
  cache.set(key, out);
  return out;
}
