// The per-layer variance chart: measured mean square of the activations, relative to the
// input's, on a log axis, against the theory's line r^l. The kit's perLayerChart floors
// values at 10⁻¹², which would flatten "too small" (it reaches 10⁻⁹⁰ at depth 50), so this
// figure has its own builder with the kit's axis helper and a far lower floor.
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '../kit/plot.ts';
import { base, logAxis } from '../charts/common.ts';
import { neutral, type Theme } from '../charts/palette.ts';

export const VARIANCE_FLOOR = 1e-300;

export interface VarianceChartStrings {
  title: string;
  x: string;
  y: string;
  measured: string;
  theory: string;
  /** Shown instead of the points when every value is exactly zero. */
  allZero: string;
}

export function varianceChart(
  measured: number[],
  theory: number[] | null,
  s: VarianceChartStrings,
  theme: Theme,
  colour: string,
  options: { width?: number; height?: number } = {},
): PlotOptions {
  const width = options.width ?? 640;
  const n = neutral(theme);
  const positive = (v: number) => Number.isFinite(v) && v > VARIANCE_FLOOR;
  // Layer 0 is the input, where the ratio is 1 by definition.
  const pts = [1, ...measured].map((value, layer) => ({ layer, value })).filter((p) => positive(p.value));
  const th = theory ? [1, ...theory].map((value, layer) => ({ layer, value })).filter((p) => positive(p.value)) : [];
  const depth = measured.length;
  const marks: Plot.Markish[] = [Plot.ruleY([1], { stroke: n.faint, strokeWidth: 1 })];
  if (th.length) {
    marks.push(Plot.line(th, { x: 'layer', y: 'value', stroke: n.muted, strokeDasharray: '5 4', strokeWidth: 1.75 }));
    // Mid-line, above it: the line's end is where "measured" is labelled, and the x ticks are below.
    marks.push(Plot.text([th[Math.floor(th.length / 2)]], { x: 'layer', y: 'value', text: () => s.theory, fill: n.muted, textAnchor: 'start', dx: 6, dy: -10 }));
  }
  marks.push(Plot.line(pts, { x: 'layer', y: 'value', stroke: colour, strokeWidth: 2 }));
  marks.push(Plot.dot(pts, { x: 'layer', y: 'value', fill: colour, r: depth > 30 ? 2.5 : 3.5 }));
  if (pts.length > 1) marks.push(Plot.text([pts.at(-1)!], { x: 'layer', y: 'value', text: () => s.measured, fill: colour, textAnchor: 'end', dx: -8, dy: -10, fontWeight: 600 }));
  if (pts.length <= 1) marks.push(Plot.text([{ layer: depth / 2, value: 1e-3 }], { x: 'layer', y: 'value', text: () => s.allZero, fill: n.ink, fontWeight: 600 }));
  const all = [...pts.map((p) => p.value), ...th.map((p) => p.value), 1e-3];
  return {
    ...base(theme, width, options.height ?? Math.round(width * 0.5)),
    ariaLabel: s.title,
    // About one tick per 45 px, so the layer numbers never run into each other on a phone.
    x: { label: s.x, domain: [0, Math.max(1, depth)], ticks: Math.max(2, Math.min(depth, 10, Math.floor(width / 45))), tickFormat: 'd', grid: true },
    y: logAxis(s.y, all, VARIANCE_FLOOR),
    marks,
  };
}
