/**
 * The vanishing-gradient lab: its settings, presets, training config and everything
 * it derives for display. Pure, so the build (static SVG), the island and the tests
 * all compute the same thing.
 */
import { sigmoidBound, type ActivationName, type InitSpec, type LayerStats } from '../../lib/index.ts';
import type { Schema, Values } from '../kit/params.ts';
import type { SessionConfig, LayerRecord, Divergence } from '../runner/session.ts';

export const LR_OPTIONS = ['0.001', '0.003', '0.01', '0.03', '0.1', '0.3', '1', '3', '10'] as const;

export const LAB_SCHEMA = {
  depth: { kind: 'number', min: 1, max: 30, step: 1, default: 10 },
  width: { kind: 'number', min: 2, max: 64, step: 1, default: 16 },
  activation: { kind: 'enum', options: ['sigmoid', 'tanh', 'relu', 'leakyRelu'], default: 'sigmoid' },
  init: { kind: 'enum', options: ['classic', 'xavier', 'he'], default: 'classic' },
  lr: { kind: 'enum', options: LR_OPTIONS, default: '3' },
  dataset: { kind: 'enum', options: ['circle', 'xor', 'gaussians', 'spiral', 'moons'], default: 'circle' },
  seed: { kind: 'number', min: 1, max: 9999, step: 1, default: 1 },
} as const satisfies Schema;

export type LabValues = Values<typeof LAB_SCHEMA>;

export const PRESETS = {
  shallowSigmoid: { depth: 2, width: 16, activation: 'sigmoid', init: 'classic', lr: '3' },
  deepSigmoid: { depth: 10, width: 16, activation: 'sigmoid', init: 'classic', lr: '3' },
  deepRelu: { depth: 10, width: 16, activation: 'relu', init: 'he', lr: '0.03' },
} as const satisfies Record<string, Partial<LabValues>>;
export type PresetName = keyof typeof PRESETS;

export const INIT_SPECS: Record<LabValues['init'], InitSpec> = {
  classic: 'classic',
  xavier: 'xavierUniform',
  he: 'heNormal',
};

export const GRID_RES = 24;
export const RECORD_EVERY = 5;

export function labConfig(v: LabValues): SessionConfig {
  return {
    spec: {
      sizes: [2, ...Array.from({ length: v.depth }, () => v.width), 1],
      activation: v.activation as ActivationName,
      output: 'sigmoid',
      init: INIT_SPECS[v.init],
      seed: v.seed,
    },
    data: { name: v.dataset, n: 240, noise: 0.08, seed: v.seed },
    lr: Number(v.lr),
    loss: 'bce',
    recordEvery: RECORD_EVERY,
    maxSteps: 3000,
    gridRes: GRID_RES,
  };
}

/** What the lab shows, whether it comes from a build-time session or the worker. */
export interface LabView {
  step: number;
  loss: number;
  initialLoss: number;
  testAccuracy: number;
  layers: LayerStats[];
  losses: number[];
  records: LayerRecord[];
  grid: ArrayLike<number> | null;
  diverged: Divergence | null;
}

export function gradNorms(layers: LayerStats[]): number[] {
  return layers.map((l) => l.weightGradNorm);
}

/** First layer's weight-gradient norm over the last (output) layer's. */
export function firstToLast(layers: LayerStats[]): number {
  const g = gradNorms(layers);
  return g.length ? g[0] / g[g.length - 1] : NaN;
}

/**
 * The sigmoid bound anchored at the output layer: going back k layers multiplies the
 * gradient by at most 0.25^k (times the weights), so layer l sits under g_out * 0.25^(L-l).
 */
export function sigmoidEnvelope(layers: LayerStats[]): number[] {
  const g = gradNorms(layers);
  const L = g.length;
  return g.map((_, l) => g[L - 1] * sigmoidBound(L - 1 - l));
}

export type Verdict = 'stalled' | 'slow' | 'flows' | 'stuck';
/**
 * A deep sigmoid net that cannot learn ends up predicting the class prior: the loss sits
 * at ln 2 and every gradient, the output layer's included, collapses, so the ratio alone
 * would look healthy. A loss still near ln 2 after many steps is called out first.
 */
export function verdict(ratio: number, loss: number, step: number, largest = Infinity): Verdict {
  if (step >= 300 && loss > 0.66) return 'stuck';
  // Every layer's gradient below 10⁻⁶, the output layer's included: nothing is learning,
  // whatever the ratio between first and last says.
  if (step > 0 && largest < 1e-6) return 'stuck';
  if (!(ratio > 1e-3)) return 'stalled';
  if (ratio < 0.1) return 'slow';
  return 'flows';
}
