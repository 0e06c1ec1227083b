import type { SessionConfig, SessionState, LayerRecord } from './session.ts';

/** Main thread -> worker. Several sessions step in lockstep (paired comparisons). */
export type ToWorker =
  | { type: 'init'; configs: SessionConfig[] }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step'; n: number };

/** What changed in one session since the previous snapshot. */
export interface SessionDelta {
  state: SessionState;
  /** Losses of the steps since the last snapshot, starting at step `lossFrom`. */
  lossFrom: number;
  losses: number[];
  records: LayerRecord[];
  grid: Float64Array | null;
}

/** Worker -> main thread. */
export type FromWorker =
  | { type: 'snapshot'; generation: number; playing: boolean; sessions: SessionDelta[] }
  | { type: 'error'; generation: number; message: string };
