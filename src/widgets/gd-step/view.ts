// What the gradient-descent figure displays: the bowl with the latest steps drawn as
// arrows, the loss history, the summary (which regime the learning rate is in, with the
// numbers) and the data table.
import * as Plot from '@observablehq/plot';
import type { Lang } from '../../i18n/index.ts';
import { activationColour, curvesChart, neutral, type Theme } from '../charts/index.ts';
import { base } from '../charts/common.ts';
import { formatNumber, formatSci } from '../kit/format.ts';
import type { PlotOptions } from '../kit/plot.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { factor, CURVATURE, loss, regime, stepsToTenfold, W_STAR, type Trajectory } from './model.ts';

/** How many of the latest updates are drawn as arrows on the bowl. */
export const TRAIL = 6;

const fmt = (x: number, lang: Lang) => (Math.abs(x) >= 1e4 || (x !== 0 && Math.abs(x) < 1e-3) ? formatSci(x, lang, 3) : formatNumber(x, lang, 3));

export interface GdCharts {
  bowl: PlotOptions;
  history: PlotOptions;
}

export function gdCharts(t: Trajectory, s: Strings, theme: Theme, lang: Lang, width = 640): GdCharts {
  const n = neutral(theme);
  const curveColour = activationColour('linear', theme);
  const accent = n.accent;
  const ws = t.ws;
  const first = Math.max(0, ws.length - 1 - TRAIL);
  const trail = ws.slice(first).map((w, i) => ({ w, c: loss(w), i: first + i }));
  const R = Math.max(3.3, 1.12 * Math.max(...trail.map((p) => Math.abs(p.w - W_STAR))));
  const xs = Array.from({ length: 161 }, (_, i) => W_STAR - R + (2 * R * i) / 160);
  const top = loss(W_STAR + R) * 1.08;
  const arrows = trail.slice(1).map((p, i) => ({ x1: trail[i].w, y1: trail[i].c, x2: p.w, y2: p.c, age: trail.length - 2 - i }));
  const cur = trail[trail.length - 1];
  const prev = trail.length > 1 ? trail[trail.length - 2] : null;
  const tick = (d: number) => formatSci(d, lang, 2);
  const marks: Plot.Markish[] = [
    Plot.ruleY([0], { stroke: n.muted, strokeOpacity: 0.6 }),
    Plot.ruleX([W_STAR], { stroke: n.muted, strokeDasharray: '4 4' }),
    Plot.text([{ x: W_STAR, y: top }], { x: 'x', y: 'y', text: () => `w* = ${formatNumber(W_STAR, lang, 2)}`, dy: 8, dx: 4, textAnchor: 'start', fill: n.muted }),
    Plot.line(xs.map((x) => ({ x, y: loss(x) })), { x: 'x', y: 'y', stroke: curveColour, strokeWidth: 2.5 }),
    Plot.dot(trail.slice(0, -1), { x: 'w', y: 'c', r: 4, fill: n.muted, fillOpacity: 0.6 }),
    Plot.arrow(arrows, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: accent, strokeWidth: (d: { age: number }) => (d.age === 0 ? 2.5 : 1.5), strokeOpacity: (d: { age: number }) => Math.max(0.25, 1 - d.age * 0.16), headLength: 9, insetEnd: 5, insetStart: 3 }),
    Plot.dot([cur], { x: 'w', y: 'c', r: 7, fill: accent, stroke: n.surface, strokeWidth: 1.5 }),
  ];
  // Labels point inwards, towards the minimum, so they never leave the chart: "after" above
  // its point and "before" below its own (inside the bowl, where there is room).
  const inward = (w: number) => (w <= W_STAR ? { dx: 12, textAnchor: 'start' as const } : { dx: -12, textAnchor: 'end' as const });
  const halo = { stroke: n.surface, strokeWidth: 4, paintOrder: 'stroke' as const };
  // Near the minimum the two points draw on top of each other: then only "after" is named.
  const apart = prev !== null && (Math.abs(prev.w - cur.w) / (2 * R) > 0.14 || Math.abs(prev.c - cur.c) / top > 0.16);
  if (prev) marks.push(Plot.dot([prev], { x: 'w', y: 'c', r: 6, fill: 'none', stroke: accent, strokeWidth: 2 }));
  if (prev && apart) {
    marks.push(Plot.text([prev], { x: 'w', y: 'c', text: () => `${tr(s, 'widget.gdStep.before')}: C = ${fmt(prev.c, lang)}`, ...inward(prev.w), dy: 16, fill: n.ink, fontWeight: 600, ...halo }));
  }
  marks.push(Plot.text([cur], { x: 'w', y: 'c', text: () => `${prev ? tr(s, 'widget.gdStep.after') : tr(s, 'widget.gdStep.startLabel')}: C = ${fmt(cur.c, lang)}`, ...inward(cur.w), dy: -12, fill: accent, fontWeight: 700, ...halo }));
  const bowl: PlotOptions = {
    ...base(theme, width, Math.round(Math.min(340, Math.max(250, width * 0.55)))),
    marginLeft: 60,
    marginTop: 24,
    ariaLabel: tr(s, 'widget.gdStep.chart.bowl'),
    x: { domain: [W_STAR - R, W_STAR + R], label: 'w', grid: true, tickFormat: tick, ticks: 7 },
    y: { domain: [0, top], label: 'C(w)', grid: true, tickFormat: tick, ticks: 5 },
    marks,
  };
  const history = curvesChart(
    [{ key: 'loss', label: 'C', colour: accent, points: ws.map((w, i) => ({ step: i, value: loss(w) })) }],
    { title: tr(s, 'widget.gdStep.chart.history'), x: tr(s, 'widget.gdStep.axis.updates'), y: 'C(w)' },
    theme,
    { log: true, width, height: 190 },
  );
  const last = ws.length - 1;
  const every = Math.max(1, Math.ceil(last / 8));
  history.x = { ...(history.x as object), ticks: Array.from({ length: Math.floor(last / every) + 1 }, (_, i) => i * every), tickFormat: (d: number) => formatNumber(d, lang, 0) };
  history.marginTop = 26;
  // Dots on every update, so a short history still shows where each step landed.
  history.marks = [...(history.marks ?? []), Plot.dot(ws.map((w, i) => ({ step: i, value: Math.max(1e-12, loss(w)) })), { x: 'step', y: 'value', r: 2.5, fill: accent })];
  return { bowl, history };
}

