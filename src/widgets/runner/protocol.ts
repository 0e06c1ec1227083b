import type { SessionState, LayerRecord } from './session.ts';
import type { AnyConfig } from './sequenceSession.ts';
import type { HistogramProbe, UnitProbe } from './probe.ts';

/** Main thread -> worker. Several sessions step in lockstep (paired comparisons). */
export type ToWorker =
  | { type: 'init'; generation: number; configs: AnyConfig[] }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step'; n: number };

/**
 * The most steps one `step` message may ask for. Steps run in time slices like Play, so even
 * this many never block the worker, and a Pause still lands between slices.
 */
export const MAX_STEPS_PER_MESSAGE = 10_000;

/** What changed in one session since the previous snapshot. */
export interface SessionDelta {
  state: SessionState;
  /** Losses of the steps since the last snapshot, starting at step `lossFrom`. */
  lossFrom: number;
  losses: number[];
  records: LayerRecord[];
  grid: Float64Array | null;
  /** The per-unit probe, for sessions whose config asks for one (else null). */
  probe: UnitProbe | null;
  /** Activation histograms, refreshed with the other extras only (absent or null between). */
  histograms?: HistogramProbe | null;
}

/** Worker -> main thread. */
export type FromWorker =
  | { type: 'snapshot'; generation: number; playing: boolean; sessions: SessionDelta[] }
  | { type: 'error'; generation: number; message: string };

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** The most explicit data points one session may carry (the lab's own data). */
export const MAX_POINTS = 2000;

/** Explicit points, when a config has them: a short list of finite [x, y, label] rows. */
const pointsOk = (data: unknown): boolean => {
  const p = isObject(data) ? data.points : undefined;
  if (p === undefined) return true;
  return Array.isArray(p) && p.length <= MAX_POINTS && p.every((r) => Array.isArray(r) && r.length === 3 && r.every((v) => typeof v === 'number' && Number.isFinite(v)));
};

/**
 * Checks a message before the worker acts on it. Returns the message, or the reason it was
 * refused (in English: it is shown inside the localised "training stopped" alert).
 */
export function checkToWorker(m: unknown): { ok: ToWorker } | { error: string } {
  if (!isObject(m) || typeof m.type !== 'string') return { error: 'malformed message: no type' };
  switch (m.type) {
    case 'play':
    case 'pause':
      return { ok: { type: m.type } };
    case 'step': {
      const n = m.n;
      if (typeof n !== 'number' || !Number.isFinite(n) || n < 1) return { error: 'malformed message: step needs a positive step count' };
      return { ok: { type: 'step', n: Math.min(MAX_STEPS_PER_MESSAGE, Math.floor(n)) } };
    }
    case 'init': {
      const c = m.configs;
      if (!Array.isArray(c) || c.length === 0 || !c.every((x) => isObject(x) && isObject(x.spec) && (isObject(x.data) || (x.kind === 'sequence' && isObject(x.task))))) {
        return { error: 'malformed message: init needs a list of session configs' };
      }
      if (!c.every((x) => pointsOk((x as Record<string, unknown>).data))) return { error: 'malformed message: data points must be at most 2000 finite [x, y, label] rows' };
      if (typeof m.generation !== 'number' || !Number.isSafeInteger(m.generation)) return { error: 'malformed message: init needs a generation' };
      return { ok: { type: 'init', generation: m.generation, configs: c as AnyConfig[] } };
    }
    default:
      return { error: `malformed message: unknown type "${String(m.type).slice(0, 20)}"` };
  }
}
