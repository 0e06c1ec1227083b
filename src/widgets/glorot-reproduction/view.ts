// Everything the Glorot reproduction displays: the mean activation of each hidden layer
// over training (the top one emphasised), the loss, the summary in numbers, the table.
import type { Lang } from '../../i18n/index.ts';
import { curvesChart, neutral, type Theme } from '../charts/index.ts';
import { formatNumber } from '../kit/format.ts';
import type { PlotOptions } from '../kit/plot.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { EARLY, HIDDEN, LN2, MAX_STEPS, layerMeans, saturated, topLayerFacts, type GlorotView } from './model.ts';

/** Okabe–Ito hues, one per hidden layer; the top layer gets the strongest (vermilion). */
const LAYER_COLOURS: Record<Theme, string[]> = {
  light: ['#56B4E9', '#009E73', '#CC79A7', '#D55E00'],
  dark: ['#8FD0F5', '#3CCB9A', '#E0A3C8', '#FF8A4C'],
};
export function layerColour(l: number, theme: Theme): string {
  return LAYER_COLOURS[theme][l % 4];
}

/** At most ~`max` points, keeping every point of the first EARLY steps (the drop happens there). */
export function thin<T extends { step: number }>(pts: T[], max = 300): T[] {
  if (pts.length <= max) return pts;
  const early = pts.filter((p) => p.step <= EARLY);
  const rest = pts.filter((p) => p.step > EARLY);
  const stride = Math.ceil(rest.length / (max - early.length));
  const out = early.concat(rest.filter((_, i) => i % stride === 0));
  if (out.at(-1) !== pts.at(-1)) out.push(pts.at(-1)!);
  return out;
}

export interface GlorotCharts {
  means: PlotOptions;
  loss: PlotOptions;
}

/** The mean activation of each hidden layer over training, at the width it has on screen. */
export function glorotMeansChart(v: GlorotView, s: Strings, theme: Theme, width = 640): PlotOptions {
  const maxStep = Math.max(MAX_STEPS, v.step);
  const curves = Array.from({ length: HIDDEN }, (_, l) => ({
    key: `l${l + 1}`,
    label: tr(s, l === HIDDEN - 1 ? 'widget.glorotReproduction.layerTop' : 'widget.glorotReproduction.layer', { n: l + 1 }),
    colour: layerColour(l, theme),
    points: thin(layerMeans(v.records, l)),
    strokeWidth: l === HIDDEN - 1 ? 2.5 : 1.75,
  }));
  // Several layers end near 0.5: curvesChart spreads their labels apart.
  return curvesChart(curves, { title: tr(s, 'widget.glorotReproduction.chart.means'), x: tr(s, 'kit.axis.step'), y: tr(s, 'widget.glorotReproduction.axis.mean') }, theme, { minStep: maxStep, width, height: 280, yDomain: [0, 1], labels: 'spread' });
}

/** The loss against ln 2, at the width it has on screen. */
export function glorotLossChart(v: GlorotView, s: Strings, theme: Theme, lang: Lang, width = 640): PlotOptions {
  const maxStep = Math.max(MAX_STEPS, v.step);
  const lossPts = thin([{ step: 0, value: v.initialLoss }, ...v.losses.map((value, i) => ({ step: i + 1, value }))]);
  return curvesChart(
    [
      { key: 'ln2', label: tr(s, 'widget.glorotReproduction.ln2', { value: formatNumber(LN2, lang, 3) }), colour: neutral(theme).muted, dashed: true, points: [{ step: 0, value: LN2 }, { step: maxStep, value: LN2 }] },
      { key: 'loss', label: tr(s, 'kit.col.loss'), colour: neutral(theme).ink, points: lossPts },
    ],
    { title: tr(s, 'widget.glorotReproduction.chart.loss'), x: tr(s, 'kit.axis.step'), y: tr(s, 'kit.axis.loss') },
    theme,
    { width, height: 200, minStep: maxStep, zero: true },
  );
}

/** Both charts at the width they have on screen. */
export function glorotCharts(v: GlorotView, s: Strings, theme: Theme, lang: Lang, width = 640): GlorotCharts {
  return { means: glorotMeansChart(v, s, theme, width), loss: glorotLossChart(v, s, theme, lang, width) };
}

export function glorotSummary(v: GlorotView, s: Strings, lang: Lang): string {
  const f = topLayerFacts(v);
  const n = (x: number) => formatNumber(x, lang, 2);
  const i = (x: number) => formatNumber(x, lang, 0);
  const parts = [
    tr(s, 'widget.glorotReproduction.summary.top', { top: HIDDEN, initial: n(f.initial), min: n(f.earlyMin), minStep: i(f.earlyMinStep), now: n(f.now), step: i(v.step) }),
    tr(s, 'widget.glorotReproduction.summary.others', { last: HIDDEN - 1, lo: n(f.othersLo), hi: n(f.othersHi) }),
    saturated(f) ? tr(s, 'widget.glorotReproduction.summary.saturated') : tr(s, 'widget.glorotReproduction.summary.notSaturated', { early: i(EARLY) }),
  ];
  if (f.earlyPeak > v.initialLoss + 0.1) parts.push(tr(s, 'widget.glorotReproduction.summary.jump', { peak: n(f.earlyPeak) }));
  parts.push(f.escape === null ? tr(s, 'widget.glorotReproduction.summary.stuck', { ln2: formatNumber(LN2, lang, 3) }) : tr(s, 'widget.glorotReproduction.summary.escape', { escape: i(f.escape), ln2: formatNumber(LN2, lang, 3) }));
  return parts.join(' ');
}

export function glorotTable(v: GlorotView, s: Strings): DataTable {
  const columns = [tr(s, 'kit.col.step'), ...Array.from({ length: HIDDEN }, (_, l) => tr(s, 'widget.glorotReproduction.col.mean', { n: l + 1 })), tr(s, 'kit.col.loss')];
  const rows = thin(v.records, 400).map((r) => [r.step, ...r.layers.slice(0, HIDDEN).map((l) => l.activationMean), r.step === 0 ? v.initialLoss : (v.losses[r.step - 1] ?? '')]);
  return { columns, rows };
}
