import type { PlotOptions } from '../kit/plot.ts';
import { formatPow10 } from '../kit/format.ts';
import type { Theme } from './palette.ts';

/** Layout defaults shared by every chart, so figures line up across the site. */
export function base(_theme: Theme, width: number, height: number): Partial<PlotOptions> {
  return {
    width,
    height,
    marginLeft: 56,
    marginBottom: 40,
    marginRight: 16,
    marginTop: 16,
    // No fixed text colour: marks and axes use currentColor, which follows the page theme
    // even in the build-time SVG shown before (or without) JavaScript.
    style: { fontSize: '12px', background: 'transparent', overflow: 'visible' },
  };
}

/**
 * Gradient norms span many decades, and a zero (dead layer) has no logarithm.
 * Values are floored at `floor` so they stay on the chart, at the bottom.
 */
export function logSafe(x: number, floor = 1e-12): number {
  return Number.isFinite(x) && x > floor ? x : floor;
}

/** A log axis labelled only at powers of ten, written 10⁻⁶ rather than 1e-6. */
export function logAxis(label: string, values: number[], floor = 1e-12) {
  const finite = values.filter((v) => Number.isFinite(v) && v > 0).map((v) => Math.max(v, floor));
  const lo = finite.length ? Math.min(...finite) : 1e-3;
  const hi = finite.length ? Math.max(...finite) : 1;
  const e0 = Math.floor(Math.log10(lo));
  const e1 = Math.max(e0 + 1, Math.ceil(Math.log10(hi)));
  const stride = Math.max(1, Math.ceil((e1 - e0) / 6));
  const ticks: number[] = [];
  for (let e = e0; e <= e1; e += stride) ticks.push(10 ** e);
  return { type: 'log' as const, label, domain: [10 ** e0, 10 ** e1], ticks, tickFormat: formatPow10, grid: true };
}
