import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';
import { base, labelMargin, linearDomain, logAxis, logDomain, logSafe, spread, stepTicks, yMapper } from './common.ts';
import { MAX_GHOSTS, ghostStyle, neutral, textColour } from './palette.ts';
import type { Theme } from '../theme.ts';

export interface Curve {
  key: string;
  label: string;
  colour: string;
  points: { step: number; value: number }[];
  dashed?: boolean;
  /** Line width (default 2). */
  strokeWidth?: number;
}

export interface CurvesChartStrings {
  title: string;
  x: string;
  y: string;
}

/**
 * An earlier run drawn under the current curves (a pinned run): one thin dashed line in a
 * muted colour of its own, labelled at its end in the right margin.
 */
export interface CurveGhost {
  label: string;
  points: { step: number; value: number }[];
}

/** A horizontal reference line with its label (ln 2 for chance, say). */
export interface Reference {
  value: number;
  label: string;
}

export interface CurvesChartOptions {
  width?: number;
  height?: number;
  log?: boolean;
  /** A fixed y domain; otherwise it follows the data (from 0 if `zero`). */
  yDomain?: [number, number];
  /** Start a linear y axis at 0: a loss axis must not blow 0.005 of noise up to full height. */
  zero?: boolean;
  /** The x axis runs to at least this step (so a run that just started is not stretched). */
  minStep?: number;
  /**
   * 'spread' (default with several curves): labels in the right margin at each curve's
   * end, pushed apart so they never overlap; 'none': the figure names curves elsewhere.
   */
  labels?: 'spread' | 'none';
  references?: Reference[];
  /**
   * Earlier runs, drawn under the curves (at most MAX_GHOSTS; the rest are ignored). They
   * share the axes with the current run and are always labelled, even with labels 'none'.
   */
  ghosts?: CurveGhost[];
}

const MARGIN_BOTTOM = 40;

/** Values over training steps, one line per curve (loss, dead fraction, mean activation...). */
export function curvesChart(curves: Curve[], s: CurvesChartStrings, theme: Theme, options: CurvesChartOptions = {}): PlotOptions {
  const width = options.width ?? 640;
  const height = options.height ?? Math.round(width * 0.45);
  const n = neutral(theme);
  const refs = options.references ?? [];
  const ghosts = (options.ghosts ?? []).slice(0, MAX_GHOSTS);
  const all = [...curves, ...ghosts].flatMap((c) => c.points.map((p) => p.value));
  const log = options.log ?? false;
  const ld = log ? logDomain([...all, ...refs.map((r) => r.value)]) : null;
  const yDomain: [number, number] = options.yDomain ?? (ld ? [ld.lo, ld.hi] : linearDomain([...all, ...refs.map((r) => r.value)], options.zero ?? false));
  const value = (v: number) => (ld ? logSafe(v, ld.floor) : v);
  const maxStep = Math.max(1, options.minStep ?? 1, ...[...curves, ...ghosts].flatMap((c) => c.points.map((p) => p.step)));
  const labelled = (options.labels ?? (curves.length > 1 || refs.length || ghosts.length ? 'spread' : 'none')) === 'spread';
  const texts = labelled ? [...curves.map((c) => c.label), ...refs.map((r) => r.label)] : [];
  const lm = labelMargin([...texts, ...ghosts.map((g) => g.label)], Math.round(width * (width < 480 ? 0.4 : 0.3)));
  const marginRight = labelled || ghosts.length ? lm.margin : 16;
  const top = base(theme, width, height).marginTop as number;
  const bottom = height - MARGIN_BOTTOM;
  const marks: Plot.Markish[] = [];
  for (const r of refs) marks.push(Plot.ruleY([value(r.value)], { stroke: n.muted, strokeDasharray: '2 3', strokeOpacity: 0.9 }));
  const styles = ghosts.map((_, k) => ghostStyle(k, theme));
  ghosts.forEach((g, k) => {
    marks.push(
      Plot.line(g.points.map((p) => ({ step: p.step, value: value(p.value) })), {
        x: 'step',
        y: 'value',
        stroke: styles[k].colour,
        strokeWidth: 1.4,
        strokeDasharray: styles[k].dash,
        className: 'chart-ghost',
        ariaDescription: g.label,
      }),
    );
  });
  for (const c of curves) {
    marks.push(
      Plot.line(c.points.map((p) => ({ step: p.step, value: value(p.value) })), {
        x: 'step',
        y: 'value',
        stroke: c.colour,
        strokeWidth: c.strokeWidth ?? 2,
        strokeDasharray: c.dashed ? '6 4' : undefined,
      }),
    );
  }
  if (labelled || ghosts.length) {
    const map = yMapper(yDomain, log, top, bottom);
    const wanted = [
      ...(labelled ? [...curves.map((c) => c.points.at(-1)?.value), ...refs.map((r) => r.value)] : []),
      ...ghosts.map((g) => g.points.at(-1)?.value),
    ];
    const clampV = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? yDomain[0] : Math.min(yDomain[1], Math.max(yDomain[0], value(v))));
    const px = spread(wanted.map((v) => map.toPx(clampV(v))), lm.gap, top, bottom);
    if (labelled) {
      const rows = texts.map((t, i) => ({
        t,
        y: map.fromPx(px[i]),
        fill: i < curves.length ? textColour(curves[i].colour, theme) : n.muted,
      }));
      marks.push(Plot.text(rows, { x: () => maxStep, y: 'y', text: 't', fill: (d: { fill: string }) => d.fill, textAnchor: 'start', dx: 6, fontWeight: 600, clip: false, lineWidth: lm.lineWidth }));
    }
    // Ghost labels are spread with the others (so none overlaps) but drawn in a mark of
    // their own, in normal weight: the current run's labels stay the bold ones.
    const ghostRows = ghosts.map((g, k) => ({ t: g.label, y: map.fromPx(px[texts.length + k]), fill: textColour(styles[k].colour, theme) }));
    if (ghostRows.length) marks.push(Plot.text(ghostRows, { x: () => maxStep, y: 'y', text: 't', fill: (d: { fill: string }) => d.fill, textAnchor: 'start', dx: 6, fontWeight: 400, clip: false, lineWidth: lm.lineWidth, className: 'chart-ghost-label' }));
  }
  return {
    ...base(theme, width, height),
    marginRight,
    ariaLabel: s.title,
    x: { label: s.x, domain: [0, maxStep], grid: true, ticks: stepTicks(maxStep, Math.max(2, Math.min(6, Math.floor(width / 100)))), tickFormat: 'd' },
    y: ld ? { ...logAxis(s.y, [ld.lo, ld.hi]), domain: yDomain } : { label: s.y, grid: true, domain: yDomain },
    color: { type: 'identity' },
    marks,
  };
}

