// Everything the dead-units figure displays, derived from a DeadView: chart options, the
// summary and the data table. Shared by the build-time render and the island.
import { activation } from '../../lib/index.ts';
import type { Lang } from '../../i18n/index.ts';
import { activationColour, curvesChart, functionChart, layerColours, networkChart, type NetEdge, type NetNode, type Theme } from '../charts/index.ts';
import { formatNumber, formatPercent } from '../kit/format.ts';
import type { PlotOptions } from '@observablehq/plot';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { formatLoss, thinLosses } from '../series/index.ts';
import { HIDDEN, SIZES, countTrue, deadSeries, type DeadView } from './model.ts';

const K = 'widget.deadUnits';

export { layerColours };

export interface DeadCharts {
  network: PlotOptions;
  dead: PlotOptions;
  loss: PlotOptions;
  fn: PlotOptions;
}

/** Under ReLU, a unit negative on every input is dead; under leaky ReLU it is not. */
export function isDead(view: Pick<DeadView, 'activation'>, negativeEverywhere: boolean): boolean {
  return view.activation === 'relu' && negativeEverywhere;
}

export function networkOptions(view: DeadView, s: Strings, theme: Theme, width = 440): PlotOptions {
  const sizes = [...SIZES];
  const deadAt = (layer: number, index: number) => layer >= 1 && layer <= HIDDEN && isDead(view, view.units[layer - 1]?.[index] ?? false);
  const silentAt = (layer: number, index: number) => layer >= 1 && layer <= HIDDEN && view.activation === 'leakyRelu' && (view.units[layer - 1]?.[index] ?? false);
  const nodes: NetNode[] = sizes.flatMap((n, layer) => Array.from({ length: n }, (_, index) => ({ layer, index, dead: deadAt(layer, index), highlight: silentAt(layer, index) })));
  const edges: NetEdge[] = [];
  view.weights.forEach((w, l) => {
    const inputs = sizes[l];
    const outputs = sizes[l + 1];
    for (let j = 0; j < outputs; j++)
      for (let i = 0; i < inputs; i++)
        // A dead unit gets no gradient through its incoming weights, and sends none back
        // through (or any signal forward along) its outgoing ones.
        edges.push({ layer: l + 1, from: i, to: j, value: w[j * inputs + i], dead: deadAt(l + 1, j) || deadAt(l, i) });
  });
  const layerNames = sizes.map((_, l) => (l === 0 ? tr(s, `${K}.input`) : l === sizes.length - 1 ? tr(s, `${K}.output`) : tr(s, `${K}.hidden`, { n: l })));
  // Eight units a column fit in less height than the builder's default spacing; on a
  // phone the nodes shrink with the width so they still clear each other.
  const height = Math.round(Math.max(width, 320) * 0.85);
  const nodeRadius = Math.max(8, Math.min(15, Math.floor((height - 54) / (SIZES[1] + 2.2) / 2) - 1, Math.floor(width / 32)));
  const o = networkChart(sizes, nodes, edges, { title: tr(s, `${K}.chart.network`), layers: layerNames }, theme, { width, nodeLabels: false, nodeRadius });
  return { ...o, height };
}

/** A chart's width in a cell `cell` px wide: its natural width, or less on a narrow screen. */
const cellWidth = (natural: number, cell: number) => Math.max(280, Math.min(natural, cell));

/** The share of dead units per hidden layer over training (thinned to at most about 300 records). */
export function deadChart(view: DeadView, s: Strings, theme: Theme, cell = 440): PlotOptions {
  const series = deadSeries(view.history);
  const stride = Math.max(1, Math.ceil(series.length / 300));
  const thinned = series.filter((_, i) => i % stride === 0 || i === series.length - 1);
  const colours = layerColours(theme);
  return curvesChart(
    Array.from({ length: HIDDEN }, (_, l) => ({ key: `l${l + 1}`, label: tr(s, `${K}.hidden`, { n: l + 1 }), colour: colours[l], points: thinned.map((p) => ({ step: p.step, value: p.values[l] })), dashed: l === 1 })),
    { title: tr(s, `${K}.chart.dead`), x: tr(s, 'kit.axis.step'), y: tr(s, `${K}.axis.dead`) },
    theme,
    // The layers are named in an HTML legend under the chart (LayerLegend).
    { yDomain: [0, 1], width: cellWidth(400, cell), height: 220, labels: 'none' },
  );
}

