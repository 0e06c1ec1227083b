// Everything the lab draws, from a LabView: one Plot-options builder per chart (as functions of
// the on-screen width), the summary sentence and the per-layer table. Shared by the build-time
// render and the island, so both draw the same figure.
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';
import type { Lang } from '../../i18n/index.ts';
import { activationColour, boundaryChart, curvesChart, heatmapChart, heatmapDomain, histogramsChart, neutral, perLayerChart, type HeatmapData, type Theme } from '../charts/index.ts';
import { formatNumber, formatPercent } from '../kit/format.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { GRID_EXTENT } from '../runner/data.ts';
import type { LayerRecord } from '../runner/session.ts';
import { LN2, errorRms, formatLoss, gradNorms, thinLosses } from '../series/index.ts';
import type { LabView } from './model.ts';
import type { ActivationName } from '../../lib/index.ts';
import { encodeActs } from './acts.ts';
import { LAB_GRID_RES, LAB_RECORD_EVERY, labActs, type LabPoint, type LabValues } from './settings.ts';
import { statusSentence } from './status.ts';
import { abColour, sideLabel, type LabOverlay } from './compare/overlay.ts';
import { ghostCurves, ghostProfiles } from './compare/ghosts.ts';
import type { Side } from './compare/ab.ts';

export const LAB_CHARTS = ['loss', 'accuracy', 'boundary', 'grad', 'error', 'drift', 'dead', 'heatmap', 'histograms'] as const;
export type LabChartName = (typeof LAB_CHARTS)[number];
export type LabCharts = Record<LabChartName, (width: number) => PlotOptions>;

/** A cursor drawn on the boundary chart for keyboard editing. */
export interface Crosshair {
  x: number;
  y: number;
  label: 0 | 1;
}

const latest = (records: LayerRecord[]) => records.at(-1) ?? null;

export function labHeatmapData(view: LabView): HeatmapData {
  return { steps: view.records.map((r) => r.step), values: view.records.map((r) => gradNorms(r.layers)) };
}

/** The chart's title in the reader's language (also the export's title). */
export const chartTitle = (name: LabChartName, s: Strings) => tr(s, `widget.lab.chart.${name}`);

