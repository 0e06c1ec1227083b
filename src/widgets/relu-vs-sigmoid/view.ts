// Everything the paired figure displays, derived from two RunViews: chart options, the
// summary and the data table. Shared by the build-time render and the island.
import type { PlotOptions } from '@observablehq/plot';
import type { Lang } from '../../i18n/index.ts';
import { activationColour, boundaryChart, curvesChart, perLayerChart, type Theme } from '../charts/index.ts';
import { formatNumber, formatPercent, formatSci } from '../kit/format.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { GRID_EXTENT } from '../runner/data.ts';
import { LN2, atChance, errorRms, formatLoss, gradNorms, gradientRatio, netSeries, profileSentence, thinLosses } from '../series/index.ts';
import { GRID_RES, deadShare, type PairRun } from './model.ts';

export interface PairCharts {
  loss: PlotOptions;
  layers: PlotOptions;
  error: PlotOptions;
  drift: PlotOptions;
  boundarySigmoid: PlotOptions;
  boundaryRelu: PlotOptions;
}

type Point = { x: number; y: number; label: number };

const actLabel = (s: Strings, r: PairRun) => tr(s, `kit.act.${r.activation}`);
const lineHeight = (width: number) => Math.round(Math.max(230, width * 0.5));

function profiles(runs: PairRun[], s: Strings, theme: Theme, values: (l: PairRun['layers']) => number[]) {
  return netSeries(runs.map((r) => ({ name: actLabel(s, r), colour: activationColour(r.activation, theme), now: values(r.layers), start: values(r.initialLayers), step: r.step })), s);
}

/** The per-layer weight-gradient profiles now (solid, with dots) and at step 0 (dashed), for both networks. */
export function layersChart(runs: PairRun[], s: Strings, theme: Theme, width = 640): PlotOptions {
  return perLayerChart(profiles(runs, s, theme, gradNorms), { title: tr(s, 'widget.reluVsSigmoid.chart.layers'), x: tr(s, 'series.axis.layer'), y: tr(s, 'kit.axis.gradNorm') }, theme, { width, height: lineHeight(width), labels: 'spread' });
}

/** The backpropagated error per layer, now and at step 0, for both networks. */
export function errorChart(runs: PairRun[], s: Strings, theme: Theme, width = 640): PlotOptions {
  return perLayerChart(profiles(runs, s, theme, errorRms), { title: tr(s, 'widget.reluVsSigmoid.chart.error'), x: tr(s, 'series.axis.layer'), y: tr(s, 'series.axis.error') }, theme, { width, height: lineHeight(width), labels: 'spread' });
}

/** How far each layer has moved from its initial weights, in both networks. */
export function driftChart(runs: PairRun[], s: Strings, theme: Theme, width = 640): PlotOptions {
  return perLayerChart(
    runs.map((r) => ({ key: r.activation, label: actLabel(s, r), colour: activationColour(r.activation, theme), values: r.records.at(-1)?.drift ?? [] })),
    { title: tr(s, 'widget.reluVsSigmoid.chart.drift'), x: tr(s, 'series.axis.layer'), y: tr(s, 'series.axis.drift') },
    theme,
    { width, height: lineHeight(width), labels: 'spread', empty: tr(s, 'series.driftEmpty') },
  );
}

/** Chart widths for a container `width` px wide: the line charts span it; the boundaries share it. */
export function pairWidths(width: number): { line: number; boundary: number } {
  const line = Math.max(280, Math.min(760, width));
  // Side by side when there is room for two readable squares, one above the other on a phone.
  const boundary = width >= 560 ? Math.min(300, Math.floor((width - 16) / 2)) : Math.min(300, line);
  return { line, boundary };
}

export function boundaryOptions(r: PairRun, points: Point[], s: Strings, theme: Theme, live: boolean, width: number): PlotOptions {
  return boundaryChart(
    { grid: r.grid ?? new Float64Array(GRID_RES * GRID_RES).fill(0.5), res: GRID_RES, extent: GRID_EXTENT, points },
    { title: tr(s, 'widget.reluVsSigmoid.chart.boundary', { act: actLabel(s, r) }), x: tr(s, 'kit.axis.x1'), y: tr(s, 'kit.axis.x2') },
    theme,
    { width, raster: live },
  );
}

/** Both losses from 0, with ln 2 (the loss of answering 50 % to everything) as a labelled rule. */
export function lossChart(runs: PairRun[], s: Strings, theme: Theme, width: number): PlotOptions {
  return curvesChart(
    runs.map((r) => ({ key: r.activation, label: actLabel(s, r), colour: activationColour(r.activation, theme), points: thinLosses(r.losses, r.initialLoss) })),
    { title: tr(s, 'widget.reluVsSigmoid.chart.loss'), x: tr(s, 'kit.axis.step'), y: tr(s, 'kit.axis.loss') },
    theme,
    { width, height: Math.round(Math.max(220, width * 0.4)), zero: true, minStep: 100, references: [{ value: LN2, label: tr(s, 'widget.reluVsSigmoid.chance') }] },
  );
}

