import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '../kit/plot.ts';
import { base, logSafe } from './common.ts';
import { formatPow10 } from '../kit/format.ts';
import { SEQUENTIAL_SCHEME, type Theme } from './palette.ts';

export interface HeatmapData {
  /** Training steps at which columns were recorded. */
  steps: number[];
  /** values[c][l]: the value of layer l + 1 at column c. */
  values: number[][];
}

export interface HeatmapStrings {
  title: string;
  x: string;
  y: string;
  colour: string;
}

/** At most this many columns: a cell mark stays cheap to draw while training runs. */
export const MAX_COLUMNS = 40;

/** Keeps at most MAX_COLUMNS evenly spaced columns, always including the latest. */
export function thinColumns(data: HeatmapData, max = MAX_COLUMNS): HeatmapData {
  const n = data.steps.length;
  if (n <= max) return data;
  const idx: number[] = [];
  for (let k = 0; k < max; k++) idx.push(Math.round((k * (n - 1)) / (max - 1)));
  return { steps: idx.map((i) => data.steps[i]), values: idx.map((i) => data.values[i]) };
}

/** Layer-by-step heatmap of a magnitude on a log colour scale: how the gradient flows over time. */
/** `raster` draws one bitmap instead of a rect per cell: for live updates in the browser. */
export function heatmapChart(data: HeatmapData, s: HeatmapStrings, theme: Theme, width = 640, raster = false): PlotOptions {
  const d = thinColumns(data);
  const layers = d.values[0]?.length ?? 0;
  const rows = d.values.flatMap((col, c) => col.map((v, l) => ({ col: c, step: d.steps[c], layer: l + 1, value: logSafe(v) })));
  const vals = rows.map((r) => r.value);
  const lo = vals.length ? Math.min(...vals) : 1e-6;
  const hi = vals.length ? Math.max(...vals) : 1;
  const colour = {
    type: 'log' as const,
    scheme: SEQUENTIAL_SCHEME as Plot.ColorScheme,
    domain: [lo, Math.max(hi, lo * 10)],
    label: s.colour,
    legend: false,
    tickFormat: formatPow10,
  } satisfies Plot.ScaleOptions;
  const height = Math.max(160, Math.min(420, 40 + layers * 14));
  if (raster) {
    const cols = d.steps.length;
    // Raster rows run from y1 upwards: row 0 is layer 1.
    const values = new Array<number>(cols * layers);
    for (let l = 0; l < layers; l++) for (let c = 0; c < cols; c++) values[l * cols + c] = logSafe(d.values[c][l]);
    const every = Math.ceil(cols / 6);
    return {
      ...base(theme, width, height),
      ariaLabel: s.title,
      x: { label: s.x, domain: [0, cols], ticks: d.steps.map((_, i) => i + 0.5).filter((_, i) => i % every === 0), tickFormat: (c: number) => String(d.steps[Math.floor(c)] ?? '') },
      y: { label: s.y, domain: [0.5, layers + 0.5], ticks: Array.from({ length: layers }, (_, i) => i + 1).filter((l) => layers <= 12 || l % Math.ceil(layers / 10) === 1), tickFormat: 'd' },
      color: colour,
      marks: [Plot.raster(values, { width: cols, height: layers, x1: 0, x2: cols, y1: 0.5, y2: layers + 0.5, imageRendering: 'pixelated' })],
    };
  }
  return {
    ...base(theme, width, height),
    marginBottom: 40,
    ariaLabel: s.title,
    padding: 0,
    x: { label: s.x, type: 'band', tickFormat: (c: number) => String(d.steps[c] ?? ''), ticks: d.steps.map((_, i) => i).filter((i) => i % Math.ceil(d.steps.length / 6) === 0) },
    y: { label: s.y, type: 'band', reverse: true, ticks: Array.from({ length: layers }, (_, i) => i + 1).filter((l) => layers <= 12 || l % Math.ceil(layers / 10) === 1) },
    color: colour,
    marks: [Plot.cell(rows, { x: 'col', y: 'layer', fill: 'value', inset: 0 })],
  };
}
