import type { PlotOptions } from '@observablehq/plot';
import { formatPow10 } from '../superscript.ts';
import type { Theme } from '../theme.ts';

/** Room above the frame for the y-axis title, so it never sits on the top tick label. */
export const MARGIN_TOP = 34;
/** Approximate width of one character of 12 px chart text, for sizing label margins. */
export const CHAR_PX = 7;
/** Vertical room one line of 12 px chart text needs, for spreading labels. */
export const LINE_PX = 14;

/** Layout defaults shared by every chart, so figures line up across the site. */
export function base(_theme: Theme, width: number, height: number): Partial<PlotOptions> {
  return {
    width,
    height,
    marginLeft: 56,
    marginBottom: 40,
    marginRight: 16,
    marginTop: MARGIN_TOP,
    // No fixed text colour: marks and axes use currentColor, which follows the page theme
    // even in the build-time SVG shown before (or without) JavaScript.
    style: { fontSize: '12px', background: 'transparent', overflow: 'visible' },
  };
}

const positive = (v: number) => Number.isFinite(v) && v > 0;

/**
 * The decades a log axis spans: from the smallest positive value to the largest, whatever
 * they are (a depth-30 sigmoid net has gradients of 10⁻²⁹; they are what the chart is
 * for). `floor` is one decade below the data: where zeros and non-numbers are drawn.
 */
export function logDomain(values: number[]): { lo: number; hi: number; floor: number; e0: number; e1: number } {
  const finite = values.filter(positive);
  let lo = finite.length ? Math.min(...finite) : 1e-3;
  let hi = finite.length ? Math.max(...finite) : 1;
  const hasZero = values.some((v) => !positive(v));
  let e0 = Math.floor(Math.log10(lo));
  const e1 = Math.max(e0 + 1, Math.ceil(Math.log10(hi)));
  if (hasZero) e0 -= 1;
  lo = 10 ** e0;
  hi = 10 ** e1;
  return { lo, hi, floor: lo, e0, e1 };
}

/** A value for a log axis: itself if positive and finite, else the axis floor (the bottom). */
export function logSafe(x: number, floor = 1e-300): number {
  return positive(x) && x > floor ? x : floor;
}

/** A log axis over the data's own decades, labelled only at powers of ten (10⁻⁶, not 1e-6). */
export function logAxis(label: string, values: number[], _legacyFloor?: number) {
  const { e0, e1 } = logDomain(values);
  const stride = Math.max(1, Math.ceil((e1 - e0) / 6));
  const ticks: number[] = [];
  for (let e = e1; e >= e0; e -= stride) ticks.push(10 ** e);
  return { type: 'log' as const, label, domain: [10 ** e0, 10 ** e1], ticks, tickFormat: formatPow10, grid: true };
}

/**
 * Pixel heights for labels wanted at `px` (one per label), pushed apart to at least `gap`
 * and kept inside [top, bottom]. Order is kept: the label of the higher curve stays higher.
 */
export function spread(px: number[], gap: number, top: number, bottom: number): number[] {
  const order = px.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const y = order.map((o) => Math.min(bottom, Math.max(top, o.v)));
  for (let k = 1; k < y.length; k++) y[k] = Math.max(y[k], y[k - 1] + gap);
  const over = y.length ? y[y.length - 1] - bottom : 0;
  if (over > 0) {
    y[y.length - 1] -= over;
    for (let k = y.length - 2; k >= 0; k--) y[k] = Math.min(y[k], y[k + 1] - gap);
  }
  const out = new Array<number>(px.length);
  order.forEach((o, k) => (out[o.i] = y[k]));
  return out;
}

/** Maps data values to pixel heights and back for a y scale we set ourselves. */
export function yMapper(domain: [number, number], log: boolean, top: number, bottom: number) {
  const f = log ? Math.log10 : (v: number) => v;
  const g = log ? (t: number) => 10 ** t : (t: number) => t;
  const [a, b] = [f(domain[0]), f(domain[1])];
  return {
    toPx: (v: number) => bottom - ((f(v) - a) / (b - a || 1)) * (bottom - top),
    fromPx: (p: number) => g(a + ((bottom - p) / (bottom - top || 1)) * (b - a)),
  };
}

/** Longest label in characters, as margin pixels. */
export const labelWidth = (labels: string[]) => Math.max(0, ...labels.map((l) => l.length)) * CHAR_PX + 12;

/** Linear domain covering values, starting at 0 when `zero`, padded 5 % above. */
export function linearDomain(values: number[], zero: boolean): [number, number] {
  const finite = values.filter(Number.isFinite);
  let lo = finite.length ? Math.min(...finite) : 0;
  let hi = finite.length ? Math.max(...finite) : 1;
  if (zero) lo = Math.min(0, lo);
  if (hi === lo) hi = lo + 1;
  return [lo, hi + (hi - lo) * 0.05];
}

/** Round whole-number ticks from 0 to max (steps): 1, 2 or 5 times a power of ten apart. */
export function stepTicks(max: number, count = 6): number[] {
  const raw = Math.max(1, max / Math.max(1, count));
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  const stride = Math.max(1, (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p);
  const out: number[] = [];
  for (let t = 0; t <= max + 1e-9; t += stride) out.push(Math.round(t));
  return out;
}
