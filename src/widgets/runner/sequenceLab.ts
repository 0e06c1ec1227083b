/**
 * The lab's recurrent part (figure `sequence-lab`): its settings table, the sequence sessions
 * they describe, and the way back from a chapter figure's sessions to a link into it.
 *
 * Why this lives in runner/ and not in the figure's folder: a chapter figure (adding-problem)
 * links its exact experiment into the lab, and no figure imports another figure. The module
 * is plain data and a few functions over it (the library is imported for types only), so
 * the link costs a chapter page next to nothing.
 */
import type { InitSpec, RecurrentSpec } from '../../lib/index.ts';
import type { Lang } from '../../i18n/index.ts';
import { chapterPath } from '../kit/chapterPath.ts';
import { defaults, writeState, type Schema, type Values } from '../kit/params.ts';
import type { SequenceSessionConfig } from './sequenceSession.ts';

export const SEQUENCE_LAB_ID = 'sequence-lab';

/** Input-weight schemes: every named one src/lib has, and a normal of a chosen std. */
export const SEQ_INITS = ['xavierUniform', 'xavierNormal', 'heUniform', 'heNormal', 'lecunNormal', 'classic', 'orthogonal', 'normal', 'zeros'] as const;
/** Recurrent-weight schemes: orthogonal (with a gain), the identity (Le et al. 2015), a normal of gain/√width, or an input scheme. */
export const SEQ_REC_INITS = ['orthogonal', 'identity', 'normal', 'xavierUniform', 'xavierNormal', 'heUniform', 'heNormal', 'lecunNormal', 'classic', 'zeros'] as const;
export const SEQ_CELLS = ['both', 'rnn', 'lstm'] as const;
export type SeqCellChoice = (typeof SEQ_CELLS)[number];

export const SEQ_LAB_SCHEMA = {
  task: { kind: 'enum', options: ['adding', 'firstBit'], default: 'adding' },
  steps: { kind: 'number', min: 2, max: 100, step: 1, default: 50 },
  cells: { kind: 'enum', options: SEQ_CELLS, default: 'both' },
  hidden: { kind: 'number', min: 1, max: 64, step: 1, default: 16 },
  activation: { kind: 'enum', options: ['tanh', 'relu'], default: 'tanh' },
  init: { kind: 'enum', options: SEQ_INITS, default: 'xavierUniform' },
  initStd: { kind: 'number', min: 0, max: 2, step: 0.001, default: 0.1 },
  recInit: { kind: 'enum', options: SEQ_REC_INITS, default: 'orthogonal' },
  recGain: { kind: 'number', min: 0, max: 3, step: 0.01, default: 1 },
  forgetBias: { kind: 'number', min: -5, max: 5, step: 0.1, default: 3 },
  optimizer: { kind: 'enum', options: ['sgd', 'momentum', 'adam'], default: 'adam' },
  lr: { kind: 'number', min: 0.00001, max: 10, step: 0.00001, default: 0.01 },
  batch: { kind: 'number', min: 1, max: 256, step: 1, default: 32 },
  /** Clipping by global norm; 0 is off. */
  clip: { kind: 'number', min: 0, max: 100, step: 0.01, default: 1 },
  seed: { kind: 'number', min: 1, max: 9999, step: 1, default: 1 },
} as const satisfies Schema;

export type SeqLabValues = Values<typeof SEQ_LAB_SCHEMA>;
export const SEQ_LAB_DEFAULTS: SeqLabValues = defaults(SEQ_LAB_SCHEMA);

/** Held-out sequences the test loss is measured on, and how often it is. */
export const SEQ_TEST_COUNT = 256;
export const SEQ_RECORD_EVERY = 25;
/** The run's budget: long enough for the LSTM to solve length 50, short enough for a browser. */
export const SEQ_MAX_STEPS = 3000;

/** The cells a setting trains, in the order the sessions run (and are drawn). */
export function seqCells(c: SeqCellChoice): ('rnn' | 'lstm')[] {
  return c === 'both' ? ['rnn', 'lstm'] : [c];
}

function inputInit(v: SeqLabValues): InitSpec {
  return v.init === 'normal' ? { kind: 'normal', std: v.initStd } : v.init;
}

