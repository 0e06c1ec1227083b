import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '../kit/plot.ts';
import { base, logAxis, logSafe } from './common.ts';
import type { Theme } from './palette.ts';

export interface Curve {
  key: string;
  label: string;
  colour: string;
  points: { step: number; value: number }[];
  dashed?: boolean;
}

export interface CurvesChartStrings {
  title: string;
  x: string;
  y: string;
}

/** Values over training steps, one line per curve (loss, dead fraction, mean activation...). */
export function curvesChart(curves: Curve[], s: CurvesChartStrings, theme: Theme, options: { log?: boolean; yDomain?: [number, number]; width?: number; height?: number } = {}): PlotOptions {
  const width = options.width ?? 640;
  const rows = curves.flatMap((c) => c.points.map((p) => ({ step: p.step, value: options.log ? logSafe(p.value) : p.value, key: c.key, label: c.label })));
  const colours = Object.fromEntries(curves.map((c) => [c.key, c.colour]));
  const maxStep = Math.max(1, ...rows.map((r) => r.step));
  const marks: Plot.Markish[] = [];
  for (const c of curves) {
    marks.push(
      Plot.line(rows.filter((r) => r.key === c.key), {
        x: 'step',
        y: 'value',
        stroke: colours[c.key],
        strokeWidth: 2,
        strokeDasharray: c.dashed ? '6 4' : undefined,
      }),
    );
    const last = rows.filter((r) => r.key === c.key).at(-1);
    if (last && curves.length > 1) marks.push(Plot.text([last], { x: 'step', y: 'value', text: () => c.label, fill: colours[c.key], textAnchor: 'end', dy: -8, fontWeight: 600 }));
  }
  return {
    ...base(theme, width, options.height ?? Math.round(width * 0.45)),
    ariaLabel: s.title,
    x: { label: s.x, domain: [0, maxStep], grid: true },
    y: options.log ? logAxis(s.y, rows.map((r) => r.value)) : { label: s.y, grid: true, domain: options.yDomain, nice: true },
    marks,
  };
}
