import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';
import { base, labelMargin, linearDomain, logAxis, logDomain, logSafe, spread, yMapper } from './common.ts';
import { MAX_GHOSTS, ghostStyle, neutral, textColour } from './palette.ts';
import { compactDots } from './compactDots.ts';
import type { Theme } from '../theme.ts';

export interface LayerSeries {
  key: string;
  label: string;
  colour: string;
  /** One value per layer, layer 1 first (or layer 0 first with `firstLayer: 0`). */
  values: number[];
  /** Dashed, thinner and without dots: a reference such as the profile at step 0. */
  dashed?: boolean;
}

/** An earlier run's profile (a pinned run), drawn thin, dashed and muted under the series. */
export interface LayerGhost {
  label: string;
  /** One value per layer, indexed like LayerSeries.values. */
  values: number[];
}

export interface PerLayerStrings {
  title: string;
  x: string;
  y: string;
  /** Label of the envelope line, when there is one. */
  envelope?: string;
}

export interface PerLayerOptions {
  width?: number;
  height?: number;
  log?: boolean;
  /** A line drawn dashed and muted, with strings.envelope as its label (a bound, a theory). */
  envelope?: number[];
  /** The x value of values[0] (1: layer 1 is the first hidden layer; 0: the input). */
  firstLayer?: number;
  /**
   * Where values that are zero or not numbers are drawn on a log axis. By default one
   * decade below the smallest real value: the axis follows the data, however many
   * decades it spans, and never floors a value it exists to show.
   */
  floor?: number;
  /** 'spread' (default with several series): labels right of the last layer, pushed apart. */
  labels?: 'spread' | 'none';
  /** A horizontal rule (1 for "unchanged", say). */
  rule?: number;
  /** Text drawn in the frame when no series has a value to show. */
  empty?: string;
  /** Earlier runs, drawn under the series and always labelled (at most MAX_GHOSTS). */
  ghosts?: LayerGhost[];
}

const MARGIN_BOTTOM = 40;

