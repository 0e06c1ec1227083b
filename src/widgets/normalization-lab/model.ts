/**
 * Normalisation, three ways: the same deep tanh (or sigmoid) network, same data, seed,
 * initialisation and learning rate, trained in lockstep without normalisation, with batch
 * norm and with layer norm. The weights start too large on purpose, so the plain network
 * begins saturated. Pure.
 */
import type { InitSpec, LayerStats } from '../../lib/index.ts';
import type { Schema, Values } from '../kit/params.ts';
import type { Divergence, LayerRecord, SessionConfig } from '../runner/session.ts';
import { classifierConfig } from '../runner/runs.ts';
import type { ActivationHistogram, HistogramProbe } from '../runner/probe.ts';

export const NORMS = ['none', 'batch', 'layer'] as const;
export type NormName = (typeof NORMS)[number];
export const NORM_INITS = ['large', 'xavier'] as const;
export const NORM_LR = ['0.01', '0.03', '0.1', '0.3'] as const;

export const NORM_SCHEMA = {
  activation: { kind: 'enum', options: ['tanh', 'sigmoid'], default: 'tanh' },
  depth: { kind: 'number', min: 2, max: 30, step: 1, default: 20 },
  init: { kind: 'enum', options: NORM_INITS, default: 'large' },
  lr: { kind: 'enum', options: NORM_LR, default: '0.1' },
  seed: { kind: 'number', min: 1, max: 9999, step: 1, default: 1 },
} as const satisfies Schema;

export type NormValues = Values<typeof NORM_SCHEMA>;

export const WIDTH = 16;
export const RECORD_EVERY = 10;
export const MAX_STEPS = 1500;
export const STATIC_STEPS = 40;
export const DATA = { name: 'moons', n: 200, noise: 0.1 } as const;

/** "Too large": N(0, 1) weights, so σw² = N·Var[w] = 16 for 16-unit layers. */
export const INIT: Record<(typeof NORM_INITS)[number], InitSpec> = { large: { kind: 'normal', std: 1 }, xavier: 'xavierNormal' };

/** 20 bins of 0.1 over tanh's range: the outer two hold |a| > 0.9, tanh′ < 0.19. */
export const HIST_BINS = 20;

/** The histogrammed layers: the first, the middle and the last hidden layer. */
export function histLayers(depth: number): number[] {
  return [...new Set([1, Math.ceil(depth / 2), depth])];
}

export const histRange = (activation: NormValues['activation']): [number, number] => (activation === 'tanh' ? [-1, 1] : [0, 1]);

/** Share of a histogram's mass in its two outer bins (tanh: |a| > 0.9; sigmoid: a < 0.05 or a > 0.95). */
export function outerShare(h: ActivationHistogram): number {
  const total = h.bins.reduce((a, b) => a + b.count, 0);
  return total ? (h.bins[0].count + h.bins[h.bins.length - 1].count) / total : NaN;
}

export function normConfig(v: NormValues, norm: NormName): SessionConfig {
  return classifierConfig(
    { depth: v.depth, width: WIDTH, activation: v.activation, init: INIT[v.init], seed: v.seed, data: DATA, lr: Number(v.lr), recordEvery: RECORD_EVERY, maxSteps: MAX_STEPS },
    { norm },
    { histograms: { layers: histLayers(v.depth), bins: HIST_BINS, range: histRange(v.activation) } },
  );
}

export function normConfigs(v: NormValues): SessionConfig[] {
  return NORMS.map((n) => normConfig(v, n));
}

export interface NormRun {
  norm: NormName;
  step: number;
  loss: number;
  initialLoss: number;
  losses: number[];
  layers: LayerStats[];
  initialLayers: LayerStats[];
  records: LayerRecord[];
  diverged: Divergence | null;
  histograms: HistogramProbe | null;
}

/** Hidden layers only: the output layer is never normalised and its units are not tanh. */
export const hidden = (layers: LayerStats[]) => layers.slice(0, -1);

/** Mean share of saturated unit-examples over the hidden layers. */
export function meanSaturation(layers: LayerStats[]): number {
  const h = hidden(layers);
  return h.length ? h.reduce((a, l) => a + l.saturatedFraction, 0) / h.length : NaN;
}

/** Backpropagated error (RMS of dLoss/dz) of the first hidden layer over the last hidden layer's. */
export function errorGrowth(layers: LayerStats[]): number {
  const h = hidden(layers);
  return h.length ? h[0].deltaRms / h[h.length - 1].deltaRms : NaN;
}

export const CHANCE = Math.LN2;
