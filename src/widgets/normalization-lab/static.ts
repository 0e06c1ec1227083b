// The three networks trained for a number of steps outside the worker: for the build-time
// drawing (readers without JavaScript), the unit tests and the e2e oracle, one definition.
import { createSession } from '../runner/session.ts';
import { NORMS, normConfigs, type NormRun, type NormValues } from './model.ts';

export function trainNorms(v: NormValues, steps: number): NormRun[] {
  return normConfigs(v).map((c, i) => {
    const s = createSession(c);
    const layers0 = s.state().layers;
    s.run(steps);
    const st = s.state();
    return { norm: NORMS[i], step: st.step, loss: st.loss, initialLoss: st.initialLoss, losses: s.lossHistory, layers: st.layers, initialLayers: layers0, records: s.layerHistory, diverged: st.diverged, histograms: s.histograms() };
  });
}
