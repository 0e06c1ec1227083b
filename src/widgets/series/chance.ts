import type { LayerStats } from '../../lib/index.ts';

/**
 * Chance level: a network that answers p for every example of a balanced two-class set
 * has cross-entropy -(ln p + ln(1 - p))/2, smallest at p = 1/2, where it is ln 2.
 */
export const LN2 = Math.LN2;

/**
 * One rule, used by every figure and summary, for "the loss sits at chance". A loss within
 * CHANCE_TOLERANCE of ln 2, after at least CHANCE_MIN_STEPS updates (before that the
 * network has had no chance to leave it: every run starts near ln 2).
 */
export const CHANCE_TOLERANCE = 0.02;
export const CHANCE_MIN_STEPS = 50;

export function atChance(loss: number, step: number): boolean {
  return step >= CHANCE_MIN_STEPS && Number.isFinite(loss) && Math.abs(loss - LN2) < CHANCE_TOLERANCE;
}

/**
 * The output layer's own gradient has died: it fell below COLLAPSE_FACTOR of its value at
 * step 0. With the loss at chance this is the collapse to the class prior: the network
 * answers about 50 % to every input, and no layer receives a gradient any more.
 */
export const COLLAPSE_FACTOR = 1e-3;

export function outputCollapsed(now: LayerStats[], start: LayerStats[]): boolean {
  const g = now.at(-1)?.weightGradNorm;
  const g0 = start.at(-1)?.weightGradNorm;
  if (g === undefined || g0 === undefined || !(g0 > 0)) return false;
  return g < COLLAPSE_FACTOR * g0;
}

/**
 * What the per-layer profile shows, named so that chart and summary agree:
 * - 'collapsed': the loss is at chance and the output layer's gradient has died (the prior);
 * - 'vanishing': the first layer gets under 10⁻³ of the last layer's gradient;
 * - 'slow': under 10⁻¹ of it; 'flows': a tenth or more;
 * - 'dead': no gradient gets through: the output layer's weight gradient is 0 (or the
 *   ratio has no value), as when a whole ReLU layer is dead; never "NaN times";
 * - 'diverged': training stopped on a divergence, so nothing here describes learning.
 */
export type Diagnosis = 'collapsed' | 'vanishing' | 'slow' | 'flows' | 'dead' | 'diverged';

export const VANISHING_RATIO = 1e-3;
export const SLOW_RATIO = 0.1;

export function diagnose(v: { step: number; loss: number; layers: LayerStats[]; start: LayerStats[]; diverged?: unknown }, ratio: number): Diagnosis {
  if (v.diverged) return 'diverged';
  if (v.layers.length && !Number.isFinite(ratio)) return 'dead';
  if (atChance(v.loss, v.step) && outputCollapsed(v.layers, v.start)) return 'collapsed';
  if (!(ratio >= VANISHING_RATIO)) return 'vanishing';
  if (ratio < SLOW_RATIO) return 'slow';
  return 'flows';
}