export function labCharts(
  view: LabView,
  v: LabValues,
  points: readonly { x: number; y: number; label: number }[],
  s: Strings,
  theme: Theme,
  options: { live?: boolean; heat?: [number, number]; crosshair?: Crosshair | null; compare?: LabOverlay } = {},
): LabCharts {
  // Pinned runs are drawn as ghosts of each chart's solid series; with B, every curve and
  // profile chart shows A and B, each in its own colour (heatmap, histograms and boundary: A).
  const pins = options.compare?.pins ?? [];
  const bRun = options.compare?.b ?? null;
  type SideView = { side: Side | null; view: LabView; colour: string; ink: string };
  const sides: SideView[] = bRun
    ? [{ side: 'a', view, colour: abColour('a', theme), ink: abColour('a', theme) }, { side: 'b', view: bRun.view, colour: abColour('b', theme), ink: abColour('b', theme) }]
    : [{ side: null, view, colour: activationColour(v.activation, theme), ink: neutral(theme).ink }];
  const named = (x: SideView, key: string, short: string | null, vars?: Record<string, string>) => sideLabel(x.side, tr(s, key, vars), short === null ? null : tr(s, `widget.lab.compare.short.${short}`), s);
  const ghostsOr = <T,>(g: T[]) => (g.length ? { ghosts: g } : {});
  // Pins are compared at the current run's step: curves up to it (the x axis's own minimum
  // of 100 steps at least), profiles as they were then.
  const upTo = Math.max(100, ...sides.map((x) => x.view.step));
  const at = view.step;
  const colour = activationColour(v.activation, theme);
  const n = neutral(theme);
  const now = tr(s, 'series.label.now', { step: String(view.step) });
  const start = tr(s, 'series.label.start');
  const rec = latest(view.records);
  const height = (width: number) => Math.round(Math.max(220, Math.min(320, width * 0.55)));
  const layerAxis = tr(s, 'series.axis.layer');
  const profile = (values: (l: LabView['layers']) => number[], title: string, y: string, width: number, metric: 'grad' | 'error', log = true) =>
    perLayerChart(
      sides.flatMap((x) => [
        { key: `now${x.side ?? ''}`, label: x.side ? named(x, 'series.label.now', null) : now, colour: x.colour, values: values(x.view.layers) },
        ...(x.view.step > 0 ? [{ key: `start${x.side ?? ''}`, label: x.side ? named(x, 'series.label.start', 'start') : start, colour: x.colour, values: values(x.view.start), dashed: true }] : []),
      ]),
      { title, x: layerAxis, y },
      theme,
      { width, height: height(width), labels: 'spread', log, ...ghostsOr(ghostProfiles(pins, metric, s, at)) },
    );
  const evaluatedOf = (w: LabView) => w.records.filter((r) => r.testLoss !== undefined);
  const hidden = (l: LabView['layers']) => l.slice(0, -1);
  return {
    loss: (width) =>
      curvesChart(
        sides.flatMap((x) => [
          { key: `train${x.side ?? ''}`, label: named(x, 'widget.lab.label.train', null), colour: x.colour, points: thinLosses(x.view.losses, x.view.initialLoss) },
          { key: `test${x.side ?? ''}`, label: named(x, 'widget.lab.label.test', 'test'), colour: x.ink, dashed: true, points: evaluatedOf(x.view).map((r) => ({ step: r.step, value: r.testLoss ?? NaN })).filter((p) => Number.isFinite(p.value)) },
        ]),
        { title: chartTitle('loss', s), x: tr(s, 'kit.axis.step'), y: tr(s, v.loss === 'bce' ? 'kit.axis.loss' : 'widget.lab.axis.mse') },
        theme,
        { width, height: Math.round(Math.max(200, Math.min(280, width * 0.42))), zero: true, minStep: 100, references: v.loss === 'bce' ? [{ value: LN2, label: tr(s, 'series.chance') }] : [], ...ghostsOr(ghostCurves(pins, 'loss', s, upTo)) },
      ),
    accuracy: (width) =>
      curvesChart(
        sides.flatMap((x) => [
          { key: `train${x.side ?? ''}`, label: named(x, 'widget.lab.label.train', null), colour: x.colour, points: evaluatedOf(x.view).map((r) => ({ step: r.step, value: r.trainAccuracy ?? NaN })) },
          { key: `test${x.side ?? ''}`, label: named(x, 'widget.lab.label.test', 'test'), colour: x.ink, dashed: true, points: evaluatedOf(x.view).map((r) => ({ step: r.step, value: r.testAccuracy ?? NaN })).filter((p) => Number.isFinite(p.value)) },
        ]),
        { title: chartTitle('accuracy', s), x: tr(s, 'kit.axis.step'), y: tr(s, 'widget.lab.axis.accuracy') },
        theme,
        { width, height: Math.round(Math.max(200, Math.min(280, width * 0.42))), yDomain: [0, 1], minStep: 100, references: [{ value: 0.5, label: tr(s, 'widget.lab.label.chance') }], ...ghostsOr(ghostCurves(pins, 'trainAccuracy', s, upTo)) },
      ),
    boundary: (width) => {
      const o = boundaryChart(
        { grid: view.grid ?? new Float64Array(LAB_GRID_RES * LAB_GRID_RES).fill(0.5), res: LAB_GRID_RES, extent: GRID_EXTENT, points: points as { x: number; y: number; label: number }[] },
        { title: chartTitle('boundary', s), x: tr(s, 'kit.axis.x1'), y: tr(s, 'kit.axis.x2') },
        theme,
        { width: Math.min(width, 420), raster: options.live ?? false },
      );
      const c = options.crosshair;
      if (c) {
        o.marks = [
          ...((o.marks as Plot.Markish[]) ?? []),
          Plot.ruleX([c.x], { stroke: n.ink, strokeDasharray: '3 3', strokeOpacity: 0.8 }),
          Plot.ruleY([c.y], { stroke: n.ink, strokeDasharray: '3 3', strokeOpacity: 0.8 }),
          Plot.dot([c], { x: 'x', y: 'y', r: 7, stroke: n.ink, strokeWidth: 2, fill: 'none' }),
        ];
      }
      return o;
    },
    grad: (width) => profile(gradNorms, chartTitle('grad', s), tr(s, 'kit.axis.gradNorm'), width, 'grad'),
    error: (width) => profile(errorRms, chartTitle('error', s), tr(s, 'series.axis.error'), width, 'error'),
    drift: (width) =>
      perLayerChart(
        sides.flatMap((x) => [
          { key: `drift${x.side ?? ''}`, label: named(x, 'series.label.drift', null), colour: x.colour, values: latest(x.view.records)?.drift ?? [] },
          { key: `update${x.side ?? ''}`, label: named(x, 'series.label.update', 'update'), colour: x.colour, values: latest(x.view.records)?.update ?? [], dashed: true },
        ]),
        { title: chartTitle('drift', s), x: layerAxis, y: tr(s, 'series.axis.drift') },
        theme,
        { width, height: height(width), labels: 'spread', empty: tr(s, 'series.driftEmpty'), ...ghostsOr(ghostProfiles(pins, 'drift', s, at)) },
      ),
    dead: (width) =>
      perLayerChart(
        sides.flatMap((x) => [
          { key: `dead${x.side ?? ''}`, label: named(x, 'widget.lab.label.dead', 'dead'), colour: x.colour, values: hidden(x.view.layers).map((l) => l.deadFraction) },
          { key: `sat${x.side ?? ''}`, label: named(x, 'widget.lab.label.saturated', 'saturated'), colour: x.ink, values: hidden(x.view.layers).map((l) => l.saturatedFraction), ...(x.side ? { dashed: true } : {}) },
          // In a comparison the step-0 profiles would double the lines for little: A and B start from the same seed.
          ...(x.view.step > 0 && !x.side ? [{ key: 'sat0', label: tr(s, 'widget.lab.label.saturated0'), colour: n.ink, values: hidden(x.view.start).map((l) => l.saturatedFraction), dashed: true }] : []),
        ]),
        { title: chartTitle('dead', s), x: tr(s, 'widget.lab.axis.hiddenLayer'), y: tr(s, 'widget.lab.axis.share') },
        theme,
        { width, height: height(width), labels: 'spread', log: false, ...ghostsOr(ghostProfiles(pins, 'dead', s, at).map((g) => ({ ...g, values: g.values.slice(0, -1) }))) },
      ),
    heatmap: (width) =>
      heatmapChart(
        labHeatmapData(view),
        { title: chartTitle('heatmap', s), x: tr(s, 'kit.axis.step'), y: tr(s, 'kit.axis.layerShort'), colour: tr(s, 'kit.axis.gradNorm') },
        theme,
        { width, raster: options.live ?? false, domain: options.heat ?? heatmapDomain(labHeatmapData(view)), minSteps: 100, every: LAB_RECORD_EVERY },
      ),
    histograms: (width) => histogramChart(view, s, theme, colour, width),
  };
}

