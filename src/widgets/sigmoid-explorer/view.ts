// What the sigmoid explorer displays: chart options, readout numbers, summary, data table.
// Shared by the build-time render and the island.
import type { FunctionSeries } from '../charts/index.ts';
import * as Plot from '@observablehq/plot';
import type { Lang } from '../../i18n/index.ts';
import { activationColour, functionChart, neutral, type Theme } from '../charts/index.ts';
import { formatNumber, formatPercent, formatSci } from '../kit/format.ts';
import type { PlotOptions } from '../kit/plot.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { X_DOMAIN, curves, readout, sampleXs, type Curves, type SigmoidValues, type PointReadout } from './model.ts';

/** Mathematical symbols: the same in both languages. */
export const SYMBOLS = { sigma: 'σ(x)', dSigma: 'σ′(x)', tanh: 'tanh(x)', dTanh: 'tanh′(x)' } as const;

/** A value as the readout prints it: four decimals, or scientific notation when tiny. */
export function formatValue(v: number, lang: Lang): string {
  return Math.abs(v) >= 0.001 || v === 0 ? formatNumber(v, lang, 4) : formatSci(v, lang, 2);
}

const CURVES = curves();

export function sigmoidChart(v: SigmoidValues, s: Strings, theme: Theme, width = 640, c: Curves = CURVES): PlotOptions {
  const sig = activationColour('sigmoid', theme);
  const th = activationColour('tanh', theme);
  const r = readout(v.x);
  const series: FunctionSeries[] = [
    { key: 'sigma', label: SYMBOLS.sigma, colour: sig, points: c.sigma },
    { key: 'dSigma', label: SYMBOLS.dSigma, colour: sig, points: c.dSigma, dashed: true },
  ];
  // The tanh pair is labelled by hand below: at the default label spot it would sit on sigma's.
  if (v.tanh) series.push({ key: 'tanh', label: '', colour: th, points: c.tanh }, { key: 'dTanh', label: '', colour: th, points: c.dTanh, dashed: true });
  const opts = functionChart(
    {
      series,
      xDomain: X_DOMAIN,
      yDomain: v.tanh ? [-1.08, 1.08] : [-0.04, 1.04],
      marker: { x: r.x, y: r.s, colour: sig, slope: r.ds, dy: r.ds },
    },
    { title: tr(s, v.tanh ? 'widget.sigmoidExplorer.chartTanh' : 'widget.sigmoidExplorer.chart'), x: 'x', y: tr(s, 'widget.sigmoidExplorer.axisY') },
    theme,
    // Taller than the builder's default on phones, so the two curves and their labels keep apart.
    { width, height: Math.max(260, Math.round(width * 0.55)) },
  );
  if (v.tanh) {
    const ring = neutral(theme).surface;
    const marks = opts.marks as Plot.Markish[];
    marks.push(
      Plot.text([{ x: -5.2, y: -1 }], { x: 'x', y: 'y', text: () => SYMBOLS.tanh, fill: th, dy: -12, fontWeight: 600, textAnchor: 'middle' }),
      Plot.text([{ x: -1.1, y: readout(-1.1).dt }], { x: 'x', y: 'y', text: () => SYMBOLS.dTanh, fill: th, dx: -8, fontWeight: 600, textAnchor: 'end' }),
      Plot.dot([{ x: r.x, y: r.t }, { x: r.x, y: r.dt }], { x: 'x', y: 'y', r: 5, fill: th, stroke: ring, strokeWidth: 1.5 }),
    );
  }
  return opts;
}

export interface ReadoutText {
  x: string;
  s: string;
  ds: string;
  t: string;
  dt: string;
}

export function readoutText(r: PointReadout, lang: Lang): ReadoutText {
  return { x: formatNumber(r.x, lang, 1), s: formatValue(r.s, lang), ds: formatValue(r.ds, lang), t: formatValue(r.t, lang), dt: formatValue(r.dt, lang) };
}

/** "How far below the maximum": a percentage and a "times smaller" factor. */
function below(fraction: number, lang: Lang): { pct: string; times: string } {
  const times = 1 / fraction;
  // Below half a percent a rounded share would read "0 %": say "< 1 %" instead.
  const pct = fraction > 0 && fraction < 0.005 ? `< ${formatPercent(0.01, lang, 0)}` : formatPercent(fraction, lang, fraction < 0.1 ? 1 : 0);
  return { pct, times: times < 1e4 ? formatNumber(times, lang, times < 10 ? 1 : 0) : formatSci(times, lang, 2) };
}

export function sigmoidSummary(v: SigmoidValues, s: Strings, lang: Lang): string {
  const r = readout(v.x);
  const t = readoutText(r, lang);
  const atMax = r.fraction > 0.9995;
  const base = tr(s, atMax ? 'widget.sigmoidExplorer.summaryMax' : 'widget.sigmoidExplorer.summary', {
    x: t.x,
    s: t.s,
    ds: t.ds,
    max: formatNumber(r.maxDs, lang, 2),
    ...below(r.fraction, lang),
  });
  if (!v.tanh) return base;
  const tAtMax = r.tFraction > 0.9995;
  return `${base} ${tr(s, tAtMax ? 'widget.sigmoidExplorer.summaryTanhMax' : 'widget.sigmoidExplorer.summaryTanh', { t: t.t, dt: t.dt, max: formatNumber(r.maxDt, lang, 2), ratio: formatNumber(r.maxDt / r.maxDs, lang, 1), ...below(r.tFraction, lang) })}`;
}

/** The curves at every half unit, plus the chosen point, as raw numbers. */
export function sigmoidTable(v: SigmoidValues): DataTable {
  const xs = [...new Set([...sampleXs(33), v.x].map((x) => Math.round(x * 10) / 10))].sort((a, b) => a - b);
  const rows = xs.map((x) => {
    const r = readout(x);
    return v.tanh ? [x, r.s, r.ds, r.t, r.dt] : [x, r.s, r.ds];
  });
  return { columns: v.tanh ? ['x', SYMBOLS.sigma, SYMBOLS.dSigma, SYMBOLS.tanh, SYMBOLS.dTanh] : ['x', SYMBOLS.sigma, SYMBOLS.dSigma], rows };
}
