// Both networks trained in lockstep for a number of steps, outside the worker: for the
// build-time drawing (both languages share one run) and for the tests.
import { createSession, type Session } from '../runner/session.ts';
import { RUNS, residualConfig, type ResidualValues, type RunName, type RunView } from './model.ts';

export function sessionView(run: RunName, s: Session): RunView {
  const st = s.state();
  return { run, step: st.step, loss: st.loss, initialLoss: st.initialLoss, testAccuracy: st.testAccuracy, losses: s.lossHistory.slice(), records: s.layerHistory.slice(), diverged: st.diverged };
}

const cache = new Map<string, RunView[]>();

export function staticRuns(v: ResidualValues, steps: number): RunView[] {
  const key = `${JSON.stringify(v)}|${steps}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const sessions = RUNS.map((r) => createSession(residualConfig(v, r)));
  for (const s of sessions) {
    s.run(steps);
    s.evaluate();
  }
  const out = RUNS.map((r, i) => sessionView(r, sessions[i]));
  cache.set(key, out);
  return out;
}