/** Activation histograms of a few hidden layers: bars now, a dashed step line at step 0. */
function histogramChart(view: LabView, s: Strings, theme: Theme, colour: string, width: number): PlotOptions {
  const h = view.histograms;
  const now = h?.now ?? [];
  const o = histogramsChart(now, { title: chartTitle('histograms', s), x: tr(s, 'widget.lab.axis.activation'), y: tr(s, 'kit.axis.layerShort') }, theme, { colour, width });
  const initial = (h?.initial ?? []).flatMap((x) => {
    const total = x.bins.reduce((a, b) => a + b.count, 0) || 1;
    const pts = x.bins.map((b) => ({ layer: x.layer, x: b.x0, share: b.count / total }));
    const last = x.bins[x.bins.length - 1];
    return last ? [...pts, { layer: x.layer, x: last.x1, share: last.count / total }] : pts;
  });
  const range = now[0]?.bins ?? [];
  o.height = 44 + Math.max(1, now.length) * 52;
  if (range.length) o.x = { ...(o.x as object), domain: [range[0].x0, range[range.length - 1].x1] };
  if (view.step > 0)
    o.marks = [
      ...((o.marks as Plot.Markish[]) ?? []),
      Plot.lineY(initial, { x: 'x', y: 'share', fy: 'layer', z: 'layer', curve: 'step-after', stroke: neutral(theme).ink, strokeWidth: 1.3, strokeDasharray: '4 3', strokeOpacity: 0.8 }),
    ];
  return o;
}