/** A value per layer on a log scale, e.g. the gradient norm of each layer; optionally an envelope. */
export function perLayerChart(series: LayerSeries[], s: PerLayerStrings, theme: Theme, options: PerLayerOptions = {}): PlotOptions {
  const width = options.width ?? 640;
  const height = options.height ?? Math.round(width * 0.5);
  const log = options.log ?? true;
  const first = options.firstLayer ?? 1;
  const n = neutral(theme);
  const env = options.envelope ?? [];
  const ghosts = (options.ghosts ?? []).slice(0, MAX_GHOSTS);
  const raw = [...series.flatMap((se) => se.values), ...env, ...ghosts.flatMap((g) => g.values)];
  const ld = log ? logDomain(options.floor !== undefined ? [...raw, options.floor] : raw) : null;
  const floor = options.floor ?? ld?.floor ?? 0;
  const value = (v: number) => (log ? logSafe(v, floor) : v);
  const yDomain: [number, number] = ld ? [ld.lo, ld.hi] : linearDomain(raw, false);
  const marks: Plot.Markish[] = [];
  const layers = Math.max(first + 1, ...series.map((se) => se.values.length - 1 + first), env.length - 1 + first, ...ghosts.map((g) => g.values.length - 1 + first));
  if (options.rule !== undefined) marks.push(Plot.ruleY([options.rule], { stroke: n.faint, strokeWidth: 1 }));
  const texts: { t: string; v: number | undefined; fill: string }[] = [];
  if (env.length) {
    const pts = env.map((v, i) => ({ layer: i + first, value: value(v) }));
    marks.push(Plot.line(pts, { x: 'layer', y: 'value', stroke: n.muted, strokeDasharray: '4 4', strokeWidth: 1.5 }));
    if (s.envelope) texts.push({ t: s.envelope, v: pts.at(-1)?.value, fill: n.muted });
  }
  const styles = ghosts.map((_, k) => ghostStyle(k, theme));
  const ghostTexts = ghosts.map((g, k) => {
    const pts = g.values.map((v, i) => ({ layer: i + first, value: value(v) }));
    marks.push(Plot.line(pts, { x: 'layer', y: 'value', stroke: styles[k].colour, strokeWidth: 1.4, strokeDasharray: styles[k].dash, className: 'chart-ghost', ariaDescription: g.label }));
    return { t: g.label, v: pts.at(-1)?.value, fill: textColour(styles[k].colour, theme) };
  });
  for (const se of series) {
    const own = se.values.map((v, i) => ({ layer: i + first, value: value(v) }));
    marks.push(Plot.line(own, { x: 'layer', y: 'value', stroke: se.colour, strokeWidth: se.dashed ? 1.6 : 2.2, strokeDasharray: se.dashed ? '5 4' : undefined }));
    if (!se.dashed) marks.push(Plot.dot(own, { x: 'layer', y: 'value', fill: se.colour, r: layers > 30 ? 2.5 : 3.5, render: compactDots }));
    texts.push({ t: se.label, v: own.at(-1)?.value, fill: textColour(se.colour, theme) });
  }
  const labelled = (options.labels ?? (texts.length > 1 || ghostTexts.length ? 'spread' : 'none')) === 'spread';
  const top = base(theme, width, height).marginTop as number;
  const bottom = height - MARGIN_BOTTOM;
  const lm = labelMargin([...texts, ...ghostTexts].map((x) => x.t), Math.round(width * (width < 480 ? 0.4 : 0.32)));
  const shown = labelled ? texts : [];
  if (shown.length || ghostTexts.length) {
    const map = yMapper(yDomain, log, top, bottom);
    const placed = [...shown, ...ghostTexts];
    const px = spread(placed.map((x) => map.toPx(x.v === undefined ? yDomain[0] : Math.min(yDomain[1], Math.max(yDomain[0], x.v)))), lm.gap, top, bottom);
    const rows = placed.map((x, i) => ({ t: x.t, fill: x.fill, y: map.fromPx(px[i]) }));
    if (shown.length) marks.push(Plot.text(rows.slice(0, shown.length), { x: () => layers, y: 'y', text: 't', fill: (d: { fill: string }) => d.fill, textAnchor: 'start', dx: 8, fontWeight: 600, clip: false, lineWidth: lm.lineWidth }));
    // Ghost labels: spread with the others, in normal weight so the current run's stay bold.
    if (ghostTexts.length) marks.push(Plot.text(rows.slice(shown.length), { x: () => layers, y: 'y', text: 't', fill: (d: { fill: string }) => d.fill, textAnchor: 'start', dx: 8, fontWeight: 400, clip: false, lineWidth: lm.lineWidth, className: 'chart-ghost-label' }));
  }
  const all = series.flatMap((se) => se.values);
  if (options.empty && !all.some((v) => Number.isFinite(v) && (!log || v > 0)))
    marks.push(Plot.text([options.empty], { frameAnchor: 'middle', fill: n.muted, fontWeight: 600 }));
  const every = Math.ceil((layers - first + 1) / (width < 480 ? 6 : 10));
  const ticks: number[] = [];
  for (let l = first; l <= layers; l++) if ((l - first) % every === 0 || l === layers) ticks.push(l);
  if (ticks.length > 1 && ticks.at(-1)! - ticks.at(-2)! < every / 2) ticks.splice(ticks.length - 2, 1);
  return {
    ...base(theme, width, height),
    marginRight: labelled || ghostTexts.length ? lm.margin : 20,
    ariaLabel: s.title,
    x: { label: s.x, domain: [first, layers], ticks, tickFormat: 'd', grid: true },
    y: ld ? { ...logAxis(s.y, [ld.lo, ld.hi]), domain: yDomain } : { label: s.y, grid: true, domain: yDomain },
    color: { type: 'identity' },
    marks,
  };
}
