// Charts, summary and table of the normalisation figure. Shared by the build and the island.
import * as Plot from '@observablehq/plot';
import type { Lang } from '../../i18n/index.ts';
import { curvesChart, histogramsChart, logAxis, logSafe, neutral, perLayerChart, runColours, type Theme } from '../charts/index.ts';
import { base } from '../charts/common.ts';
import { formatNumber, formatPercent, formatSci } from '../kit/format.ts';
import type { PlotOptions } from '../kit/plot.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { formatLoss, thinLosses } from '../series/index.ts';
import { CHANCE, NORMS, errorGrowth, hidden, meanSaturation, outerShare, type NormName, type NormRun } from './model.ts';

const K = 'widget.normalizationLab';

export function normColour(n: NormName, theme: Theme): string {
  return runColours(theme)[NORMS.indexOf(n)];
}

const label = (n: NormName, s: Strings) => tr(s, `${K}.norm.${n}`);

export function lossChart(runs: NormRun[], s: Strings, theme: Theme, width = 640): PlotOptions {
  const o = curvesChart(
    runs.map((r) => ({ key: r.norm, label: label(r.norm, s), colour: normColour(r.norm, theme), points: [{ step: 0, value: r.initialLoss }, ...thinLosses(r.losses)] })),
    { title: tr(s, `${K}.chart.loss`), x: tr(s, 'kit.axis.step'), y: tr(s, 'kit.axis.loss') },
    theme,
    { width, height: Math.round(Math.max(220, width * 0.42)) },
  );
  const muted = neutral(theme).muted;
  o.marks = [
    Plot.ruleY([CHANCE], { stroke: muted, strokeDasharray: '2 3', strokeOpacity: 0.8 }),
    Plot.text([CHANCE], { x: 0, y: (d: number) => d, text: () => tr(s, `${K}.chance`), fill: muted, textAnchor: 'start', dx: 4, dy: -7, fontSize: 11 }),
    ...((o.marks as Plot.Markish[]) ?? []),
  ];
  return o;
}

/** Backpropagated error (RMS of dLoss/dz) per hidden layer: solid now, dashed at step 0. */
export function errorChart(runs: NormRun[], s: Strings, theme: Theme, width = 640): PlotOptions {
  const series = runs.map((r) => ({ key: r.norm, label: label(r.norm, s), colour: normColour(r.norm, theme), values: hidden(r.layers).map((l) => l.deltaRms) }));
  const o = perLayerChart(series, { title: tr(s, `${K}.chart.error`), x: tr(s, 'kit.axis.layer'), y: tr(s, `${K}.axis.error`) }, theme, { width, height: Math.round(Math.max(220, width * 0.5)) });
  const initial = runs.flatMap((r) => hidden(r.initialLayers).map((l, i) => ({ layer: i + 1, value: logSafe(l.deltaRms), key: r.norm })));
  const all = [...series.flatMap((x) => x.values.map((v) => logSafe(v))), ...initial.map((d) => d.value)];
  o.y = logAxis(tr(s, `${K}.axis.error`), all);
  o.marks = [
    ...runs.map((r) => Plot.line(initial.filter((d) => d.key === r.norm), { x: 'layer', y: 'value', stroke: normColour(r.norm, theme), strokeWidth: 1.5, strokeDasharray: '5 4', strokeOpacity: 0.75 })),
    ...((o.marks as Plot.Markish[]) ?? []),
  ];
  return o;
}

/** Saturated share per hidden layer over training, one small heat map per network, 0 to 100 %. */
export function saturationChart(r: NormRun, s: Strings, theme: Theme, width = 640, options: { raster?: boolean } = {}): PlotOptions {
  const recs = r.records.length > 40 ? r.records.filter((_, i) => i % Math.ceil(r.records.length / 40) === 0 || i === r.records.length - 1) : r.records;
  const rows = recs.flatMap((rec, c) => hidden(rec.layers).map((l, i) => ({ col: c, step: rec.step, layer: i + 1, value: l.saturatedFraction })));
  const layers = Math.max(1, ...rows.map((d) => d.layer));
  const every = Math.max(1, Math.ceil(recs.length / 5));
  const colTicks = recs.map((_, i) => i).filter((i) => i % every === 0);
  const layerTicks = Array.from({ length: layers }, (_, i) => i + 1).filter((l) => layers <= 10 || l % 5 === 0 || l === 1);
  const common = {
    ...base(theme, width, Math.max(140, Math.min(260, 50 + layers * 9))),
    ariaLabel: tr(s, `${K}.chart.saturation`, { norm: label(r.norm, s) }),
    color: { type: 'linear' as const, scheme: 'YlOrRd' as Plot.ColorScheme, domain: [0, 1], label: tr(s, `${K}.axis.saturated`) },
  };
  if (options.raster && rows.length > 0) {
    // Live: one bitmap of cols × layers pixels instead of a rect per cell (up to 40 columns ×
    // every hidden layer: hundreds of elements to build, style, lay out and paint on every
    // redraw). Column c spans [c, c + 1] and layer l spans [l − ½, l + ½], as the bands do.
    const cols = recs.length;
    const values = new Array<number>(cols * layers).fill(NaN);
    for (const d of rows) values[(d.layer - 1) * cols + d.col] = d.value;
    return {
      ...common,
      x: { label: tr(s, 'kit.axis.step'), domain: [0, cols], ticks: colTicks.map((c) => c + 0.5), tickFormat: (x: number) => String(recs[Math.floor(x)]?.step ?? '') },
      y: { label: tr(s, 'kit.axis.layerShort'), domain: [0.5, layers + 0.5], ticks: layerTicks, tickFormat: 'd' },
      marks: [Plot.raster(values, { width: cols, height: layers, x1: 0, x2: cols, y1: 0.5, y2: layers + 0.5, imageRendering: 'pixelated' })],
    };
  }
  return {
    ...common,
    padding: 0,
    x: { label: tr(s, 'kit.axis.step'), type: 'band', ticks: colTicks, tickFormat: (c: number) => String(recs[c]?.step ?? '') },
    y: { label: tr(s, 'kit.axis.layerShort'), type: 'band', reverse: true, ticks: layerTicks },
    marks: [Plot.cell(rows, { x: 'col', y: 'layer', fill: 'value', inset: 0 })],
  };
}

