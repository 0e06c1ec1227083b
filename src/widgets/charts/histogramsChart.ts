import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';
import { base } from './common.ts';
import type { Theme } from '../theme.ts';

export interface LayerHistogram {
  layer: number;
  /** Bin edges and counts: bins[i] covers [x0, x1). */
  bins: { x0: number; x1: number; count: number }[];
}

export interface HistogramsStrings {
  title: string;
  x: string;
  y: string;
}

/** Per-layer histograms as small multiples, one row per layer, on a shared x axis. */
export function histogramsChart(layers: LayerHistogram[], s: HistogramsStrings, theme: Theme, options: { colour: string; width?: number } ): PlotOptions {
  const width = options.width ?? 640;
  const rows = layers.flatMap((h) => {
    const total = h.bins.reduce((a, b) => a + b.count, 0) || 1;
    return h.bins.map((b) => ({ layer: h.layer, x1: b.x0, x2: b.x1, share: b.count / total }));
  });
  return {
    ...base(theme, width, Math.max(120, 26 + layers.length * 34)),
    marginLeft: 64,
    ariaLabel: s.title,
    fy: { label: s.y, padding: 0.12 },
    x: { label: s.x, grid: true },
    y: { axis: null },
    marks: [
      Plot.rectY(rows, { x1: 'x1', x2: 'x2', y: 'share', fy: 'layer', fill: options.colour, fillOpacity: 0.85, insetLeft: 0.5, insetRight: 0.5 }),
      Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.3 }),
    ],
  };
}
