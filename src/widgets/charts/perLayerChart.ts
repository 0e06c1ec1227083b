import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '../kit/plot.ts';
import { base, logAxis, logSafe } from './common.ts';
import { neutral, type Theme } from './palette.ts';

export interface LayerSeries {
  key: string;
  label: string;
  colour: string;
  /** One value per layer, layer 1 first. */
  values: number[];
}

export interface PerLayerStrings {
  title: string;
  x: string;
  y: string;
  envelope?: string;
}

/** A value per layer on a log scale, e.g. the gradient norm of each layer; optionally a theoretical envelope. */
export function perLayerChart(series: LayerSeries[], s: PerLayerStrings, theme: Theme, options: { envelope?: number[]; width?: number; height?: number; log?: boolean } = {}): PlotOptions {
  const width = options.width ?? 640;
  const log = options.log ?? true;
  const n = neutral(theme);
  const rows = series.flatMap((se) => se.values.map((v, i) => ({ layer: i + 1, value: log ? logSafe(v) : v, key: se.key })));
  const env = (options.envelope ?? []).map((v, i) => ({ layer: i + 1, value: logSafe(v) }));
  const marks: Plot.Markish[] = [];
  if (env.length) {
    marks.push(Plot.line(env, { x: 'layer', y: 'value', stroke: n.muted, strokeDasharray: '4 4', strokeWidth: 1.5 }));
    if (s.envelope) marks.push(Plot.text([env[0]], { x: 'layer', y: 'value', text: () => s.envelope!, fill: n.muted, textAnchor: 'start', dx: 6, dy: 12 }));
  }
  for (const se of series) {
    const own = rows.filter((r) => r.key === se.key);
    marks.push(Plot.line(own, { x: 'layer', y: 'value', stroke: se.colour, strokeWidth: 2 }));
    marks.push(Plot.dot(own, { x: 'layer', y: 'value', fill: se.colour, r: 3.5 }));
    const last = own.at(-1);
    if (last && series.length > 1) marks.push(Plot.text([last], { x: 'layer', y: 'value', text: () => se.label, fill: se.colour, textAnchor: 'start', dx: 8, fontWeight: 600 }));
  }
  const layers = Math.max(1, ...rows.map((r) => r.layer));
  return {
    ...base(theme, width, options.height ?? Math.round(width * 0.5)),
    marginRight: series.length > 1 ? 70 : 16,
    ariaLabel: s.title,
    x: { label: s.x, domain: [1, Math.max(2, layers)], ticks: Math.min(layers, 10), tickFormat: 'd', grid: true },
    y: log ? logAxis(s.y, [...rows.map((r) => r.value), ...env.map((e) => e.value)]) : { label: s.y, grid: true, nice: true },
    marks,
  };
}
