// Everything the paired figure displays, derived from two RunViews: chart options, the
// summary and the data table. Shared by the build-time render and the island.
import * as Plot from '@observablehq/plot';
import type { Lang } from '../../i18n/index.ts';
import { activationColour, boundaryChart, curvesChart, logAxis, logSafe, perLayerChart, type Theme } from '../charts/index.ts';
import { formatNumber, formatPercent, formatSci } from '../kit/format.ts';
import type { PlotOptions } from '../kit/plot.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { GRID_EXTENT } from '../runner/session.ts';
import { thinLosses } from '../vanishing-lab/view.ts';
import { CHANCE_LOSS, GRID_RES, deadShare, firstToLast, gradNorms, isStuck, type RunView } from './model.ts';

export interface PairCharts {
  loss: PlotOptions;
  layers: PlotOptions;
  boundarySigmoid: PlotOptions;
  boundaryRelu: PlotOptions;
}

type Point = { x: number; y: number; label: number };

const actLabel = (s: Strings, r: RunView) => tr(s, `kit.act.${r.activation}`);

/** A loss for the summary: three decimals, or scientific notation once it is below 0.01 (never a bare "0"). */
export function formatLoss(x: number, lang: Lang): string {
  return Number.isFinite(x) && Math.abs(x) < 0.01 && x !== 0 ? formatSci(x, lang) : formatNumber(x, lang, 3);
}

/**
 * The per-layer profiles now (solid, with dots) and at step 0 (dashed, no dots), for both
 * networks, on one log axis. perLayerChart draws the solid pair; the dashed pair and the
 * axis spanning all four are added here.
 */
export function layersChart(runs: RunView[], s: Strings, theme: Theme, width = 640): PlotOptions {
  const series = runs.map((r) => ({ key: r.activation, label: actLabel(s, r), colour: activationColour(r.activation, theme), values: gradNorms(r.layers) }));
  const base = perLayerChart(series, { title: tr(s, 'widget.reluVsSigmoid.chart.layers'), x: tr(s, 'kit.axis.layer'), y: tr(s, 'kit.axis.gradNorm') }, theme, { width, height: Math.round(Math.max(200, width * 0.52)) });
  const initial = runs.flatMap((r) => gradNorms(r.initialLayers).map((v, i) => ({ layer: i + 1, value: logSafe(v), key: r.activation })));
  const all = [...series.flatMap((se) => se.values.map((v) => logSafe(v))), ...initial.map((d) => d.value)];
  const marks = [
    ...runs.map((r) =>
      Plot.line(initial.filter((d) => d.key === r.activation), { x: 'layer', y: 'value', stroke: activationColour(r.activation, theme), strokeWidth: 1.5, strokeDasharray: '5 4', strokeOpacity: 0.75 }),
    ),
    ...((base.marks as Plot.Markish[]) ?? []),
  ];
  return { ...base, y: logAxis(tr(s, 'kit.axis.gradNorm'), all), marks };
}

/** Chart widths for a container `width` px wide: the line charts span it; the boundaries share it. */
export function pairWidths(width: number): { line: number; boundary: number } {
  const line = Math.max(300, Math.min(640, width));
  // Side by side when there is room for two readable squares, one above the other on a phone.
  const boundary = width >= 560 ? Math.min(300, Math.floor((width - 16) / 2)) : Math.min(300, line);
  return { line, boundary };
}

export function boundaryOptions(r: RunView, points: Point[], s: Strings, theme: Theme, live: boolean, width: number): PlotOptions {
  return boundaryChart(
    { grid: r.grid ?? new Float64Array(GRID_RES * GRID_RES).fill(0.5), res: GRID_RES, extent: GRID_EXTENT, points },
    { title: tr(s, 'widget.reluVsSigmoid.chart.boundary', { act: actLabel(s, r) }), x: tr(s, 'kit.axis.x1'), y: tr(s, 'kit.axis.x2') },
    theme,
    width,
    live,
  );
}