export function deadLossChart(view: DeadView, s: Strings, theme: Theme, cell = 440): PlotOptions {
  const act = view.activation === 'leakyRelu' ? 'leakyRelu' : 'relu';
  return curvesChart(
    [{ key: 'loss', label: tr(s, 'kit.col.loss'), colour: activationColour(act, theme), points: thinLosses(view.losses, view.initialLoss) }],
    { title: tr(s, `${K}.chart.loss`), x: tr(s, 'kit.axis.step'), y: tr(s, 'kit.axis.loss') },
    theme,
    { width: cellWidth(400, cell), height: 200, zero: true, minStep: 100 },
  );
}

export function deadNetworkChart(view: DeadView, s: Strings, theme: Theme, cell = 440): PlotOptions {
  return networkOptions(view, s, theme, cellWidth(440, cell));
}

export function deadFnChart(alpha: number, s: Strings, theme: Theme, lang: Lang, cell = 440): PlotOptions {
  return leakyChart(alpha, s, theme, lang, cellWidth(360, cell));
}

/** `cell`: the width of one chart cell as shown (charts are drawn at that width, up to their natural size). */
export function deadCharts(view: DeadView, s: Strings, theme: Theme, lang: Lang, cell = 440): DeadCharts {
  return { network: deadNetworkChart(view, s, theme, cell), dead: deadChart(view, s, theme, cell), loss: deadLossChart(view, s, theme, cell), fn: deadFnChart(view.alpha, s, theme, lang, cell) };
}

/** Leaky ReLU and its derivative for the chosen α, from the library's own definition. */
export function leakyChart(alpha: number, s: Strings, theme: Theme, lang?: Lang, width = 360): PlotOptions {
  const f = activation('leakyRelu', alpha);
  const xs = Array.from({ length: 121 }, (_, i) => -3 + i * 0.05);
  // The derivative jumps at 0: draw both sides up to the jump.
  const dxs = [...xs.filter((x) => x < 0), -1e-9, 1e-9, ...xs.filter((x) => x > 0)];
  const colour = activationColour('leakyRelu', theme);
  const a = lang ? formatNumber(alpha, lang, 2) : String(alpha);
  return functionChart(
    {
      series: [
        { key: 'f', label: tr(s, `${K}.fn.f`), colour, points: xs.map((x) => ({ x, y: f.f(x) })) },
        { key: 'df', label: tr(s, `${K}.fn.df`), colour, dashed: true, points: dxs.map((x) => ({ x, y: f.df(x) })) },
      ],
      xDomain: [-3, 3],
      yDomain: [-1, 3],
    },
    { title: tr(s, `${K}.chart.fn`, { alpha: a }), x: 'z', y: tr(s, `${K}.axis.fn`) },
    theme,
    { width },
  );
}

export function deadSummary(view: DeadView, s: Strings, lang: Lang): string {
  const total = view.units.reduce((a, l) => a + l.length, 0);
  const neg = countTrue(view.units);
  const perLayer = view.units.map((l) => l.filter(Boolean).length);
  const vars = {
    step: formatNumber(view.step, lang, 0),
    loss: formatLoss(view.loss, lang),
    l1: perLayer[0] ?? 0,
    l2: perLayer[1] ?? 0,
    l3: perLayer[2] ?? 0,
    per: SIZES[1],
    share: formatPercent(total ? neg / total : 0, lang),
    count: neg,
    alpha: formatNumber(view.alpha, lang, 2),
  };
  if (view.activation === 'relu') return tr(s, `${K}.summary.relu`, vars);
  return tr(s, neg > 0 ? `${K}.summary.leakySilent` : `${K}.summary.leaky`, vars);
}

export function deadTable(view: DeadView, s: Strings): DataTable {
  const columns = [tr(s, 'kit.col.step'), ...Array.from({ length: HIDDEN }, (_, l) => tr(s, `${K}.col.dead`, { n: l + 1 })), tr(s, 'kit.col.loss')];
  const rows = deadSeries(view.history).map((r) => [r.step, ...r.values, r.step === 0 ? view.initialLoss : view.losses[r.step - 1] ?? NaN]);
  return { columns, rows };
}
