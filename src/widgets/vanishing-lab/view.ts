// Everything the lab displays, derived from a LabView: chart options, summary, data table.
// Shared by the build-time render and the island so both draw the same figure.
import type { Lang } from '../../i18n/index.ts';
import { activationColour, boundaryChart, curvesChart, heatmapChart, perLayerChart, type Theme } from '../charts/index.ts';
import { formatNumber, formatPercent, formatSci } from '../kit/format.ts';
import type { PlotOptions } from '../kit/plot.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { GRID_EXTENT, type SessionConfig } from '../runner/session.ts';
import { firstToLast, gradNorms, sigmoidEnvelope, verdict, GRID_RES, type LabValues, type LabView } from './model.ts';
import type { ActivationName } from '../../lib/index.ts';

/** Each chart as a function of its on-screen width (see Chart's `options`). */
export interface LabCharts {
  layers: (width: number) => PlotOptions;
  heatmap: (width: number) => PlotOptions;
  loss: (width: number) => PlotOptions;
  boundary: (width: number) => PlotOptions;
}

export function labCharts(view: LabView, v: LabValues, points: { x: number; y: number; label: number }[], s: Strings, theme: Theme, live = false): LabCharts {
  const act = v.activation as ActivationName;
  const colour = activationColour(act, theme);
  const norms = gradNorms(view.layers);
  return {
    layers: (width) => perLayerChart(
      [{ key: act, label: tr(s, `kit.act.${act}`), colour, values: norms }],
      { title: tr(s, 'widget.lab.chart.layers'), x: tr(s, 'kit.axis.layer'), y: tr(s, 'kit.axis.gradNorm'), envelope: act === 'sigmoid' ? tr(s, 'widget.lab.envelope') : undefined },
      theme,
      { envelope: act === 'sigmoid' ? sigmoidEnvelope(view.layers) : undefined, width, height: Math.round(Math.max(220, width * 0.55)) },
    ),
    heatmap: (width) => heatmapChart(
      { steps: view.records.map((r) => r.step), values: view.records.map((r) => gradNorms(r.layers)) },
      { title: tr(s, 'widget.lab.chart.heatmap'), x: tr(s, 'kit.axis.step'), y: tr(s, 'kit.axis.layerShort'), colour: tr(s, 'kit.axis.gradNorm') },
      theme,
      width,
      live,
    ),
    loss: (width) => curvesChart(
      [{ key: 'loss', label: tr(s, 'kit.col.loss'), colour, points: [{ step: 0, value: view.initialLoss }, ...thinLosses(view.losses)] }],
      { title: tr(s, 'widget.lab.chart.loss'), x: tr(s, 'kit.axis.step'), y: tr(s, 'kit.axis.loss') },
      theme,
      { height: 220, width },
    ),
    boundary: (width) => boundaryChart(
      { grid: view.grid ?? new Float64Array(GRID_RES * GRID_RES).fill(0.5), res: GRID_RES, extent: GRID_EXTENT, points },
      { title: tr(s, 'widget.lab.chart.boundary'), x: tr(s, 'kit.axis.x1'), y: tr(s, 'kit.axis.x2') },
      theme,
      Math.min(width, 360),
      live,
    ),
  };
}

/** At most ~400 points of the loss curve: enough for the eye, cheap to draw every frame. */
export function thinLosses(losses: number[]): { step: number; value: number }[] {
  const stride = Math.max(1, Math.ceil(losses.length / 400));
  const out: { step: number; value: number }[] = [];
  for (let i = 0; i < losses.length; i += stride) out.push({ step: i + 1, value: losses[i] });
  if (losses.length && out.at(-1)!.step !== losses.length) out.push({ step: losses.length, value: losses[losses.length - 1] });
  return out;
}

export function labSummary(view: LabView, s: Strings, lang: Lang): string {
  const ratio = firstToLast(view.layers);
  return tr(s, 'widget.lab.summary', {
    step: formatNumber(view.step, lang, 0),
    ratio: formatSci(ratio, lang),
    verdict: tr(s, `widget.lab.verdict.${verdict(ratio, view.loss, view.step, Math.max(...gradNorms(view.layers)))}`),
    loss: formatNumber(view.loss, lang, 3),
    acc: formatPercent(view.testAccuracy, lang),
  });
}

export function labTable(view: LabView, v: LabValues, s: Strings): DataTable {
  const env = v.activation === 'sigmoid' ? sigmoidEnvelope(view.layers) : null;
  const columns = [tr(s, 'kit.col.layer'), tr(s, 'kit.col.gradNorm'), ...(env ? [tr(s, 'kit.col.envelope')] : []), tr(s, 'kit.col.activationMean'), tr(s, 'kit.col.activationStd'), tr(s, 'kit.col.deadFraction')];
  const rows = view.layers.map((l, i) => [i + 1, l.weightGradNorm, ...(env ? [env[i]] : []), l.activationMean, l.activationStd, l.deadFraction]);
  return { columns, rows };
}

export type { SessionConfig };
