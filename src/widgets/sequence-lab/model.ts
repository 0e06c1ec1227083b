/**
 * The lab's recurrent part: a plain recurrent network, an LSTM, or both in lockstep from the
 * same seed, on a sequence task whose answer lies far back in time. What it makes visible is
 * the chapter's phenomenon: the gradient that reaches each time step back through time, at
 * step 0 and now, falls off with distance far faster for the plain network than for the LSTM.
 * Pure.
 *
 * The settings table and the sessions live in runner/sequenceLab.ts, so a chapter figure can
 * link its experiment here without importing this folder.
 */
import type { Divergence } from '../runner/session.ts';
import type { SequenceRecord } from '../runner/sequenceSession.ts';
import { firstToLast } from '../series/index.ts';

export {
  SEQ_LAB_SCHEMA,
  SEQ_LAB_DEFAULTS,
  SEQUENCE_LAB_ID,
  SEQ_INITS,
  SEQ_REC_INITS,
  SEQ_CELLS,
  SEQ_RECORD_EVERY,
  SEQ_MAX_STEPS,
  seqCells,
  seqLabConfigs,
  seqSpec,
  type SeqLabValues,
} from '../runner/sequenceLab.ts';

export type SeqCell = 'rnn' | 'lstm';

/** What the figure shows of one cell's run, from a build-time session or the worker. */
export interface SeqRun {
  cell: SeqCell;
  step: number;
  testLoss: number;
  /** The test set's loss of a network that has learned only the average (1/6 for adding, ln 2 for firstBit). */
  baseline: number;
  records: SequenceRecord[];
  diverged: Divergence | null;
}

/** Learned: far below the baseline (a network that reads the marked inputs gets there). */
export const LEARNED_FACTOR = 0.25;
/** On the baseline: within 15 % of it, i.e. the average and nothing more. */
export const BASELINE_FACTOR = 0.85;
/** Steps after which a run on the baseline counts as stuck rather than starting. */
export const STUCK_AFTER = 300;
/** |dL/dh_1| / |dL/dh_T| below this: the first step's input barely reaches the weights. */
export const VANISHING_RATIO = 1e-3;
/** Above this the gradient grows going back in time. */
export const EXPLODING_RATIO = 10;

/** How much of the last step's gradient reaches t = 1 in a record: |dL/dh_1| / |dL/dh_T|. */
export const reachRatio = (r: SequenceRecord | undefined): number => (r ? firstToLast(r.hidden) : NaN);

export type SeqStatus = 'diverged' | 'silent' | 'exploding' | 'learned' | 'stuck' | 'vanishing' | 'learning';

/** The plain-language verdict on one run, read from its latest record. */
export function seqStatus(r: SeqRun): SeqStatus {
  if (r.diverged) return 'diverged';
  const ratio = reachRatio(r.records.at(-1));
  // No gradient at the last time step (dead or saturated units): there is no ratio to read.
  if (r.records.length > 0 && !Number.isFinite(ratio)) return 'silent';
  if (ratio > EXPLODING_RATIO) return 'exploding';
  if (r.testLoss < LEARNED_FACTOR * r.baseline) return 'learned';
  if (r.step >= STUCK_AFTER && r.testLoss > BASELINE_FACTOR * r.baseline) return 'stuck';
  if (ratio < VANISHING_RATIO) return 'vanishing';
  return 'learning';
}