/** Every chart of the figure, for the build-time render (the island memoises them one by one). */
export function pairCharts(runs: PairRun[], points: Point[], s: Strings, theme: Theme, live = false, width = 640): PairCharts {
  const w = pairWidths(width);
  const [sig, relu] = runs;
  return {
    loss: lossChart(runs, s, theme, w.line),
    layers: layersChart(runs, s, theme, w.line),
    error: errorChart(runs, s, theme, w.line),
    drift: driftChart(runs, s, theme, w.line),
    boundarySigmoid: boundaryOptions(sig, points, s, theme, live, w.boundary),
    boundaryRelu: boundaryOptions(relu, points, s, theme, live, w.boundary),
  };
}

const profile = (r: PairRun, s: Strings, lang: Lang) => profileSentence({ step: r.step, loss: r.loss, layers: r.layers, start: r.initialLayers, diverged: r.diverged }, s, lang);
const diagnosis = (r: PairRun, s: Strings, lang: Lang) => profile(r, s, lang).text;
const diagnose = (r: PairRun) => profile(r, {}, 'en').diagnosis;

export function pairSummary(runs: PairRun[], s: Strings, lang: Lang): string {
  const [sig, relu] = runs;
  const key = 'widget.reluVsSigmoid';
  const d1 = (r: PairRun) => r.records.at(-1)?.drift?.[0] ?? NaN;
  const parts = [
    tr(s, `${key}.summary2`, {
      step: formatNumber(Math.max(sig.step, relu.step), lang, 0),
      lossS: formatLoss(sig.loss, lang),
      lossR: formatLoss(relu.loss, lang),
      accS: formatPercent(sig.testAccuracy, lang),
      accR: formatPercent(relu.testAccuracy, lang),
      diagS: diagnosis(sig, s, lang),
      diagR: diagnosis(relu, s, lang),
    }),
  ];
  // A ReLU network can start with a whole dead layer: its step-0 ratio is 0/0, and the
  // summary says so instead of printing NaN.
  const r0S = gradientRatio(sig.initialLayers);
  const r0R = gradientRatio(relu.initialLayers);
  if (Number.isFinite(r0S) && Number.isFinite(r0R)) parts.push(tr(s, `${key}.start`, { ratioS0: formatSci(r0S, lang), ratioR0: formatSci(r0R, lang) }));
  else if (Number.isFinite(r0S)) parts.push(tr(s, `${key}.startDeadRelu`, { ratioS0: formatSci(r0S, lang) }));
  if (sig.step > 0 && Number.isFinite(d1(sig)) && Number.isFinite(d1(relu))) parts.push(tr(s, `${key}.drift`, { sig: formatSci(d1(sig), lang), relu: formatSci(d1(relu), lang) }));
  const chance = formatNumber(LN2, lang, 3);
  if (!sig.diverged && atChance(sig.loss, sig.step) && diagnose(sig) !== 'collapsed') parts.push(tr(s, `${key}.stuck`, { chance }));
  if (!relu.diverged && atChance(relu.loss, relu.step)) parts.push(tr(s, `${key}.stuckRelu`, { chance, dead: formatPercent(deadShare(relu.layers), lang) }));
  return parts.join(' ');
}

export function pairTable(runs: PairRun[], s: Strings): DataTable {
  const [sig, relu] = runs;
  const k = 'widget.reluVsSigmoid.col';
  const columns = [tr(s, 'kit.col.layer'), tr(s, `${k}.sigmoidNow`), tr(s, `${k}.reluNow`), tr(s, `${k}.sigmoidStart`), tr(s, `${k}.reluStart`), `${actLabel(s, sig)}: ${tr(s, 'series.col.error')}`, `${actLabel(s, relu)}: ${tr(s, 'series.col.error')}`, `${actLabel(s, sig)}: ${tr(s, 'series.col.drift')}`, `${actLabel(s, relu)}: ${tr(s, 'series.col.drift')}`];
  const n = Math.max(sig.layers.length, relu.layers.length);
  const dr = (r: PairRun, i: number) => r.records.at(-1)?.drift?.[i] ?? NaN;
  const rows = Array.from({ length: n }, (_, i) => [i + 1, sig.layers[i]?.weightGradNorm ?? NaN, relu.layers[i]?.weightGradNorm ?? NaN, sig.initialLayers[i]?.weightGradNorm ?? NaN, relu.initialLayers[i]?.weightGradNorm ?? NaN, sig.layers[i]?.deltaRms ?? NaN, relu.layers[i]?.deltaRms ?? NaN, dr(sig, i), dr(relu, i)]);
  return { columns, rows };
}
