// The network trained for a number of steps outside the worker, with its per-unit probe:
// for the build-time drawing (readers without JavaScript) and the e2e oracle, one definition.
import { createSession } from '../runner/session.ts';
import { deadConfig, type DeadValues, type DeadView } from './model.ts';

export function trainDead(v: DeadValues, steps: number): DeadView {
  const session = createSession(deadConfig(v));
  session.run(steps);
  const st = session.state();
  const probe = session.probe();
  if (!probe) throw new Error('deadConfig must ask for the per-unit probe');
  return {
    activation: v.activation,
    alpha: v.alpha,
    step: st.step,
    loss: st.loss,
    initialLoss: st.initialLoss,
    losses: session.lossHistory,
    history: session.layerHistory,
    units: probe.negative,
    weights: probe.weights,
    diverged: st.diverged,
  };
}
