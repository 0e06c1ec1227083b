/**
 * The lab's status line: one plain-language name for what the run is doing, from the same
 * numbers the charts show. The rules live here and nowhere else, and are pinned on real runs
 * over seeds 1–3 by tests/unit/widgets/lab-status.test.ts.
 *
 * In order (the first that holds wins):
 * - 'diverged': the run stopped on a non-finite or exploded loss (the kit's alert says so too);
 * - 'dead': no gradient gets through at all (the output layer's weight gradient is 0), or at
 *   least DEAD_SHARE of the hidden units are dead (negative on every input: ReLU);
 * - 'collapsed': the collapse to the prior, series/chance.ts's rule: loss at chance and the
 *   output layer's own gradient died;
 * - 'exploding': the weight gradient or the backpropagated error grows towards the input by
 *   EXPLODING_RATIO or more, or one step's update is as large as a layer's weights
 *   (update/weight ≥ EXPLODING_UPDATE). The error is checked as well as the weight gradient
 *   because with too large a ReLU init the activations grow forwards as fast as the error grows
 *   backwards, so their product, the weight gradient, stays level while both explode;
 * - 'vanishing': the first layer gets under VANISHING_RATIO (10⁻³) of the output layer's
 *   gradient (series/chance.ts's threshold);
 * - 'chance': the loss sits at chance (series/chance.ts's atChance) though gradients flow;
 * - 'healthy': none of the above.
 */
import type { LayerStats } from '../../lib/index.ts';
import type { Lang } from '../../i18n/index.ts';
import { formatPercent, formatSci } from '../kit/format.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { Divergence } from '../runner/session.ts';
import { LN2, VANISHING_RATIO, atChance, errorRms, firstToLast, formatLoss, gradientRatio, outputCollapsed } from '../series/index.ts';

export type LabStatusKind = 'diverged' | 'dead' | 'collapsed' | 'exploding' | 'vanishing' | 'chance' | 'healthy';

export const EXPLODING_RATIO = 1e3;
export const EXPLODING_UPDATE = 1;
/** Share of hidden units dead (negative on every training input) from which the run is "dead units". */
export const DEAD_SHARE = 0.3;

export interface StatusInput {
  step: number;
  /** The training loss drawn last on the loss chart: the status quotes this number. */
  loss: number;
  /** Per-layer stats now and at step 0 (hidden layers first, the output layer last). */
  layers: LayerStats[];
  start: LayerStats[];
  /** The latest record's update/weight ratio per layer (0 at step 0). */
  update?: number[];
  diverged: Divergence | null;
}

export interface LabStatus {
  kind: LabStatusKind;
  /** First-layer over output-layer weight-gradient norm (NaN when it has no meaning). */
  ratio: number;
  /** First-layer over output-layer backpropagated error (RMS of ∂L/∂z). */
  errorRatio: number;
  /** Mean dead fraction over the hidden layers. */
  dead: number;
  maxUpdate: number;
}

const hidden = (layers: LayerStats[]) => layers.slice(0, -1);

export function deadShare(layers: LayerStats[]): number {
  const h = hidden(layers);
  return h.length ? h.reduce((a, l) => a + l.deadFraction, 0) / h.length : 0;
}

export function labStatus(v: StatusInput): LabStatus {
  const ratio = gradientRatio(v.layers);
  const errorRatio = firstToLast(errorRms(v.layers));
  const dead = deadShare(v.layers);
  const maxUpdate = Math.max(0, ...(v.update ?? []).filter(Number.isFinite));
  const kind: LabStatusKind = v.diverged
    ? 'diverged'
    : (v.layers.length > 0 && !Number.isFinite(ratio)) || dead >= DEAD_SHARE
      ? 'dead'
      : atChance(v.loss, v.step) && outputCollapsed(v.layers, v.start)
        ? 'collapsed'
        : ratio >= EXPLODING_RATIO || errorRatio >= EXPLODING_RATIO || maxUpdate >= EXPLODING_UPDATE
          ? 'exploding'
          : ratio < VANISHING_RATIO
            ? 'vanishing'
            : atChance(v.loss, v.step)
              ? 'chance'
              : 'healthy';
  return { kind, ratio, errorRatio, dead, maxUpdate };
}

/** The status as one sentence, quoting the loss on screen and the number behind the verdict. */
export function statusSentence(v: StatusInput, s: Strings, lang: Lang): { status: LabStatus; text: string } {
  const status = labStatus(v);
  const text = tr(s, `widget.lab.status.${status.kind}`, {
    step: String(v.step),
    loss: formatLoss(v.loss, lang),
    ratio: formatSci(status.ratio, lang),
    error: formatSci(status.errorRatio, lang),
    dead: formatPercent(status.dead, lang),
    update: formatSci(status.maxUpdate, lang),
    ln2: formatLoss(LN2, lang),
  });
  return { status, text };
}
