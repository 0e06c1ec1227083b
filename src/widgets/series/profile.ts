import type { LayerStats } from '../../lib/index.ts';
import type { Lang } from '../../i18n/index.ts';
import { formatNumber, formatSci } from '../kit/format.ts';
import { tr, type Strings } from '../kit/strings.ts';
import { diagnose, LN2, type Diagnosis } from './chance.ts';
import { gradientRatio } from './layers.ts';

/** What a per-layer gradient figure shows of one network at one step. */
export interface ProfileView {
  step: number;
  loss: number;
  /** Per-layer stats at this step and at step 0. */
  layers: LayerStats[];
  start: LayerStats[];
  diverged?: { step: number } | null;
  /** ‖W − W₀‖ / ‖W₀‖ per layer, when known. */
  drift?: number[];
}

/**
 * The honest bound on each layer's backpropagated error RMS, given the output layer's:
 * ‖δ_l‖ ≤ bound_l · ‖δ_out‖ per example (bound from gradientBound), and an RMS over n_l
 * units is ‖δ‖/√n_l, so RMS_l ≤ bound_l · RMS_out · √(n_out / n_l).
 */
export function errorBound(layers: LayerStats[], bound: number[] | undefined, sizes: number[]): number[] {
  if (!bound || bound.length !== layers.length || !layers.length) return [];
  const out = layers[layers.length - 1].deltaRms;
  const nOut = sizes[sizes.length - 1];
  return bound.map((b, l) => b * out * Math.sqrt(nOut / sizes[l + 1]));
}

/**
 * One sentence naming what the profile shows (series.diag.*), with its numbers. Strings
 * come from the `series.` dictionary prefix.
 */
export function profileSentence(v: ProfileView, s: Strings, lang: Lang): { diagnosis: Diagnosis; text: string; headline: string } {
  const ratio = gradientRatio(v.layers);
  const diagnosis = diagnose({ ...v, start: v.start }, ratio);
  const out = v.layers.at(-1)?.weightGradNorm ?? NaN;
  const out0 = v.start.at(-1)?.weightGradNorm ?? NaN;
  const vars = {
    step: formatNumber(v.diverged?.step ?? v.step, lang, 0),
    ratio: formatSci(ratio, lang),
    out: formatSci(out, lang),
    out0: formatSci(out0, lang),
    ln2: formatNumber(LN2, lang, 3),
  };
  // The summary gets the full sentence; the line above the charts a shorter one (series.head.*).
  return { diagnosis, text: tr(s, `series.diag.${diagnosis}`, vars), headline: tr(s, `series.head.${diagnosis}`, vars) };
}

/** "Layer 1 has moved … of its size since step 0, the output layer …", or '' without drift. */
export function driftSentence(drift: number[] | undefined, s: Strings, lang: Lang): string {
  if (!drift || drift.length < 2 || drift.every((d) => d === 0)) return '';
  return tr(s, 'series.drift', { d1: formatSci(drift[0], lang), dL: formatSci(drift[drift.length - 1], lang) });
}

/** One network's per-layer values now and at step 0, for a chart comparing networks. */
export interface NetProfile {
  name: string;
  colour: string;
  now: number[];
  start: number[];
  step: number;
}

/**
 * Chart series for several networks: each one's profile now (solid, with dots) and at
 * step 0 (dashed), labelled "<name>, now" and "<name>, step 0" (series.label.netNow/netStart).
 */
export function netSeries(nets: NetProfile[], s: Strings): { key: string; label: string; colour: string; values: number[]; dashed?: boolean }[] {
  return nets.flatMap((n) => [
    { key: `${n.name}-now`, label: tr(s, 'series.label.netNow', { net: n.name }), colour: n.colour, values: n.now },
    ...(n.step > 0 ? [{ key: `${n.name}-start`, label: tr(s, 'series.label.netStart', { net: n.name }), colour: n.colour, values: n.start, dashed: true }] : []),
  ]);
}

/** One network of a sigmoid-against-ReLU comparison, as the test hooks read it. */
type PairNet = Pick<ProfileView, 'step' | 'loss' | 'layers' | 'diverged'> & { initialLayers: LayerStats[] };

/**
 * Test hooks for a sigmoid/ReLU pair (data-* attributes on the chart grid): the state the
 * charts and the summary describe, as raw numbers, so an e2e test can check the text.
 */
export function pairProbe([sigmoid, relu]: readonly PairNet[], generation: number, depth: number): Record<string, string | number> {
  const d = (n: PairNet) => diagnose({ step: n.step, loss: n.loss, layers: n.layers, start: n.initialLayers, diverged: n.diverged }, gradientRatio(n.layers));
  return { 'data-generation': generation, 'data-step': sigmoid.step, 'data-depth': depth, 'data-diagnosis-sigmoid': d(sigmoid), 'data-diagnosis-relu': d(relu), 'data-ratio0-sigmoid': gradientRatio(sigmoid.initialLayers), 'data-ratio0-relu': gradientRatio(relu.initialLayers) };
}
