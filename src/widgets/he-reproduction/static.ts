// The whole training budget run once at build time (both languages share it), so readers
// without JavaScript see the finished curves, not a single point at step 0. Also used by the tests.
import { createSession, type Session } from '../runner/session.ts';
import { RUNS, heConfig, type RunName, type HeRunView } from './model.ts';

export function sessionView(s: Session): HeRunView {
  const st = s.state();
  return { step: st.step, initialLoss: st.initialLoss, loss: st.loss, losses: s.lossHistory, layers: st.layers, records: s.layerHistory };
}

const cache = new Map<number, Record<RunName, HeRunView>>();

/** Both runs trained for `steps` steps (default: the figure's whole budget) from `seed`. */
export function trainedViews(seed: number, steps?: number): Record<RunName, HeRunView> {
  const key = seed * 100000 + (steps ?? -1);
  const hit = cache.get(key);
  if (hit) return hit;
  const out = {} as Record<RunName, HeRunView>;
  for (const r of RUNS) {
    const s = createSession(heConfig(r, seed));
    s.run(steps ?? s.config.maxSteps ?? 0);
    out[r] = sessionView(s);
  }
  cache.set(key, out);
  return out;
}
