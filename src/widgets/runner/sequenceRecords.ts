/**
 * What a page reads of sequence sessions: which kind of session a config or a record belongs
 * to (asked by every training figure), and the gradient-through-time series. They live apart
 * from sequenceSession.ts, whose import brings the session and recurrent training code, which a
 * page needs only in the worker.
 */
import type { LayerRecord } from './session.ts';
import type { SequenceRecord, SequenceSessionConfig } from './sequenceSession.ts';

export function isSequenceConfig(c: unknown): c is SequenceSessionConfig {
  return typeof c === 'object' && c !== null && (c as { kind?: unknown }).kind === 'sequence';
}

export function isSequenceRecord(r: LayerRecord): r is SequenceRecord {
  return Array.isArray((r as Partial<SequenceRecord>).hidden);
}

/**
 * hiddenGradNorms holds entry t for t = 0..steps (0 is the initial state); the figures
 * plot t = 1..steps.
 */
export function throughTime(h: Float64Array, steps: number): number[] {
  const from = h.length === steps + 1 ? 1 : 0;
  return Array.from(h.subarray(from, from + steps));
}
