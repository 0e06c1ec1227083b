// What the kit gallery displays: one chart of every builder type, fed by the training
// library from the gallery's controls, and its summary.
import type { Lang } from '../../i18n/index.ts';
import { ACTIVATIONS, activation, createNetwork, gradients, activationsPerLayer, histogram, type ActivationName, type LayerStats } from '../../lib/index.ts';
import { activationColour, boundaryChart, curvesChart, functionChart, heatmapChart, histogramsChart, networkChart, perLayerChart, type Theme } from '../charts/index.ts';
import { formatNumber } from '../kit/format.ts';
import type { PlotOptions } from '../kit/plot.ts';
import { tr, type Strings } from '../kit/strings.ts';
import { datasetPoints, GRID_EXTENT } from '../runner/data.ts';
import type { LayerRecord } from '../runner/session.ts';
import { galleryConfig, galleryNet, type ChartName, type GalleryValues } from './model.ts';

/** What the training charts draw of galleryConfig's run: its last step's layers, its losses, its records and its boundary grid. */
export interface GalleryRun {
  layers: LayerStats[];
  losses: readonly number[];
  records: readonly LayerRecord[];
  grid: Float64Array | null;
}

const range = (a: number, b: number, n: number) => Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));

/** Every chart; the training ones are null until `run` is there (the chart keeps what it shows). */
export function galleryCharts(v: GalleryValues, s: Strings, theme: Theme, lang: Lang, run: GalleryRun | null): Record<ChartName, PlotOptions | null> {
  const name = v.act as ActivationName;
  const act = activation(name, 0.1);
  const colour = activationColour(name, theme);
  const xs = range(-6, 6, 121);
  const series = [{ key: 'f', label: tr(s, `kit.act.${name}`), colour, points: xs.map((x) => ({ x, y: act.f(x) })) }];
  if (v.derivative) series.push({ key: 'df', label: tr(s, 'widget.kitGallery.derivative'), colour, points: xs.map((x) => ({ x, y: act.df(x) })), dashed: true } as (typeof series)[number]);
  const fn = functionChart(
    { series, xDomain: [-6, 6], yDomain: name === 'tanh' ? [-1.1, 1.1] : name.includes('elu') || name.includes('Relu') || name === 'relu' ? [-1, 6] : [-0.05, 1.05], marker: { x: v.x, y: act.f(v.x), colour, slope: act.df(v.x) } },
    { title: tr(s, 'widget.kitGallery.chart.fn'), x: 'x', y: 'y' },
    theme,
  );

  // A 2-3-1 network for the diagram, one example for the gradients.
  const small = createNetwork({ sizes: [2, 3, 1], activation: name, output: 'sigmoid', init: 'xavierNormal', seed: v.seed });
  const x0 = new Float64Array([0.5, -1]);
  const g = gradients(small, x0, new Float64Array([1]), 1, 'bce');
  const acts = activationsPerLayer(small, x0, 1);
  const nodes = [
    ...[0, 1].map((i) => ({ layer: 0, index: i, label: formatNumber(x0[i], lang, 2) })),
    ...small.layers.flatMap((l, li) => Array.from({ length: l.outputs }, (_, j) => ({ layer: li + 1, index: j, label: formatNumber(acts[li].a[j], lang, 2) }))),
  ];
  const edges = small.layers.flatMap((l, li) =>
    Array.from({ length: l.outputs * l.inputs }, (_, k) => {
      const j = Math.floor(k / l.inputs);
      const i = k % l.inputs;
      const value = v.colourBy === 'weight' ? l.weights[k] : g.weights[li][k];
      return { layer: li + 1, from: i, to: j, value };
    }),
  );
  const network = networkChart([2, 3, 1], nodes, edges, { title: tr(s, 'widget.kitGallery.chart.network'), layers: [tr(s, 'widget.kitGallery.input'), tr(s, 'widget.kitGallery.hidden'), tr(s, 'widget.kitGallery.output')] }, theme);

  // A deeper net for per-layer views; its training run (galleryConfig) comes in as `run`.
  const deep = createNetwork(galleryNet(v));
  const batch = new Float64Array(2 * 128);
  for (let i = 0; i < batch.length; i++) batch[i] = Math.sin(i * 12.9898 + v.seed) * 1.5;
  const per = activationsPerLayer(deep, batch, 128);
  const lo = name === 'relu' || name === 'leakyRelu' ? -0.5 : name === 'tanh' ? -1 : 0;
  const hi = name === 'sigmoid' || name === 'tanh' ? 1 : 3;
  const histograms = histogramsChart(
    per.slice(0, -1).map((p, l) => {
      const h = histogram(p.a, { bins: 24, min: lo, max: hi });
      return { layer: l + 1, bins: Array.from(h.counts, (count, i) => ({ count, x0: h.edges[i], x1: h.edges[i + 1] })) };
    }),
    { title: tr(s, 'widget.kitGallery.chart.histograms'), x: tr(s, 'widget.kitGallery.activation'), y: tr(s, 'kit.axis.layerShort') },
    theme,
    { colour },
  );
  if (!run) return { fn, network, histograms, layers: null, curves: null, heatmap: null, boundary: null };
  const layers = perLayerChart([{ key: name, label: tr(s, `kit.act.${name}`), colour, values: run.layers.map((l) => l.weightGradNorm) }], { title: tr(s, 'widget.kitGallery.chart.layers'), x: tr(s, 'kit.axis.layer'), y: tr(s, 'kit.axis.gradNorm') }, theme);
  const curves = curvesChart([{ key: 'loss', label: tr(s, 'kit.col.loss'), colour, points: run.losses.map((value, i) => ({ step: i + 1, value })) }], { title: tr(s, 'widget.kitGallery.chart.curves'), x: tr(s, 'kit.axis.step'), y: tr(s, 'kit.axis.loss') }, theme, { height: 200 });
  const heatmap = heatmapChart({ steps: run.records.map((r) => r.step), values: run.records.map((r) => r.layers.map((l) => l.weightGradNorm)) }, { title: tr(s, 'widget.kitGallery.chart.heatmap'), x: tr(s, 'kit.axis.step'), y: tr(s, 'kit.axis.layerShort'), colour: tr(s, 'kit.axis.gradNorm') }, theme);
  const boundary = boundaryChart({ grid: run.grid!, res: 16, extent: GRID_EXTENT, points: datasetPoints(galleryConfig(v).data) }, { title: tr(s, 'widget.kitGallery.chart.boundary'), x: tr(s, 'kit.axis.x1'), y: tr(s, 'kit.axis.x2') }, theme);
  return { fn, network, histograms, layers, curves, heatmap, boundary };
}

export function gallerySummary(v: GalleryValues, s: Strings, lang: Lang): string {
  const act = ACTIVATIONS[v.act as ActivationName];
  const a = act.f(v.x);
  return tr(s, 'widget.kitGallery.summary', { act: tr(s, `kit.act.${v.act}`), x: formatNumber(v.x, lang, 1), f: formatNumber(a, lang, 4), df: formatNumber(act.df(v.x), lang, 4) });
}
