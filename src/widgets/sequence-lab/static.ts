// The compared cells trained outside the worker: for the build-time drawing (readers without
// JavaScript), the unit tests and the e2e oracle, one definition.
import { createSequenceSession } from '../runner/sequenceSession.ts';
import { seqCells, seqLabConfigs, type SeqLabValues, type SeqRun } from './model.ts';

/** Trains every compared cell for `steps` steps (each session on its own: they are independent). */
export function trainSeqRuns(v: SeqLabValues, steps: number): SeqRun[] {
  const cells = seqCells(v.cells);
  return seqLabConfigs(v).map((c, i) => {
    const s = createSequenceSession(c);
    s.run(steps);
    const st = s.state();
    return { cell: cells[i], step: st.step, testLoss: st.testLoss, baseline: s.baseline, records: s.layerHistory, diverged: st.diverged };
  });
}
