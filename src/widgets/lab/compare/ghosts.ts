/**
 * Pinned runs as the chart builders' ghosts: one series per pin, for whichever quantity a
 * chart shows. The per-layer quantities are the ones the lab's history export names.
 */
import type { CurveGhost, LayerGhost } from '../../charts/index.ts';
import type { LayerRecord } from '../../runner/session.ts';
import { tr, type Strings } from '../../kit/strings.ts';
import type { PinnedRun } from './pins.ts';

export type CurveMetric = 'loss' | 'testLoss' | 'trainAccuracy' | 'testAccuracy';
export type LayerMetric = 'grad' | 'error' | 'drift' | 'update' | 'dead' | 'saturated';

/** A pin's name on charts and in the list: «Ejecución 3» / "Run 3". */
export const pinLabel = (pin: Pick<PinnedRun, 'id'>, s: Strings) => tr(s, 'widget.lab.compare.pinLabel', { n: pin.id });

/** What the lab records with config.evaluateRecords (typed here too, for sessions without them). */
type Evaluated = LayerRecord & { testLoss?: number; trainAccuracy?: number; testAccuracy?: number };

const perLayer: Record<LayerMetric, (r: LayerRecord) => (number | undefined)[]> = {
  grad: (r) => r.layers.map((l) => l.weightGradNorm),
  error: (r) => r.layers.map((l) => l.deltaRms),
  drift: (r) => r.drift ?? [],
  update: (r) => r.update ?? [],
  dead: (r) => r.layers.map((l) => l.deadFraction),
  saturated: (r) => r.layers.map((l) => l.saturatedFraction),
};

/**
 * Each pin's curve of one quantity over steps (the loss at every kept step, the rest at
 * records), up to step `upTo` when given: an earlier run is compared step for step with the
 * current one, and a pin 20 000 steps long does not squash a run that has just started.
 */
export function ghostCurves(pins: readonly PinnedRun[], metric: CurveMetric, s: Strings, upTo = Infinity): CurveGhost[] {
  return pins.map((p) => ({
    label: pinLabel(p, s),
    points: (metric === 'loss'
      ? p.losses
      : p.records.flatMap((r) => {
          const v = (r as Evaluated)[metric];
          return v !== undefined && Number.isFinite(v) ? [{ step: r.step, value: v }] : [];
        })
    ).filter((q) => q.step <= upTo),
  }));
}

/** The record of a pin at a step: the last one at or before it (its first, 'start'; its last, 'end'). */
function recordAt(p: PinnedRun, at: 'end' | 'start' | number): LayerRecord | undefined {
  if (at === 'start') return p.records[0];
  if (at === 'end') return p.records.at(-1);
  let found = p.records[0];
  for (const r of p.records) if (r.step <= at) found = r;
  return found;
}

/**
 * Each pin's per-layer profile of one quantity: at its last record, its first ('start'), or
 * at a step (the last record at or before it), to set it beside the current run's profile
 * at the same step.
 */
export function ghostProfiles(pins: readonly PinnedRun[], metric: LayerMetric, s: Strings, at: 'end' | 'start' | number = 'end'): LayerGhost[] {
  return pins.flatMap((p) => {
    const r = recordAt(p, at);
    if (!r) return [];
    return [{ label: pinLabel(p, s), values: perLayer[metric](r).map((v) => (v === undefined ? NaN : v)) }];
  });
}
