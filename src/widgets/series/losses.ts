import type { Lang } from '../../i18n/index.ts';
import { formatNumber, formatSci } from '../kit/format.ts';

export interface LossPoint {
  step: number;
  value: number;
}

/**
 * A loss curve cut to about `max` points for drawing, keeping in each bucket of steps its
 * lowest and its highest loss (in step order), so a spike or a dip never disappears when
 * the curve grows. `initial` is the loss at step 0; losses[i] is the loss at step i + 1.
 */
export function thinLosses(losses: ArrayLike<number>, initial?: number, max = 400): LossPoint[] {
  const out: LossPoint[] = [];
  if (initial !== undefined && Number.isFinite(initial)) out.push({ step: 0, value: initial });
  const n = losses.length;
  const per = Math.max(1, Math.ceil((2 * n) / Math.max(2, max)));
  for (let start = 0; start < n; start += per) {
    const end = Math.min(n, start + per);
    let lo = start;
    let hi = start;
    for (let i = start; i < end; i++) {
      const v = losses[i];
      if (!Number.isFinite(v)) continue;
      if (!Number.isFinite(losses[lo]) || v < losses[lo]) lo = i;
      if (!Number.isFinite(losses[hi]) || v > losses[hi]) hi = i;
    }
    for (const i of lo === hi ? [lo] : lo < hi ? [lo, hi] : [hi, lo]) if (Number.isFinite(losses[i])) out.push({ step: i + 1, value: losses[i] });
  }
  // The latest loss is always drawn, so the curve ends where training is.
  if (n && out.at(-1)?.step !== n && Number.isFinite(losses[n - 1])) out.push({ step: n, value: losses[n - 1] });
  return out;
}

/** A loss for text: three decimals, or scientific notation once it is below 0.01 (never a bare "0"). */
export function formatLoss(x: number, lang: Lang): string {
  return Number.isFinite(x) && Math.abs(x) < 0.01 && x !== 0 ? formatSci(x, lang) : formatNumber(x, lang, 3);
}
