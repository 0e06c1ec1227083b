/**
 * Sigmoid and ReLU side by side: two networks that differ only in the activation of their
 * hidden layers (same data, seed, depth, width, initialisation and learning rate), trained
 * in lockstep. Pure, so the build, the island and the tests compute the same thing.
 */
import type { ActivationName, LayerStats } from '../../lib/index.ts';
import type { Schema, Values } from '../kit/params.ts';
import type { SessionConfig } from '../runner/session.ts';
import { classifierConfig, type ActivationRun } from '../runner/runs.ts';

export const LR_OPTIONS = ['0.01', '0.03', '0.1', '0.3', '1', '3'] as const;
export const PAIR = ['sigmoid', 'relu'] as const satisfies readonly ActivationName[];
export type PairActivation = (typeof PAIR)[number];

export const PAIR_SCHEMA = {
  depth: { kind: 'number', min: 1, max: 20, step: 1, default: 8 },
  width: { kind: 'number', min: 2, max: 32, step: 1, default: 12 },
  lr: { kind: 'enum', options: LR_OPTIONS, default: '0.1' },
  dataset: { kind: 'enum', options: ['moons', 'circle', 'xor', 'gaussians', 'spiral'], default: 'moons' },
  seed: { kind: 'number', min: 1, max: 9999, step: 1, default: 1 },
} as const satisfies Schema;

export type PairValues = Values<typeof PAIR_SCHEMA>;

/**
 * One initialisation for both networks, so the activation is the only difference. Xavier
 * (Glorot) was derived for symmetric units of slope 1 at 0 (tanh, softsign); Glorot and
 * Bengio found the sigmoid the worst case for it, so it does not favour either network.
 */
export const PAIR_INIT = 'xavierUniform' as const;
export const GRID_RES = 24;
export const RECORD_EVERY = 10;
export const MAX_STEPS = 3000;
/** Steps trained at build time for the figure readers see without JavaScript. */
export const STATIC_STEPS = 300;

export function pairConfig(v: PairValues, activation: PairActivation): SessionConfig {
  return classifierConfig(
    { depth: v.depth, width: v.width, activation, init: PAIR_INIT, seed: v.seed, data: { name: v.dataset, n: 240, noise: 0.08 }, lr: Number(v.lr), recordEvery: RECORD_EVERY, maxSteps: MAX_STEPS },
    {},
    { gridRes: GRID_RES },
  );
}

export function pairConfigs(v: PairValues): SessionConfig[] {
  return PAIR.map((a) => pairConfig(v, a));
}

/** What the figure shows of one network, from a build-time session or the worker. */
export type PairRun = ActivationRun<PairActivation>;

/** Share of all hidden units that are dead (ReLU only), from the library's per-layer counts. */
export function deadShare(layers: LayerStats[]): number {
  // The last entry is the output layer, which is not a ReLU layer.
  const hidden = layers.slice(0, -1);
  return hidden.length ? hidden.reduce((a, l) => a + l.deadFraction, 0) / hidden.length : 0;
}
