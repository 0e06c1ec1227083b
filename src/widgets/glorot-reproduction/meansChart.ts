// Mean activation per hidden layer over training. Like the kit's curvesChart, but the
// end labels are spread apart: here several layers end at almost the same value (≈ 0.5),
// and curvesChart's labels would print on top of each other.
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '../kit/plot.ts';
import { base } from '../charts/common.ts';
import type { Curve } from '../charts/index.ts';
import type { Theme } from '../charts/palette.ts';

/** Label heights: each at its curve's end value, pushed apart to at least `gap`, kept inside [lo, hi]. */
export function spreadLabels(values: number[], gap: number, lo = 0, hi = 1): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const y = order.map((o) => Math.min(hi, Math.max(lo, o.v)));
  for (let k = 1; k < y.length; k++) y[k] = Math.max(y[k], y[k - 1] + gap);
  const over = y.length ? y[y.length - 1] - hi : 0;
  if (over > 0) {
    y[y.length - 1] -= over;
    for (let k = y.length - 2; k >= 0; k--) y[k] = Math.min(y[k], y[k + 1] - gap);
  }
  const out = new Array<number>(values.length);
  order.forEach((o, k) => (out[o.i] = y[k]));
  return out;
}

export function meansChart(curves: Curve[], s: { title: string; x: string; y: string }, theme: Theme, options: { maxStep: number; width?: number; height?: number }): PlotOptions {
  const width = options.width ?? 640;
  const height = options.height ?? 280;
  const ends = curves.map((c) => c.points.at(-1));
  // 0.075 of the [0, 1] axis is about one line of 12px text at this height.
  const labelY = spreadLabels(ends.map((e) => e?.value ?? 0.5), 0.075);
  const marks: Plot.Markish[] = [];
  curves.forEach((c, i) => {
    marks.push(Plot.line(c.points, { x: 'step', y: 'value', stroke: c.colour, strokeWidth: i === curves.length - 1 ? 2.5 : 1.75 }));
    const e = ends[i];
    if (e) marks.push(Plot.text([{ step: e.step, value: labelY[i] }], { x: 'step', y: 'value', text: () => c.label, fill: c.colour, textAnchor: 'start', dx: 6, fontWeight: 600 }));
  });
  return {
    ...base(theme, width, height),
    marginRight: 110,
    ariaLabel: s.title,
    x: { label: s.x, domain: [0, options.maxStep], grid: true },
    y: { label: s.y, domain: [0, 1], grid: true },
    marks,
  };
}
