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

export interface HistogramsOptions {
  colour: string;
  width?: number;
  /**
   * Draw each row's bars as one <path> instead of one <rect> per bin: the same shapes to the
   * pixel (same edges, same 0.5 px gaps, same fill), with ten elements instead of three
   * hundred. Building and painting 300 rects was most of a redraw of the init explorer's
   * histograms (a 40–70 ms task at 4× CPU throttling). Off by default, so build-time SVGs
   * keep their rects.
   */
  compact?: boolean;
  /**
   * Make the chart as tall as this many rows, however many layers it shows (at least the
   * layers it has): a figure whose slider changes the layer count then keeps its height, and
   * nothing below it moves (the init explorer's depth slider went 1 ↔ 10 rows, 120 ↔ 366 px,
   * and every change laid out and repainted the rest of the page).
   */
  rows?: number;
}

const INSET = 0.5;
const SVG_NS = 'http://www.w3.org/2000/svg';
const px = (v: number) => String(Math.round(v * 100) / 100);

/**
 * A render function for Plot's rectY that draws the facet's bars as one path, with the
 * geometry Plot's own rect render gives them (x from min(x1, x2) + inset, width |x2 − x1|
 * minus both insets, y and height from y1, y2).
 */
export function barsAsOnePath(colour: string, opacity: number): Plot.RenderFunction {
  return (index, _scales, values, _dimensions, context) => {
    const X1 = values.x1 as ArrayLike<number>;
    const X2 = values.x2 as ArrayLike<number>;
    const Y1 = values.y1 as ArrayLike<number>;
    const Y2 = values.y2 as ArrayLike<number>;
    let d = '';
    for (const i of index) {
      const w = Math.abs(X2[i] - X1[i]) - 2 * INSET;
      const h = Math.abs(Y2[i] - Y1[i]);
      if (!(w > 0) || !(h > 0)) continue;
      d += `M${px(Math.min(X1[i], X2[i]) + INSET)},${px(Math.min(Y1[i], Y2[i]))}h${px(w)}v${px(h)}h${px(-w)}Z`;
    }
    const doc = context.document;
    const g = doc.createElementNS(SVG_NS, 'g');
    // What Plot's rect render labels its group with (Plot lifts it to the mark's group).
    g.setAttribute('aria-label', 'rect');
    g.setAttribute('fill', colour);
    g.setAttribute('fill-opacity', String(opacity));
    const path = doc.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', d);
    g.append(path);
    return g;
  };
}

/** Per-layer histograms as small multiples, one row per layer, on a shared x axis. */
export function histogramsChart(layers: LayerHistogram[], s: HistogramsStrings, theme: Theme, options: HistogramsOptions): PlotOptions {
  const width = options.width ?? 640;
  const rows = layers.flatMap((h) => {
    const total = h.bins.reduce((a, b) => a + b.count, 0) || 1;
    return h.bins.map((b) => ({ layer: h.layer, x1: b.x0, x2: b.x1, share: b.count / total }));
  });
  const opacity = 0.85;
  return {
    ...base(theme, width, Math.max(120, 26 + Math.max(layers.length, options.rows ?? 0) * 34)),
    marginLeft: 64,
    ariaLabel: s.title,
    fy: { label: s.y, padding: 0.12 },
    x: { label: s.x, grid: true },
    y: { axis: null },
    marks: [
      Plot.rectY(rows, { x1: 'x1', x2: 'x2', y: 'share', fy: 'layer', fill: options.colour, fillOpacity: opacity, insetLeft: INSET, insetRight: INSET, render: options.compact ? barsAsOnePath(options.colour, opacity) : undefined }),
      Plot.ruleY([0], { stroke: 'currentColor', strokeOpacity: 0.3 }),
    ],
  };
}