function recurrentInit(v: SeqLabValues): InitSpec | 'identity' {
  if (v.recInit === 'orthogonal') return { kind: 'orthogonal', gain: v.recGain };
  // A normal with the orthogonal's RMS entry (gain/√width): the two gains read alike.
  if (v.recInit === 'normal') return { kind: 'normal', std: v.recGain / Math.sqrt(v.hidden) };
  return v.recInit;
}

export function seqSpec(v: SeqLabValues, cell: 'rnn' | 'lstm'): RecurrentSpec {
  return {
    cell,
    inputs: v.task === 'adding' ? 2 : 1,
    hidden: v.hidden,
    outputs: 1,
    output: v.task === 'adding' ? 'linear' : 'sigmoid',
    init: inputInit(v),
    recurrentInit: recurrentInit(v),
    ...(cell === 'rnn' ? { activation: v.activation } : { forgetBias: v.forgetBias }),
    seed: v.seed,
  };
}

/** One session per compared cell, from the same seed: same weights where shapes agree, same batches, same test set. */
export function seqLabConfigs(v: SeqLabValues): SequenceSessionConfig[] {
  return seqCells(v.cells).map((cell) => ({
    kind: 'sequence',
    spec: seqSpec(v, cell),
    task: { name: v.task, steps: v.steps, seed: v.seed, testCount: SEQ_TEST_COUNT },
    batch: v.batch,
    lr: v.lr,
    loss: v.task === 'adding' ? 'mse' : 'bce',
    optimizer: v.optimizer,
    ...(v.clip > 0 ? { clipNorm: v.clip } : {}),
    recordEvery: SEQ_RECORD_EVERY,
    maxSteps: SEQ_MAX_STEPS,
  }));
}

function initOf(spec: InitSpec): Partial<SeqLabValues> {
  if (typeof spec === 'string') return (SEQ_INITS as readonly string[]).includes(spec) ? { init: spec as SeqLabValues['init'] } : {};
  if (spec.kind === 'normal') return { init: 'normal', initStd: spec.std };
  if (spec.kind === 'orthogonal' && spec.gain === 1) return { init: 'orthogonal' };
  return {};
}

function recOf(spec: InitSpec | 'identity', hidden: number): Partial<SeqLabValues> {
  if (typeof spec === 'string') return { recInit: spec as SeqLabValues['recInit'] };
  if (spec.kind === 'orthogonal') return { recInit: 'orthogonal', recGain: spec.gain };
  if (spec.kind === 'normal') return { recInit: 'normal', recGain: spec.std * Math.sqrt(hidden) };
  return {};
}

/** The lab settings of a figure's sequence sessions (one cell, or an rnn/lstm pair trained together). */
export function seqLabStateFromConfigs(configs: readonly SequenceSessionConfig[]): Partial<SeqLabValues> {
  const first = configs[0];
  if (!first) return {};
  const cells = configs.map((c) => c.spec.cell);
  const rnn = configs.find((c) => c.spec.cell === 'rnn');
  const lstm = configs.find((c) => c.spec.cell === 'lstm');
  const s = first.spec;
  return {
    task: first.task.name,
    steps: first.task.steps,
    cells: rnn && lstm ? 'both' : cells[0],
    hidden: s.hidden,
    ...(rnn?.spec.activation ? { activation: rnn.spec.activation } : {}),
    ...initOf(s.init),
    ...recOf(s.recurrentInit ?? s.init, s.hidden),
    ...(lstm?.spec.forgetBias !== undefined ? { forgetBias: lstm.spec.forgetBias } : {}),
    optimizer: first.optimizer ?? 'sgd',
    lr: first.lr,
    batch: first.batch,
    clip: first.clipNorm ?? 0,
    seed: s.seed,
  };
}

/** "Open in the lab" for sequence sessions: /<lang>/recurrent-lab/?sequence-lab.x=..#sequence-lab (defaults left out). */
export function sequenceLabHref(lang: Lang, configs: readonly SequenceSessionConfig[]): string {
  const values = { ...SEQ_LAB_DEFAULTS, ...seqLabStateFromConfigs(configs) };
  return `${chapterPath(lang, 'recurrent-lab')}${writeState(SEQ_LAB_SCHEMA, SEQUENCE_LAB_ID, values, '')}#${SEQUENCE_LAB_ID}`;
}