export function lossChart(runs: RunView[], s: Strings, theme: Theme, width: number): PlotOptions {
  const loss = curvesChart(
    runs.map((r) => ({ key: r.activation, label: actLabel(s, r), colour: activationColour(r.activation, theme), points: [{ step: 0, value: r.initialLoss }, ...thinLosses(r.losses)] })),
    { title: tr(s, 'widget.reluVsSigmoid.chart.loss'), x: tr(s, 'kit.axis.step'), y: tr(s, 'kit.axis.loss') },
    theme,
    { width, height: Math.round(Math.max(220, width * 0.4)) },
  );
  // A faint rule at ln 2, the loss of answering 50 % to everything, labelled.
  const muted = theme === 'dark' ? '#a9adb8' : '#5a5f6b';
  loss.marks = [
    Plot.ruleY([CHANCE_LOSS], { stroke: muted, strokeDasharray: '2 3', strokeOpacity: 0.8 }),
    Plot.text([CHANCE_LOSS], { x: 0, y: (d: number) => d, text: () => tr(s, 'widget.reluVsSigmoid.chance'), fill: muted, textAnchor: 'start', dx: 4, dy: -7, fontSize: 11 }),
    ...((loss.marks as Plot.Markish[]) ?? []),
  ];
  return loss;
}

/** Every chart of the figure, for the build-time render (the island memoises them one by one). */
export function pairCharts(runs: RunView[], points: Point[], s: Strings, theme: Theme, live = false, width = 640): PairCharts {
  const w = pairWidths(width);
  const [sig, relu] = runs;
  return {
    loss: lossChart(runs, s, theme, w.line),
    layers: layersChart(runs, s, theme, w.line),
    boundarySigmoid: boundaryOptions(sig, points, s, theme, live, w.boundary),
    boundaryRelu: boundaryOptions(relu, points, s, theme, live, w.boundary),
  };
}

export function pairSummary(runs: RunView[], s: Strings, lang: Lang): string {
  const [sig, relu] = runs;
  const key = 'widget.reluVsSigmoid';
  const parts = [
    tr(s, `${key}.summary`, {
      step: formatNumber(Math.max(sig.step, relu.step), lang, 0),
      lossS: formatLoss(sig.loss, lang),
      lossR: formatLoss(relu.loss, lang),
      accS: formatPercent(sig.testAccuracy, lang),
      accR: formatPercent(relu.testAccuracy, lang),
      ratioS: formatSci(firstToLast(sig.layers), lang),
      ratioR: formatSci(firstToLast(relu.layers), lang),
      ratioS0: formatSci(firstToLast(sig.initialLayers), lang),
      ratioR0: formatSci(firstToLast(relu.initialLayers), lang),
      firstS: formatSci(sig.layers[0]?.weightGradNorm ?? NaN, lang),
      firstR: formatSci(relu.layers[0]?.weightGradNorm ?? NaN, lang),
    }),
  ];
  const chance = formatNumber(CHANCE_LOSS, lang, 3);
  if (isStuck(sig)) parts.push(tr(s, `${key}.stuck`, { chance }));
  if (isStuck(relu)) parts.push(tr(s, `${key}.stuckRelu`, { chance, dead: formatPercent(deadShare(relu.layers), lang) }));
  return parts.join(' ');
}

export function pairTable(runs: RunView[], s: Strings): DataTable {
  const [sig, relu] = runs;
  const k = 'widget.reluVsSigmoid.col';
  const columns = [tr(s, 'kit.col.layer'), tr(s, `${k}.sigmoidNow`), tr(s, `${k}.reluNow`), tr(s, `${k}.sigmoidStart`), tr(s, `${k}.reluStart`)];
  const n = Math.max(sig.layers.length, relu.layers.length);
  const rows = Array.from({ length: n }, (_, i) => [i + 1, sig.layers[i]?.weightGradNorm ?? NaN, relu.layers[i]?.weightGradNorm ?? NaN, sig.initialLayers[i]?.weightGradNorm ?? NaN, relu.initialLayers[i]?.weightGradNorm ?? NaN]);
  return { columns, rows };
}
