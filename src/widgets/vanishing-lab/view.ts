// Everything the lab displays, derived from a VanishingView: chart options, summary, data table.
// Shared by the build-time render and the island so both draw the same figure.
import type { PlotOptions } from '@observablehq/plot';
import type { Lang } from '../../i18n/index.ts';
import { activationColour, boundaryChart, curvesChart, heatmapChart, heatmapDomain, perLayerChart, type HeatmapData, type Theme } from '../charts/index.ts';
import { formatNumber, formatPercent } from '../kit/format.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { GRID_EXTENT } from '../runner/data.ts';
import type { LayerRecord } from '../runner/session.ts';
import { LN2, driftSentence, errorBound, errorRms, formatLoss, gradNorms, profileSentence, thinLosses } from '../series/index.ts';
import { GRID_RES, RECORD_EVERY, vanishingConfig, type VanishingValues, type VanishingView } from './model.ts';

/** Each chart as a function of its on-screen width (see Chart's `options`). */
export interface VanishingCharts {
  layers: (width: number) => PlotOptions;
  error: (width: number) => PlotOptions;
  drift: (width: number) => PlotOptions;
  heatmap: (width: number) => PlotOptions;
  loss: (width: number) => PlotOptions;
  boundary: (width: number) => PlotOptions;
}

const latest = (records: LayerRecord[]) => records.at(-1) ?? null;

export function heatmapData(view: VanishingView): HeatmapData {
  return { steps: view.records.map((r) => r.step), values: view.records.map((r) => gradNorms(r.layers)) };
}

/** `heat` is the heatmap's colour domain, held by the island so it only ever widens. */
export function vanishingCharts(view: VanishingView, v: VanishingValues, points: { x: number; y: number; label: number }[], s: Strings, theme: Theme, live = false, heat?: [number, number]): VanishingCharts {
  const act = v.activation;
  const colour = activationColour(act, theme);
  const now = tr(s, 'series.label.now', { step: String(view.step) });
  const start = tr(s, 'series.label.start');
  const rec = latest(view.records);
  // The newest record that carries the bound (big networks compute it every few records).
  const bounded = view.records.findLast((r) => r.bound !== undefined);
  const sizes = vanishingConfig(v).spec.sizes;
  const height = (width: number) => Math.round(Math.max(230, Math.min(340, width * 0.55)));
  const profile = (values: (l: VanishingView['layers']) => number[], title: string, y: string, width: number, extra: { envelope?: number[]; envelopeLabel?: string } = {}) =>
    perLayerChart(
      [
        { key: 'now', label: now, colour, values: values(view.layers) },
        ...(view.step > 0 ? [{ key: 'start', label: start, colour, values: values(view.start), dashed: true }] : []),
      ],
      { title, x: tr(s, 'series.axis.layer'), y, envelope: extra.envelopeLabel },
      theme,
      { width, height: height(width), envelope: extra.envelope, labels: 'spread' },
    );
  return {
    layers: (width) => profile(gradNorms, tr(s, 'widget.vanishingLab.chart.layers'), tr(s, 'kit.axis.gradNorm'), width),
    error: (width) => profile(errorRms, tr(s, 'series.chart.error'), tr(s, 'series.axis.error'), width, { envelope: bounded ? errorBound(bounded.layers, bounded.bound, sizes) : undefined, envelopeLabel: bounded ? tr(s, 'series.label.bound') : undefined }),
    drift: (width) => perLayerChart(
      [
        { key: 'drift', label: tr(s, 'series.label.drift'), colour, values: rec?.drift ?? [] },
        { key: 'update', label: tr(s, 'series.label.update'), colour, values: rec?.update ?? [], dashed: true },
      ],
      { title: tr(s, 'series.chart.drift'), x: tr(s, 'series.axis.layer'), y: tr(s, 'series.axis.drift') },
      theme,
      { width, height: height(width), labels: 'spread', empty: tr(s, 'series.driftEmpty') },
    ),
    heatmap: (width) => heatmapChart(
      heatmapData(view),
      { title: tr(s, 'widget.vanishingLab.chart.heatmap'), x: tr(s, 'kit.axis.step'), y: tr(s, 'kit.axis.layerShort'), colour: tr(s, 'kit.axis.gradNorm') },
      theme,
      { width, raster: live, domain: heat ?? heatmapDomain(heatmapData(view)), minSteps: 100, every: RECORD_EVERY },
    ),
    loss: (width) => curvesChart(
      [{ key: 'loss', label: tr(s, 'kit.col.loss'), colour, points: thinLosses(view.losses, view.initialLoss) }],
      { title: tr(s, 'widget.vanishingLab.chart.loss'), x: tr(s, 'kit.axis.step'), y: tr(s, 'kit.axis.loss') },
      theme,
      { height: 220, width, zero: true, minStep: 100, references: [{ value: LN2, label: tr(s, 'series.chance') }] },
    ),
    boundary: (width) => boundaryChart(
      { grid: view.grid ?? new Float64Array(GRID_RES * GRID_RES).fill(0.5), res: GRID_RES, extent: GRID_EXTENT, points },
      { title: tr(s, 'widget.vanishingLab.chart.boundary'), x: tr(s, 'kit.axis.x1'), y: tr(s, 'kit.axis.x2') },
      theme,
      { width: Math.min(width, 360), raster: live },
    ),
  };
}

/** The diagnosis sentence alone (shown above the charts, and first in the summary). */
export function vanishingDiagnosis(view: VanishingView, s: Strings, lang: Lang) {
  return profileSentence({ step: view.step, loss: view.loss, layers: view.layers, start: view.start, diverged: view.diverged }, s, lang);
}

export function vanishingSummary(view: VanishingView, s: Strings, lang: Lang): string {
  const d = vanishingDiagnosis(view, s, lang);
  const drift = driftSentence(latest(view.records)?.drift, s, lang);
  return tr(s, 'widget.vanishingLab.summaryNow', {
    step: formatNumber(view.step, lang, 0),
    diagnosis: d.text,
    drift,
    loss: formatLoss(view.loss, lang),
    loss0: formatLoss(view.initialLoss, lang),
    acc: formatPercent(view.testAccuracy, lang),
  }).replace(/\s+/g, ' ').trim();
}

export function vanishingTable(view: VanishingView, _v: VanishingValues, s: Strings): DataTable {
  const rec = latest(view.records);
  const columns = [tr(s, 'kit.col.layer'), tr(s, 'kit.col.gradNorm'), tr(s, 'series.col.gradStart'), tr(s, 'series.col.error'), tr(s, 'series.col.errorStart'), tr(s, 'series.col.drift'), tr(s, 'series.col.update'), tr(s, 'kit.col.activationMean'), tr(s, 'kit.col.activationStd'), tr(s, 'kit.col.deadFraction')];
  const rows = view.layers.map((l, i) => [i + 1, l.weightGradNorm, view.start[i]?.weightGradNorm ?? NaN, l.deltaRms, view.start[i]?.deltaRms ?? NaN, rec?.drift?.[i] ?? NaN, rec?.update?.[i] ?? NaN, l.activationMean, l.activationStd, l.deadFraction]);
  return { columns, rows };
}