/**
 * Activation histograms of the first, middle and last hidden layer, one small multiple per
 * layer: bars now, a dashed outline at step 0. Saturation shows as mass piled in the outer bins.
 */
export function histogramChart(r: NormRun, s: Strings, theme: Theme, width = 640): PlotOptions {
  const h = r.histograms;
  const now = h?.now ?? [];
  const o = histogramsChart(
    now,
    { title: tr(s, `${K}.chart.histogram`, { norm: label(r.norm, s), layers: now.map((x) => x.layer).join(', ') }), x: tr(s, `${K}.axis.activation`), y: tr(s, 'kit.axis.layerShort') },
    theme,
    { colour: normColour(r.norm, theme), width },
  );
  // Step 0 as one continuous dashed step line per layer (outlines of 20 small rects read as noise).
  const initial = (h?.initial ?? []).flatMap((x) => {
    const total = x.bins.reduce((a, b) => a + b.count, 0) || 1;
    const pts = x.bins.map((b) => ({ layer: x.layer, x: b.x0, share: b.count / total }));
    const last = x.bins[x.bins.length - 1];
    return last ? [...pts, { layer: x.layer, x: last.x1, share: last.count / total }] : pts;
  });
  const range = h?.now[0]?.bins ?? [];
  o.height = 44 + Math.max(1, now.length) * 58;
  if (range.length) o.x = { ...(o.x as object), domain: [range[0].x0, range[range.length - 1].x1] };
  o.marks = [
    ...((o.marks as Plot.Markish[]) ?? []),
    Plot.lineY(initial, { x: 'x', y: 'share', fy: 'layer', z: 'layer', curve: 'step-after', stroke: neutral(theme).ink, strokeWidth: 1.3, strokeDasharray: '4 3', strokeOpacity: 0.8 }),
  ];
  return o;
}

const middle = (r: NormRun) => {
  const hs = r.histograms?.now ?? [];
  return hs[Math.floor((hs.length - 1) / 2)];
};

export function normSummary(runs: NormRun[], s: Strings, lang: Lang): string {
  const by = Object.fromEntries(runs.map((r) => [r.norm, r])) as Record<NormName, NormRun>;
  const vars: Record<string, string> = { step: formatNumber(Math.max(...runs.map((r) => r.step)), lang, 0) };
  for (const n of NORMS) {
    const r = by[n];
    vars[`loss_${n}`] = formatLoss(r.loss, lang);
    vars[`sat_${n}`] = formatPercent(meanSaturation(r.layers), lang);
    vars[`grow_${n}`] = formatSci(errorGrowth(r.initialLayers), lang);
  }
  const mid = runs.map(middle);
  if (mid.every((x) => x)) {
    const mid0 = runs.map((r) => r.histograms!.initial.find((x) => x.layer === middle(r)!.layer));
    const hv: Record<string, string> = { layer: formatNumber(mid[0]!.layer, lang, 0) };
    runs.forEach((r, i) => {
      hv[`out_${r.norm}`] = formatPercent(outerShare(mid[i]!), lang);
      hv[`out0_${r.norm}`] = mid0[i] ? formatPercent(outerShare(mid0[i]!), lang) : '—';
    });
    return `${tr(s, `${K}.summary`, vars)} ${tr(s, `${K}.summaryHist`, hv)}`;
  }
  return tr(s, `${K}.summary`, vars);
}

export function normTable(runs: NormRun[], s: Strings): DataTable {
  const columns = [
    tr(s, 'kit.col.layer'),
    ...runs.flatMap((r) => [tr(s, `${K}.col.error`, { norm: label(r.norm, s) }), tr(s, `${K}.col.saturated`, { norm: label(r.norm, s) })]),
    ...runs.map((r) => tr(s, `${K}.col.outer`, { norm: label(r.norm, s) })),
  ];
  const n = hidden(runs[0].layers).length;
  // The outer-bin share exists only for the histogrammed layers; the other cells stay empty.
  const outer = (r: NormRun, layer: number) => {
    const h = r.histograms?.now.find((x) => x.layer === layer);
    return h ? outerShare(h) : '';
  };
  const rows = Array.from({ length: n }, (_, i) => [
    i + 1,
    ...runs.flatMap((r) => [r.layers[i]?.deltaRms ?? NaN, r.layers[i]?.saturatedFraction ?? NaN]),
    ...runs.map((r) => outer(r, i + 1)),
  ]);
  return { columns, rows };
}
