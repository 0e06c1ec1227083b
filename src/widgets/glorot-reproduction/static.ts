// The whole budget run once at build time (shared by both languages), so readers without
// JavaScript see the full curves; also used by the tests.
import { createSession } from '../runner/session.ts';
import { glorotConfig, type GlorotValues, type GlorotView } from './model.ts';

const cache = new Map<string, GlorotView>();

export function trainedView(v: GlorotValues, steps?: number): GlorotView {
  const key = `${v.lr}/${v.seed}/${steps ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const s = createSession(glorotConfig(v));
  s.run(steps ?? s.config.maxSteps ?? 0);
  const st = s.state();
  const out = { step: st.step, initialLoss: st.initialLoss, loss: st.loss, losses: s.lossHistory, records: s.layerHistory };
  cache.set(key, out);
  return out;
}