export function regimeText(lr: number, s: Strings, lang: Lang): string {
  const r = regime(lr);
  const n = stepsToTenfold(lr);
  return tr(s, `widget.gdStep.regime.${r}`, {
    lr: formatNumber(lr, lang, 2),
    inv: formatNumber(1 / CURVATURE, lang, 2),
    inv2: formatNumber(2 / CURVATURE, lang, 2),
    n: n === null ? '' : formatNumber(n, lang, 0),
  }, lang);
}

export function gdSummary(t: Trajectory, lr: number, s: Strings, lang: Lang): string {
  const w = t.ws[t.ws.length - 1];
  const head = tr(s, 'widget.gdStep.summary', {
    lr: formatNumber(lr, lang, 2),
    k: formatNumber(CURVATURE, lang, 0),
    wstar: formatNumber(W_STAR, lang, 0),
    f: formatNumber(factor(lr), lang, 2),
  });
  const where = tr(s, 'widget.gdStep.where', {
    n: formatNumber(t.ws.length - 1, lang, 0),
    w: fmt(w, lang),
    c: fmt(loss(w), lang),
    c0: fmt(loss(t.ws[0]), lang),
  }, lang);
  return `${head} ${regimeText(lr, s, lang)} ${where}`;
}

export function gdTable(t: Trajectory, s: Strings): DataTable {
  return {
    columns: [tr(s, 'widget.gdStep.col.update'), 'η', 'w', 'C(w)'],
    rows: t.ws.map((w, i) => [i, i === 0 ? '' : t.lrs[i - 1], w, loss(w)]),
  };
}
