// Everything the He reproduction displays: the two loss curves against ln 2, the per-layer
// gradient norms of both networks, the summary in numbers and the data table.
import * as Plot from '@observablehq/plot';
import type { Lang } from '../../i18n/index.ts';
import { classColours, curvesChart, neutral, perLayerChart, type Theme } from '../charts/index.ts';
import { formatNumber, formatSci } from '../kit/format.ts';
import type { PlotOptions } from '../kit/plot.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { LN2, MAX_STEPS, RUNS, heVerdict, type RunName, type HeRunView } from './model.ts';

/** At most ~400 points per curve, the first (step 0) and the last always kept. */
export function lossPoints(r: HeRunView): { step: number; value: number }[] {
  const out = [{ step: 0, value: r.initialLoss }];
  const stride = Math.max(1, Math.ceil(r.losses.length / 400));
  for (let i = stride - 1; i < r.losses.length; i += stride) out.push({ step: i + 1, value: r.losses[i] });
  if (r.losses.length && out.at(-1)!.step !== r.losses.length) out.push({ step: r.losses.length, value: r.losses.at(-1)! });
  return out;
}

export function runColour(run: RunName, theme: Theme): string {
  const [orange, blue] = classColours(theme);
  return run === 'xavier' ? orange : blue;
}

export interface HeCharts {
  loss: PlotOptions;
  layers: PlotOptions;
}

/** The two loss curves against ln 2, at the width the chart has on screen. */
export function heLossChart(views: Record<RunName, HeRunView>, s: Strings, theme: Theme, lang: Lang, width = 640): PlotOptions {
  const maxStep = Math.max(MAX_STEPS, ...RUNS.map((r) => views[r].step));
  // The ln 2 line is labelled mid-way, not at its end, where Xavier's curve (lying on it) has its label.
  const ln2Label = tr(s, 'widget.heReproduction.ln2', { value: formatNumber(LN2, lang, 3) });
  const ln2 = { key: 'ln2', label: '', colour: neutral(theme).muted, dashed: true, points: [{ step: 0, value: LN2 }, { step: maxStep, value: LN2 }] };
  const loss = curvesChart(
    [ln2, ...RUNS.map((r) => ({ key: r, label: tr(s, `widget.heReproduction.run.${r}`), colour: runColour(r, theme), points: lossPoints(views[r]) }))],
    { title: tr(s, 'widget.heReproduction.chart.loss'), x: tr(s, 'kit.axis.step'), y: tr(s, 'kit.axis.loss') },
    theme,
    // From 0, and never shorter than ln 2: the axis does not jump as the curves come in.
    { width, height: 260, yDomain: [0, Math.max(LN2 + 0.07, ...RUNS.flatMap((r) => [views[r].initialLoss, ...views[r].losses]).filter(Number.isFinite))] },
  );
  // Keep the x axis at the full budget so the curves grow into it instead of rescaling.
  return {
    ...loss,
    x: { ...(loss.x as object), domain: [0, maxStep] },
    marks: [...(loss.marks ?? []), Plot.text([{ step: maxStep / 2, value: LN2 }], { x: 'step', y: 'value', text: () => ln2Label, fill: neutral(theme).muted, dy: -9 })],
  };
}

/** Both networks' per-layer gradient norms, at the width the chart has on screen. */
export function heLayersChart(views: Record<RunName, HeRunView>, s: Strings, theme: Theme, lang: Lang, width = 640): PlotOptions {
  return perLayerChart(
    RUNS.map((r) => ({ key: r, label: tr(s, `widget.heReproduction.run.${r}`), colour: runColour(r, theme), values: views[r].layers.map((l) => l.weightGradNorm) })),
    { title: tr(s, 'widget.heReproduction.chart.layers', { step: formatNumber(views.he.step, lang, 0) }), x: tr(s, 'widget.heReproduction.axis.layer'), y: tr(s, 'kit.axis.gradNorm') },
    theme,
    { width, height: 280 },
  );
}

/** Both charts at the width they have on screen. */
export function heCharts(views: Record<RunName, HeRunView>, s: Strings, theme: Theme, lang: Lang, width = 640): HeCharts {
  return { loss: heLossChart(views, s, theme, lang, width), layers: heLayersChart(views, s, theme, lang, width) };
}

export function heSummary(views: Record<RunName, HeRunView>, s: Strings, lang: Lang): string {
  const x = views.xavier;
  const h = views.he;
  const f = (v: number) => formatNumber(v, lang, 3);
  const first = tr(s, h.step === 0 ? 'widget.heReproduction.summary.start' : 'widget.heReproduction.summary', {
    step: formatNumber(h.step, lang, 0),
    x0: f(x.initialLoss),
    x: f(x.loss),
    h0: f(h.initialLoss),
    h: f(h.loss),
    ln2: f(LN2),
  });
  const gx = x.layers[0]?.weightGradNorm ?? NaN;
  const gh = h.layers[0]?.weightGradNorm ?? NaN;
  const grads = tr(s, 'widget.heReproduction.summary.grads', { gx: formatSci(gx, lang), gh: formatSci(gh, lang) });
  return `${first} ${tr(s, `widget.heReproduction.verdict.${heVerdict(x, h)}`)} ${grads}`;
}

/** One row per recorded step: both losses and both first-layer gradient norms. */
export function heTable(views: Record<RunName, HeRunView>, s: Strings): DataTable {
  const columns = [
    tr(s, 'kit.col.step'),
    tr(s, 'widget.heReproduction.col.lossXavier'),
    tr(s, 'widget.heReproduction.col.lossHe'),
    tr(s, 'widget.heReproduction.col.gradXavier'),
    tr(s, 'widget.heReproduction.col.gradHe'),
  ];
  const x = views.xavier;
  const h = views.he;
  const lossAt = (r: HeRunView, step: number) => (step === 0 ? r.initialLoss : (r.losses[step - 1] ?? ''));
  const n = Math.min(x.records.length, h.records.length);
  const rows = Array.from({ length: n }, (_, i) => {
    const step = h.records[i].step;
    return [step, lossAt(x, step), lossAt(h, step), x.records[i].layers[0].weightGradNorm, h.records[i].layers[0].weightGradNorm];
  });
  return { columns, rows };
}
