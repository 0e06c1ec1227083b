/**
 * Glorot and Bengio (2010), reproduced small: a sigmoid network with 4 hidden layers and
 * the classic ("standard") init, trained with full-batch gradient descent, watching the
 * mean activation of every hidden layer. Calibrated in Node over seeds 1-3 (see
 * tests/unit/widgets/glorot-reproduction.test.ts): with learning rate 3 the top hidden
 * layer's mean falls from about 0.5 to under 0.1 within 5 steps, while the loss sits at
 * ln 2 for ~150 steps, and climbs back only slowly (about 0.27 after 1500 steps). The drop
 * comes with a brief jump of the loss in the first steps; with learning rate 1 the top
 * layer only sinks to about 0.37, much later.
 */
import type { LayerStats } from '../../lib/index.ts';
import type { Schema, Values } from '../kit/params.ts';
import type { LayerRecord, SessionConfig } from '../runner/session.ts';
import { classifierConfig } from '../runner/runs.ts';
import { LN2 } from '../series/chance.ts';

export const HIDDEN = 4;
export const WIDTH = 32;
export const MAX_STEPS = 1500;
export const RECORD_EVERY = 1;
export const DATA = { name: 'gaussians', n: 200, noise: 0.05 } as const;
export const LR_OPTIONS = ['1', '2', '3', '4'] as const;

export const GLOROT_SCHEMA = {
  lr: { kind: 'enum', options: LR_OPTIONS, default: '3' },
  seed: { kind: 'number', min: 1, max: 999, step: 1, default: 1 },
} as const satisfies Schema;
export type GlorotValues = Values<typeof GLOROT_SCHEMA>;

export function glorotConfig(v: GlorotValues): SessionConfig {
  return classifierConfig({ depth: HIDDEN, width: WIDTH, activation: 'sigmoid', init: 'classic', seed: v.seed, data: DATA, lr: Number(v.lr), recordEvery: RECORD_EVERY, maxSteps: MAX_STEPS });
}

export interface GlorotView {
  step: number;
  initialLoss: number;
  loss: number;
  losses: number[];
  records: LayerRecord[];
}

/** Mean activation of hidden layer l (0-based) at every record. */
export function layerMeans(records: LayerRecord[], l: number): { step: number; value: number }[] {
  return records.map((r) => ({ step: r.step, value: r.layers[l].activationMean }));
}

export const EARLY = 50;

export interface TopLayerFacts {
  initial: number;
  /** Lowest mean of the top hidden layer within the first EARLY steps, and when. */
  earlyMin: number;
  earlyMinStep: number;
  now: number;
  /** Range of the other hidden layers' means over the whole run so far. */
  othersLo: number;
  othersHi: number;
  /** Highest loss in the first EARLY steps (the large step's jump, if any). */
  earlyPeak: number;
  /** First step whose loss is below ln 2 − 0.1 (the network has started to learn), or null. */
  escape: number | null;
}

export { LN2 };

export function topLayerFacts(v: GlorotView, layers: LayerStats[] | null = null): TopLayerFacts {
  const top = HIDDEN - 1;
  const recs = v.records;
  const initial = recs[0].layers[top].activationMean;
  let earlyMin = initial, earlyMinStep = 0;
  let lo = Infinity, hi = -Infinity;
  for (const r of recs) {
    const m = r.layers[top].activationMean;
    if (r.step <= EARLY && m < earlyMin) {
      earlyMin = m;
      earlyMinStep = r.step;
    }
    for (let l = 0; l < top; l++) {
      lo = Math.min(lo, r.layers[l].activationMean);
      hi = Math.max(hi, r.layers[l].activationMean);
    }
  }
  let earlyPeak = v.initialLoss;
  for (let i = 0; i < Math.min(EARLY, v.losses.length); i++) earlyPeak = Math.max(earlyPeak, v.losses[i]);
  const k = v.losses.findIndex((x) => x < LN2 - 0.1);
  const now = (layers ?? recs.at(-1)!.layers)[top].activationMean;
  return { initial, earlyMin, earlyMinStep, now, othersLo: lo, othersHi: hi, earlyPeak, escape: k < 0 ? null : k + 1 };
}

/** "Saturated": the top layer's mean fell below 0.2 and below half its starting value within EARLY steps. */
export function saturated(f: TopLayerFacts): boolean {
  return f.earlyMin < 0.2 && f.earlyMin < 0.5 * f.initial;
}
