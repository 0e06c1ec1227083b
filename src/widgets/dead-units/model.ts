/**
 * Dead units: a small ReLU network whose units can die, drawn unit by unit. Settings,
 * training config and the per-unit series. Pure, so the build,
 * the island and the tests compute the same thing.
 */
import type { LayerStats } from '../../lib/index.ts';
import type { Schema, Values } from '../kit/params.ts';
import type { Divergence, LayerRecord, SessionConfig } from '../runner/session.ts';

export const LR_OPTIONS = ['0.01', '0.03', '0.1', '0.3', '1', '2', '3'] as const;

export const DEAD_SCHEMA = {
  lr: { kind: 'enum', options: LR_OPTIONS, default: '0.1' },
  biasInit: { kind: 'number', min: -1.5, max: 0.5, step: 0.1, default: 0 },
  activation: { kind: 'enum', options: ['relu', 'leakyRelu'], default: 'relu' },
  alpha: { kind: 'number', min: 0.01, max: 0.3, step: 0.01, default: 0.01 },
  dataset: { kind: 'enum', options: ['circle', 'moons', 'xor', 'gaussians', 'spiral'], default: 'circle' },
  seed: { kind: 'number', min: 1, max: 9999, step: 1, default: 1 },
} as const satisfies Schema;

export type DeadValues = Values<typeof DEAD_SCHEMA>;

/** Small enough to draw every unit: 2 inputs, three hidden layers of 8, one output. */
export const SIZES = [2, 8, 8, 8, 1] as const;
export const HIDDEN = SIZES.length - 2;
export const RECORD_EVERY = 5;
export const MAX_STEPS = 3000;
/** Steps trained at build time for the figure readers see without JavaScript. */
export const STATIC_STEPS = 300;

export function deadConfig(v: DeadValues): SessionConfig {
  const leaky = v.activation === 'leakyRelu';
  return {
    spec: {
      sizes: [...SIZES],
      activation: leaky ? 'leakyRelu' : 'relu',
      // alpha only exists for leaky ReLU, so moving its slider never restarts a ReLU run.
      ...(leaky ? { alpha: v.alpha } : {}),
      output: 'sigmoid',
      init: 'heNormal',
      biasInit: v.biasInit,
      seed: v.seed,
    },
    data: { name: v.dataset, n: 240, noise: 0.08, seed: v.seed },
    lr: Number(v.lr),
    loss: 'bce',
    recordEvery: RECORD_EVERY,
    maxSteps: MAX_STEPS,
    // The figure draws every unit: the session reports which are negative on every input.
    probe: 'units',
  };
}

export function countTrue(units: boolean[][]): number {
  return units.reduce((a, layer) => a + layer.filter(Boolean).length, 0);
}

/** What the figure shows, whether from a build-time session or the live one. */
export interface DeadView {
  activation: DeadValues['activation'];
  alpha: number;
  step: number;
  loss: number;
  initialLoss: number;
  losses: number[];
  history: LayerRecord[];
  /** Per hidden layer, per unit: negative on every training input (runner/probe.ts). */
  units: boolean[][];
  /** Each layer's weights (outputs x inputs, row-major), for the edges. */
  weights: Float64Array[];
  diverged: Divergence | null;
}

/** Dead fraction of each hidden layer at each recorded step, from the library's stats. */
export function deadSeries(history: LayerRecord[]): { step: number; values: number[] }[] {
  return history.map((r) => ({ step: r.step, values: r.layers.slice(0, HIDDEN).map((l: LayerStats) => l.deadFraction) }));
}