/** The status line's input, from the view: the loss it quotes is the loss chart's last point. */
export function statusInput(view: LabView) {
  return { step: view.step, loss: view.loss, layers: view.layers, start: view.start, update: latest(view.records)?.update, diverged: view.diverged };
}

export function labStatusLine(view: LabView, s: Strings, lang: Lang) {
  return statusSentence(statusInput(view), s, lang);
}

export function labSummary(view: LabView, s: Strings, lang: Lang): string {
  const status = labStatusLine(view, s, lang);
  return tr(s, 'widget.lab.summary', {
    step: formatNumber(view.step, lang, 0),
    status: status.text,
    loss: formatLoss(view.loss, lang),
    testLoss: formatLoss(view.testLoss, lang),
    acc: formatPercent(view.testAccuracy, lang),
  }).replace(/\s+/g, ' ').trim();
}

/** The per-layer table under "Show data": now and at step 0. */
export function labTable(view: LabView, s: Strings): DataTable {
  const rec = latest(view.records);
  const columns = [tr(s, 'kit.col.layer'), tr(s, 'kit.col.gradNorm'), tr(s, 'series.col.gradStart'), tr(s, 'series.col.error'), tr(s, 'series.col.errorStart'), tr(s, 'series.col.drift'), tr(s, 'series.col.update'), tr(s, 'kit.col.deadFraction'), tr(s, 'widget.lab.col.saturated'), tr(s, 'kit.col.activationMean'), tr(s, 'kit.col.activationStd')];
  const rows = view.layers.map((l, i) => [i + 1, l.weightGradNorm, view.start[i]?.weightGradNorm ?? NaN, l.deltaRms, view.start[i]?.deltaRms ?? NaN, rec?.drift?.[i] ?? NaN, rec?.update?.[i] ?? NaN, l.deadFraction, l.saturatedFraction, l.activationMean, l.activationStd]);
  return { columns, rows };
}

/** The settings as short lines for exported images: what a reader needs to redo the run. */
export function settingsLines(v: LabValues, s: Strings, lang: Lang, points: readonly LabPoint[], acts?: readonly ActivationName[]): string[] {
  const list = labActs(v, acts);
  // Per layer, runs of equal names: "ReLU ×5, Tanh ×3".
  const act = typeof list === 'string'
    ? tr(s, `widget.lab.act.${list}`)
    : encodeActs(list).split(',').map((run) => { const [name, k] = run.split('*'); return `${tr(s, `widget.lab.act.${name}`)}${k ? ` ×${k}` : ''}`; }).join(', ');
  const init = tr(s, `widget.lab.init.${v.init}`);
  return [
    tr(s, 'widget.lab.export.arch', { depth: v.depth, width: v.width, act, norm: tr(s, `widget.lab.norm.${v.norm}`), residual: v.residual ? tr(s, 'widget.lab.export.residualOn', { scale: formatNumber(v.residualScale, lang, 2) }) : tr(s, 'widget.lab.export.residualOff') }),
    tr(s, 'widget.lab.export.train', { init, opt: tr(s, `widget.lab.opt.${v.optimizer}`), lr: formatNumber(v.lr, lang, 5).replace(/0+$/, '').replace(/[.,]$/, ''), loss: v.loss.toUpperCase(), batch: v.batch > 0 ? String(v.batch) : tr(s, 'widget.lab.batchFull'), seed: v.seed }),
    tr(s, 'widget.lab.export.data', { data: v.dataset === 'custom' ? tr(s, 'widget.lab.data.customCount', { n: points.length }) : tr(s, `kit.data.${v.dataset}`), noise: formatNumber(v.noise, lang, 2), test: formatPercent(v.testFraction, lang) }),
  ];
}
