/**
 * The adding problem (Hochreiter and Schmidhuber 1997): a plain tanh recurrent network and
 * an LSTM of the same width, same seed, same batches, trained in lockstep. The loss is read
 * against the mse of always answering 1, about 1/6. Pure.
 */
import type { RecurrentSpec } from '../../lib/index.ts';
import type { Schema, Values } from '../kit/params.ts';
import type { SequenceRecord, SequenceSessionConfig } from '../runner/sequenceSession.ts';
import type { Divergence } from '../runner/session.ts';

export const ADD_CELLS = ['rnn', 'lstm'] as const;
export type AddCell = (typeof ADD_CELLS)[number];
export const ADD_LR = ['0.003', '0.01', '0.03'] as const;

export const ADD_SCHEMA = {
  steps: { kind: 'number', min: 10, max: 80, step: 5, default: 50 },
  lr: { kind: 'enum', options: ADD_LR, default: '0.01' },
  seed: { kind: 'number', min: 1, max: 9999, step: 1, default: 1 },
} as const satisfies Schema;

export type AddValues = Values<typeof ADD_SCHEMA>;

export const HIDDEN = 16;
export const BATCH = 32;
export const TEST_COUNT = 256;
export const RECORD_EVERY = 25;
/** The training budget: both networks in well under a minute in a browser. At length 50 the LSTM learns by step 500 on seeds 1-3, and the plain network is still on the baseline at 1500 (it can start to leave it past 2000). */
export const MAX_STEPS = 1500;
/** Build-time steps for the no-JavaScript figure: cheap, so it shows the start only. */
export const STATIC_STEPS = 50;
/** E[(y - 1)²] = Var[y] = 2 · 1/12 for y the sum of two independent U[0, 1] values. */
export const BASELINE = 1 / 6;

export function addSpec(v: AddValues, cell: AddCell): RecurrentSpec {
  return {
    cell,
    inputs: 2,
    hidden: HIDDEN,
    outputs: 1,
    output: 'linear',
    // The same initialisation for both, and a strong one for the plain network: orthogonal
    // recurrent weights keep its gradient from vanishing at the start any faster than it must.
    init: 'xavierUniform',
    recurrentInit: { kind: 'orthogonal', gain: 1 },
    ...(cell === 'rnn' ? { activation: 'tanh' as const } : { forgetBias: 1 }),
    seed: v.seed,
  };
}

export function addConfigs(v: AddValues): SequenceSessionConfig[] {
  return ADD_CELLS.map((cell) => ({
    kind: 'sequence',
    spec: addSpec(v, cell),
    task: { name: 'adding', steps: v.steps, seed: v.seed, testCount: TEST_COUNT },
    batch: BATCH,
    lr: Number(v.lr),
    loss: 'mse',
    optimizer: 'adam',
    // Clipping keeps a rare exploding step of the plain network from ending the comparison.
    clipNorm: 1,
    recordEvery: RECORD_EVERY,
    maxSteps: MAX_STEPS,
  }));
}

/** What the figure shows of one run, from a build-time session or the worker. */
export interface AddRun {
  cell: AddCell;
  step: number;
  /** Test loss now, and at step 0. */
  testLoss: number;
  initialTestLoss: number;
  /** The test set's own mse of always answering 1. */
  baseline: number;
  records: SequenceRecord[];
  diverged: Divergence | null;
}

/** Learned: well below the baseline (a network reading both values gets far under it). */
export function hasLearned(r: Pick<AddRun, 'testLoss' | 'baseline'>): boolean {
  return r.testLoss < 0.25 * r.baseline;
}

/** Failed: still within 15 % of the baseline, i.e. it has learned the average and nothing more. */
export function onBaseline(r: Pick<AddRun, 'testLoss' | 'baseline'>): boolean {
  return r.testLoss > 0.85 * r.baseline;
}

/** The first recorded step at which the test loss fell below a quarter of the baseline, or null. */
export function learnedAt(r: Pick<AddRun, 'records' | 'baseline'>): number | null {
  return r.records.find((x) => x.testLoss < 0.25 * r.baseline)?.step ?? null;
}
