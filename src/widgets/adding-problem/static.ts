// The RNN and the LSTM trained outside the worker: for the build-time drawing (readers
// without JavaScript), the unit tests and the e2e oracle, one definition.
import { createSequenceSession } from '../runner/sequenceSession.ts';
import { ADD_CELLS, addConfigs, type AddRun, type AddValues } from './model.ts';

/** Trains the pair; the sessions are independent, so each can stop at its own budget. */
export function trainCells(v: AddValues, budgets: readonly [number, number]): AddRun[] {
  return addConfigs(v).map((c, i) => {
    const s = createSequenceSession(c);
    s.run(budgets[i]);
    const st = s.state();
    return { cell: ADD_CELLS[i], step: st.step, testLoss: st.testLoss, initialTestLoss: st.initialLoss, baseline: s.baseline, records: s.layerHistory, diverged: st.diverged };
  });
}
