/**
 * The gradient through time at initialisation: RMS of dLoss/dh_t against t for a plain
 * recurrent network and an LSTM with the same number of units, on the same adding-problem
 * sequences. No training, so it is computed on the spot. Pure.
 */
import { createRecurrent, makeSequenceTask, sequenceGradients, type InitSpec, type RecurrentSpec } from '../../lib/index.ts';
import type { Schema, Values } from '../kit/params.ts';
import { throughTime } from '../runner/sequenceRecords.ts';
import { firstToLast } from '../series/index.ts';

export const CELLS = ['rnn', 'lstm'] as const;
export type Cell = (typeof CELLS)[number];

/** Recurrent initialisations of the plain network's Wh, from the vanishing side to Le et al.'s identity. */
export const REC_INITS = ['half', 'xavier', 'orthogonal', 'identity'] as const;
export type RecInit = (typeof REC_INITS)[number];

export const GTT_SCHEMA = {
  steps: { kind: 'number', min: 5, max: 100, step: 1, default: 50 },
  rnnActivation: { kind: 'enum', options: ['tanh', 'relu'], default: 'tanh' },
  recInit: { kind: 'enum', options: REC_INITS, default: 'xavier' },
  forgetBias: { kind: 'number', min: -2, max: 5, step: 0.5, default: 1 },
  seed: { kind: 'number', min: 1, max: 9999, step: 1, default: 1 },
} as const satisfies Schema;

export type GttValues = Values<typeof GTT_SCHEMA>;

export const HIDDEN = 32;
export const BATCH = 32;

export function recurrentInit(r: RecInit): InitSpec | 'identity' {
  switch (r) {
    case 'half':
      return { kind: 'orthogonal', gain: 0.5 };
    case 'orthogonal':
      return { kind: 'orthogonal', gain: 1 };
    case 'identity':
      return 'identity';
    default:
      return 'xavierNormal';
  }
}

/**
 * The recurrent-init control applies to the plain network; the LSTM keeps the common
 * choice (orthogonal Wh) and has its forget-gate bias as its own control.
 */
export function gttSpecs(v: GttValues): Record<Cell, RecurrentSpec> {
  const shared = { inputs: 2, hidden: HIDDEN, outputs: 1, output: 'linear' as const, init: 'xavierUniform' as const, seed: v.seed };
  return {
    rnn: { ...shared, cell: 'rnn', activation: v.rnnActivation, recurrentInit: recurrentInit(v.recInit) },
    lstm: { ...shared, cell: 'lstm', recurrentInit: { kind: 'orthogonal', gain: 1 }, forgetBias: v.forgetBias },
  };
}

export interface GttResult {
  steps: number;
  /** hidden[cell][t - 1] = RMS of dLoss/dh_t at initialisation, t = 1..steps. */
  hidden: Record<Cell, number[]>;
}

export function gradientThroughTime(v: GttValues): GttResult {
  const task = makeSequenceTask('adding', { steps: v.steps, count: BATCH, seed: v.seed });
  const specs = gttSpecs(v);
  const hidden = {} as Record<Cell, number[]>;
  for (const c of CELLS) {
    const g = sequenceGradients(createRecurrent(specs[c]), task.xs, task.ys, BATCH, v.steps, 'mse');
    hidden[c] = throughTime(g.hiddenGradNorms, v.steps);
  }
  return { steps: v.steps, hidden };
}

/**
 * The average factor per step back, geometric: (|dL/dh_1| / |dL/dh_T|)^(1/(T-1)).
 * Below 1 the gradient vanishes through time, above 1 it explodes.
 */
export function perStep(h: number[]): number {
  return h.length > 1 ? firstToLast(h) ** (1 / (h.length - 1)) : NaN;
}
