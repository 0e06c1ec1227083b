import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';
import { base, logDomain, logSafe, stepTicks } from './common.ts';
import { SEQUENTIAL_SCHEME, neutral } from './palette.ts';
import { formatPow10 } from '../superscript.ts';
import type { Theme } from '../theme.ts';

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

export interface HeatmapOptions {
  width?: number;
  /** One bitmap instead of a rect per cell: for live updates in the browser. */
  raster?: boolean;
  /**
   * The colour scale's domain. Pass one that stays put while training runs (see
   * heatmapDomain): "dark" must mean the same value in every frame.
   */
  domain?: [number, number];
  /** The x axis spans at least this many steps, so early columns are not stretched. */
  minSteps?: number;
  /** Steps between records: the width of the newest column. */
  every?: number;
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

/**
 * A colour domain in whole decades covering every value recorded so far (not only the
 * columns drawn), so it changes only when the data leave it, never from frame to frame.
 */
export function heatmapDomain(data: HeatmapData, previous?: [number, number]): [number, number] {
  const d = logDomain(data.values.flat());
  const lo = previous ? Math.min(previous[0], d.lo) : d.lo;
  const hi = previous ? Math.max(previous[1], d.hi) : d.hi;
  return [lo, Math.max(hi, lo * 10)];
}

const LEGEND_CELLS = 24;

/** Layer-by-step heatmap of a magnitude on a log colour scale, with its colour legend above. */
export function heatmapChart(data: HeatmapData, s: HeatmapStrings, theme: Theme, options: HeatmapOptions = {}): PlotOptions {
  const width = options.width ?? 640;
  const d = thinColumns(data);
  const layers = d.values[0]?.length ?? 0;
  const domain = options.domain ?? heatmapDomain(data);
  const lastStep = d.steps.at(-1) ?? 0;
  const every = options.every ?? (d.steps.length > 1 ? d.steps[1] - d.steps[0] : 1);
  const xMax = Math.max(lastStep + every, options.minSteps ?? 0, 1);
  // Column c covers [steps[c], steps[c + 1]): what the network was from that record on.
  const edge = (c: number) => (c + 1 < d.steps.length ? d.steps[c + 1] : lastStep + every);
  const height = Math.max(190, Math.min(440, 80 + layers * 14));
  const mt = 52;
  const mb = 40;
  const inner = height - mt - mb;
  const perLayer = inner / Math.max(1, layers);
  const colour = { type: 'log' as const, scheme: SEQUENTIAL_SCHEME as Plot.ColorScheme, domain, clamp: true, label: s.colour, tickFormat: formatPow10 } satisfies Plot.ScaleOptions;
  // The legend: a row of cells above the frame, in data units of the chart's own scales,
  // so it lives in the same SVG (exports and the build-time image include it).
  const [e0, e1] = domain.map(Math.log10);
  const legendX0 = xMax * 0.45;
  const legendW = xMax - legendX0;
  const yOf = (px: number) => layers + 0.5 + px / perLayer;
  const legend = Array.from({ length: LEGEND_CELLS }, (_, i) => ({
    x1: legendX0 + (legendW * i) / LEGEND_CELLS,
    x2: legendX0 + (legendW * (i + 1)) / LEGEND_CELLS,
    value: 10 ** (e0 + ((e1 - e0) * (i + 0.5)) / LEGEND_CELLS),
  }));
  const n = neutral(theme);
  const ticks = [
    { x: legendX0, t: formatPow10(domain[0]) },
    { x: xMax, t: formatPow10(domain[1]) },
  ];
  const cells = options.raster
    ? [Plot.raster(rasterValues(d, layers, domain[0]), { width: d.steps.length, height: layers, x1: d.steps[0] ?? 0, x2: lastStep + every, y1: 0.5, y2: layers + 0.5, imageRendering: 'pixelated' })]
    : [Plot.rect(d.values.flatMap((col, c) => col.map((v, l) => ({ x1: d.steps[c], x2: edge(c), y1: l + 0.5, y2: l + 1.5, value: logSafe(v, domain[0]) }))), { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: 'value' })];
  return {
    ...base(theme, width, height),
    marginTop: mt,
    marginBottom: mb,
    ariaLabel: s.title,
    x: { label: s.x, domain: [0, xMax], ticks: stepTicks(xMax, width < 480 ? 4 : 6), tickFormat: 'd' },
    y: { label: s.y, domain: [0.5, layers + 0.5], ticks: Array.from({ length: layers }, (_, i) => i + 1).filter((l) => layers <= 12 || l % Math.ceil(layers / 10) === 1 || l === layers), tickFormat: 'd' },
    color: colour,
    marks: [
      ...cells,
      Plot.rect(legend, { x1: 'x1', x2: 'x2', y1: () => yOf(20), y2: () => yOf(30), fill: 'value', clip: false }),
      Plot.text([ticks[0]], { x: 'x', y: () => yOf(6), text: 't', textAnchor: 'start', lineAnchor: 'bottom', fill: n.ink, clip: false }),
      Plot.text([ticks[1]], { x: 'x', y: () => yOf(6), text: 't', textAnchor: 'end', lineAnchor: 'bottom', fill: n.ink, clip: false }),
      Plot.text([s.colour], { x: legendX0, y: () => yOf(34), text: (t: string) => t, textAnchor: 'start', lineAnchor: 'bottom', fill: n.ink, clip: false }),
    ],
  };
}

/** Raster rows run from y1 upwards: row 0 is layer 1. */
function rasterValues(d: HeatmapData, layers: number, floor: number): number[] {
  const cols = d.steps.length;
  const values = new Array<number>(cols * layers);
  for (let l = 0; l < layers; l++) for (let c = 0; c < cols; c++) values[l * cols + c] = logSafe(d.values[c][l], floor);
  return values;
}
