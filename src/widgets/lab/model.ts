/**
 * What the lab shows, whichever side computed it: the build-time session or the worker's
 * snapshots. Also the whole-history export (every step's loss, every record's per-layer
 * series, and the settings). Pure.
 */
import type { LayerStats } from '../../lib/index.ts';
import type { DataTable } from '../kit/table.ts';
import type { HistogramProbe } from '../runner/probe.ts';
import type { Divergence, LayerRecord, Session, SessionConfig } from '../runner/session.ts';
import type { SessionView } from '../runner/useTrainer.ts';
import type { LabPoint, LabValues } from './settings.ts';

export interface LabView {
  step: number;
  /** The last training loss (the loss chart ends on it; the status line quotes it). */
  loss: number;
  initialLoss: number;
  testLoss: number;
  trainAccuracy: number;
  testAccuracy: number;
  /** Per-layer stats of the latest record, and at step 0. */
  layers: LayerStats[];
  start: LayerStats[];
  /** Loss at steps 1..n. */
  losses: number[];
  records: LayerRecord[];
  grid: ArrayLike<number> | null;
  histograms: HistogramProbe | null;
  diverged: Divergence | null;
  finished: boolean;
}

export const EMPTY_VIEW: LabView = {
  step: 0, loss: NaN, initialLoss: NaN, testLoss: NaN, trainAccuracy: NaN, testAccuracy: NaN,
  layers: [], start: [], losses: [], records: [], grid: null, histograms: null, diverged: null, finished: false,
};

/** The loss on screen: the last step's, or the starting loss before any step. */
const shownLoss = (losses: number[], initial: number) => (losses.length ? losses[losses.length - 1] : initial);

export function viewOfSession(s: Session): LabView {
  const st = s.state();
  return {
    step: st.step,
    loss: shownLoss(s.lossHistory, st.initialLoss),
    initialLoss: st.initialLoss,
    testLoss: st.testLoss,
    trainAccuracy: st.trainAccuracy,
    testAccuracy: st.testAccuracy,
    layers: s.layerHistory.at(-1)?.layers ?? st.layers,
    start: s.layerHistory[0]?.layers ?? st.layers,
    losses: s.lossHistory.slice(),
    records: s.layerHistory.slice(),
    grid: s.grid(),
    histograms: s.histograms(),
    diverged: st.diverged,
    finished: st.finished,
  };
}

/** A snapshot of the trainer's session (arrays copied, so a frame never changes under the charts). */
export function viewOfTrainer(v: SessionView): LabView {
  const st = v.state;
  return {
    step: st.step,
    loss: shownLoss(v.losses, st.initialLoss),
    initialLoss: st.initialLoss,
    testLoss: st.testLoss,
    trainAccuracy: st.trainAccuracy,
    testAccuracy: st.testAccuracy,
    layers: v.records.at(-1)?.layers ?? st.layers,
    start: v.records[0]?.layers ?? st.layers,
    losses: v.losses.slice(),
    records: v.records.slice(),
    grid: v.grid,
    histograms: v.histograms,
    diverged: st.diverged,
    finished: st.finished,
  };
}

/** Per-layer series kept in the history export, in column order. */
const LAYER_SERIES: [string, (r: LayerRecord, l: number) => number | undefined][] = [
  ['grad', (r, l) => r.layers[l]?.weightGradNorm],
  ['error', (r, l) => r.layers[l]?.deltaRms],
  ['drift', (r, l) => r.drift?.[l]],
  ['update', (r, l) => r.update?.[l]],
  ['dead', (r, l) => r.layers[l]?.deadFraction],
  ['saturated', (r, l) => r.layers[l]?.saturatedFraction],
  ['act_mean', (r, l) => r.layers[l]?.activationMean],
  ['act_std', (r, l) => r.layers[l]?.activationStd],
];

/**
 * The whole history as one table: a row per step with its training loss; recorded steps also
 * carry the test loss, both accuracies and every per-layer series (columns `grad_L3` and so
 * on, layer 1 next to the input, the last the output layer). Column names are plain ASCII
 * identifiers in both languages, so scripts read either export.
 */
export function historyTable(view: LabView): DataTable {
  const nLayers = view.records[0]?.layers.length ?? 0;
  const columns = ['step', 'loss', 'test_loss', 'train_accuracy', 'test_accuracy'];
  for (const [name] of LAYER_SERIES) for (let l = 1; l <= nLayers; l++) columns.push(`${name}_L${l}`);
  const byStep = new Map(view.records.map((r) => [r.step, r]));
  const rows: (string | number)[][] = [];
  for (let step = 0; step <= view.losses.length; step++) {
    const loss = step === 0 ? view.initialLoss : view.losses[step - 1];
    const r = byStep.get(step);
    const row: (string | number)[] = [step, loss, r?.testLoss ?? '', r?.trainAccuracy ?? '', r?.testAccuracy ?? ''];
    for (const [, get] of LAYER_SERIES) for (let l = 0; l < nLayers; l++) row.push(r ? (get(r, l) ?? '') : '');
    rows.push(row);
  }
  return { columns, rows };
}

/** The JSON export: settings, the exact config trained, the reader's points, the whole history. */
export function historyJson(view: LabView, settings: LabValues, config: SessionConfig, points: readonly LabPoint[], meta: Record<string, unknown>): string {
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  return JSON.stringify({
    ...meta,
    settings,
    config,
    customPoints: settings.dataset === 'custom' ? points : undefined,
    step: view.step,
    diverged: view.diverged,
    initialLoss: finite(view.initialLoss),
    losses: view.losses.map(finite),
    records: view.records,
  });
}
