// Gradient descent on the one-dimensional bowl of the backpropagation chapter,
// C(w) = (k/2)(w − w*)², where each step multiplies the distance to the minimum by 1 − ηk.
import type { Schema, Values } from '../kit/params.ts';

/** Curvature of the bowl: with k = 2 the thresholds 1/k = 0.5 and 2/k = 1 sit inside the slider's range. */
export const CURVATURE = 2;
export const W_STAR = 1;
export const W0 = -2;

export const GD_SCHEMA = {
  lr: { kind: 'number', min: 0.01, max: 2, step: 0.01, default: 0.1 },
} as const satisfies Schema;
export type GdValues = Values<typeof GD_SCHEMA>;

export const loss = (w: number) => (CURVATURE / 2) * (w - W_STAR) ** 2;
export const grad = (w: number) => CURVATURE * (w - W_STAR);
/** One gradient-descent update: w ← w − η C′(w). */
export const update = (w: number, lr: number) => w - lr * grad(w);
/** The factor each step multiplies w − w* by. */
export const factor = (lr: number) => 1 - lr * CURVATURE;

export type Regime = 'slow' | 'exact' | 'oscillate' | 'bounce' | 'diverge';

/** What a learning rate does on this bowl: the thresholds are 1/k and 2/k. */
export function regime(lr: number): Regime {
  const x = lr * CURVATURE;
  const tol = 1e-9;
  if (Math.abs(x - 1) < tol) return 'exact';
  if (Math.abs(x - 2) < tol) return 'bounce';
  if (x < 1) return 'slow';
  if (x < 2) return 'oscillate';
  return 'diverge';
}

/** Steps for the distance to the minimum to shrink (or grow) tenfold; null when it never does. */
export function stepsToTenfold(lr: number): number | null {
  const f = Math.abs(factor(lr));
  if (f === 0 || f === 1) return null;
  return Math.ceil(Math.log(10) / Math.abs(Math.log(f)));
}

export interface Trajectory {
  /** w after 0, 1, 2, ... updates. */
  ws: number[];
  /** The learning rate of each update (the reader may change it between clicks). */
  lrs: number[];
  /** Set when an update made w or C non-finite; the update is not applied. */
  diverged: { step: number; reason: 'infinite' | 'nan' } | null;
}

export const start = (): Trajectory => ({ ws: [W0], lrs: [], diverged: null });

/** Applies n updates at learning rate lr, stopping at the first one that leaves the numbers finite no more. */
export function advance(t: Trajectory, lr: number, n: number): Trajectory {
  if (t.diverged) return t;
  const ws = t.ws.slice();
  const lrs = t.lrs.slice();
  for (let i = 0; i < n; i++) {
    const next = update(ws[ws.length - 1], lr);
    const c = loss(next);
    if (!Number.isFinite(next) || !Number.isFinite(c)) {
      return { ws, lrs, diverged: { step: ws.length, reason: Number.isNaN(c) || Number.isNaN(next) ? 'nan' : 'infinite' } };
    }
    ws.push(next);
    lrs.push(lr);
  }
  return { ws, lrs, diverged: null };
}
