import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';
import { base } from './common.ts';
import { neutral, textColour } from './palette.ts';
import type { Theme } from '../theme.ts';

export interface FunctionSeries {
  key: string;
  label: string;
  colour: string;
  points: { x: number; y: number }[];
  /** Derivatives are dashed so the pair reads apart without colour. */
  dashed?: boolean;
}

export interface FunctionChartData {
  series: FunctionSeries[];
  xDomain: [number, number];
  yDomain: [number, number];
  /** A marked point on one curve, with an optional tangent line through it. */
  marker?: { x: number; y: number; colour: string; slope?: number; dy?: number; colourDy?: string };
}

export interface FunctionChartStrings {
  title: string;
  x: string;
  y: string;
}

export interface FunctionChartOptions {
  width?: number;
  height?: number;
}

/** A function and its derivative (or several pairs), with an optional tangent at a point. */
export function functionChart(data: FunctionChartData, s: FunctionChartStrings, theme: Theme, options: FunctionChartOptions = {}): PlotOptions {
  const width = options.width ?? 640;
  const n = neutral(theme);
  const rows = data.series.flatMap((se) => se.points.map((p) => ({ ...p, key: se.key })));
  const marks: Plot.Markish[] = [
    Plot.ruleY([0], { stroke: n.muted, strokeOpacity: 0.6 }),
    Plot.ruleX([0], { stroke: n.muted, strokeOpacity: 0.6 }),
  ];
  for (const se of data.series) {
    marks.push(
      Plot.line(rows.filter((r) => r.key === se.key), {
        x: 'x',
        y: 'y',
        stroke: se.colour,
        strokeWidth: 2.5,
        strokeDasharray: se.dashed ? '6 4' : undefined,
      }),
    );
    const last = se.points[Math.round(se.points.length * 0.82)];
    if (last) marks.push(Plot.text([last], { x: 'x', y: 'y', text: () => se.label, fill: textColour(se.colour, theme), dy: se.dashed ? 12 : -10, fontWeight: 600, textAnchor: 'middle' }));
  }
  const m = data.marker;
  if (m) {
    if (m.slope !== undefined) {
      const [x0, x1] = data.xDomain;
      const half = (x1 - x0) * 0.18;
      marks.push(
        Plot.line(
          [
            { x: m.x - half, y: m.y - m.slope * half },
            { x: m.x + half, y: m.y + m.slope * half },
          ],
          { x: 'x', y: 'y', stroke: n.ink, strokeWidth: 1.5, strokeOpacity: 0.8, clip: true },
        ),
      );
    }
    marks.push(Plot.ruleX([m.x], { stroke: n.muted, strokeDasharray: '2 3' }));
    marks.push(Plot.dot([m], { x: 'x', y: 'y', r: 5, fill: m.colour, stroke: n.surface, strokeWidth: 1.5 }));
    if (m.dy !== undefined) marks.push(Plot.dot([{ x: m.x, y: m.dy }], { x: 'x', y: 'y', r: 5, fill: m.colourDy ?? m.colour, stroke: n.surface, strokeWidth: 1.5 }));
  }
  return {
    ...base(theme, width, options.height ?? Math.round(width * 0.55)),
    ariaLabel: s.title,
    x: { domain: data.xDomain, label: s.x, grid: true },
    y: { domain: data.yDomain, label: s.y, grid: true },
    marks,
  };
}
