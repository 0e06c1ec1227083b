// Everything the init explorer displays, derived from an InitExplorerResult: chart options,
// the summary sentence and the data table. Shared by the build-time render and the island.
import type { Lang } from '../../i18n/index.ts';
import { histogram } from '../../lib/index.ts';
import * as Plot from '@observablehq/plot';
import { activationColour, histogramsChart, neutral, perLayerChart, type LayerHistogram, type Theme } from '../charts/index.ts';
import { formatNumber, formatPercent, formatSci, formatSig, superscript as sup } from '../kit/format.ts';
import type { PlotOptions } from '../kit/plot.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { MAX_SHOWN, shownLayers, type InitExplorerResult } from './model.ts';

export const BINS = 30;

/** What the variance chart plots per layer: E[a²] for the ReLU family (what He's recursion tracks), else Var[a]. */
export function usesMeanSquare(act: string): boolean {
  return act === 'relu' || act === 'leakyRelu';
}

/** The plotted per-layer signal, relative to the input's E[x²]. */
export function signalRatio(r: InitExplorerResult): number[] {
  if (usesMeanSquare(r.activation)) return r.ratio;
  return r.stats.map((s) => (s.activationStd * s.activationStd) / r.inputMeanSquare);
}

/** The largest |value| of each given layer (1-based): the scale each gradient row is drawn at. */
export function layerScales(values: Float64Array[], layers: number[]): number[] {
  return layers.map((l) => {
    let m = 0;
    const v = values[l - 1];
    for (let i = 0; i < v.length; i++) if (Number.isFinite(v[i]) && Math.abs(v[i]) > m) m = Math.abs(v[i]);
    return m;
  });
}

/**
 * Each layer's values divided by that layer's largest |value|, so every row of the gradient
 * histograms uses its whole width: on one shared scale a network whose gradients span ten
 * decades shows its deep layers as single spikes. The rows say their scale.
 */
export function perLayerScaled(values: Float64Array[], layers: number[]): Float64Array[] {
  const scales = layerScales(values, layers);
  const out = values.slice();
  layers.forEach((l, i) => {
    const m = scales[i] || 1;
    out[l - 1] = values[l - 1].map((x) => x / m);
  });
  return out;
}

/** Histograms of the given per-layer values over one shared range, for the layers in `layers` (1-based). */
export function layerHistograms(values: Float64Array[], layers: number[], symmetric: boolean): LayerHistogram[] {
  let lo = Infinity, hi = -Infinity;
  for (const l of layers) {
    const v = values[l - 1];
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (!Number.isFinite(x)) continue;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
  }
  if (lo === Infinity) { lo = -1; hi = 1; }
  if (symmetric) {
    const m = Math.max(Math.abs(lo), Math.abs(hi));
    lo = -m;
    hi = m;
  }
  return layers.map((layer) => {
    const h = histogram(values[layer - 1], { bins: BINS, min: lo, max: hi });
    return { layer, bins: Array.from(h.counts, (count, i) => ({ x0: h.edges[i], x1: h.edges[i + 1], count })) };
  });
}

export interface InitExplorerCharts {
  variance: PlotOptions;
  activations: PlotOptions;
  gradients: PlotOptions;
}

/** The variance chart at the width it has on screen. */
export function varianceOptions(r: InitExplorerResult, s: Strings, theme: Theme, width = 640): PlotOptions {
  const measured = signalRatio(r);
  const theory = r.theoryApplies ? r.theory : null;
  const colour = activationColour(r.activation, theme);
  // Layer 0 is the input, where the ratio is 1 by definition. perLayerChart's log axis
  // follows the data over any number of decades ("too small" reaches 10⁻⁹⁰ at depth 50).
  const allZero = measured.every((v) => !(v > 0));
  return perLayerChart(
    [{ key: 'measured', label: tr(s, 'widget.initExplorer.measured'), colour, values: allZero ? [] : [1, ...measured] }],
    {
      title: tr(s, 'widget.initExplorer.chart.variance'),
      x: tr(s, 'widget.initExplorer.axis.layer'),
      y: tr(s, usesMeanSquare(r.activation) ? 'widget.initExplorer.axis.meanSquare' : 'widget.initExplorer.axis.variance'),
      envelope: theory ? tr(s, 'widget.initExplorer.theory') : undefined,
    },
    theme,
    { width, height: Math.round(Math.max(220, width * 0.42)), firstLayer: 0, envelope: theory ? [1, ...theory] : undefined, rule: 1, labels: 'spread', empty: allZero ? tr(s, 'widget.initExplorer.allZero') : undefined },
  );
}

/**
 * One panel of small multiples, at the width it has on screen: the activations on one
 * shared range, or the weight gradients with each layer at its own scale. `compact` (the
 * live island) draws each row's bars as one path, the same shapes as the build-time rects.
 */
export function histogramOptions(kind: 'activations' | 'gradients', r: InitExplorerResult, s: Strings, theme: Theme, lang: Lang, width = 320, compact = false): PlotOptions {
  const layers = shownLayers(r.depth);
  const tick = (d: number) => (d === 0 ? '0' : formatSci(d, lang, 2));
  const gradients = kind === 'gradients';
  const scales = gradients ? layerScales(r.weightGrads, layers) : null;
  const values = gradients ? perLayerScaled(r.weightGrads, layers) : r.activations;
  const hs = layerHistograms(values, layers, gradients);
  const title = tr(s, `widget.initExplorer.chart.${kind}`);
  const x = tr(s, gradients ? 'widget.initExplorer.axis.gradientScaled' : 'widget.initExplorer.axis.activation');
  const fill = gradients ? neutral(theme).accent : activationColour(r.activation, theme);
  // As tall as the most layers it can show, at any depth: the depth slider never moves the page.
  const o = histogramsChart(hs, { title, x, y: tr(s, 'kit.axis.layerShort') }, theme, { colour: fill, width, compact, rows: MAX_SHOWN });
  // Three ticks, at the ends of the shared range and its middle: long labels like 4 × 10⁻⁵ never collide.
  const lo = hs[0].bins[0].x0;
  const hi = hs[0].bins[hs[0].bins.length - 1].x1;
  const ticks = [lo, (lo + hi) / 2, hi];
  const marks = scales
    ? [...(o.marks ?? []), Plot.text(layers.map((layer, i) => ({ layer, t: `×${formatSci(scales[i], lang, 2)}` })), { fy: 'layer', text: 't', frameAnchor: 'top-right', dy: 2, fontSize: 10, fill: neutral(theme).muted })]
    : o.marks;
  // A square-root height scale, so that a bin with 2% of the values still shows next to ReLU's spike of zeros.
  return { ...o, marks, marginLeft: 48, marginRight: 24, x: { ...(o.x as object), domain: [lo, hi], ticks, tickFormat: scales ? (d: number) => formatNumber(d, lang, 1) : tick }, y: { axis: null, type: 'sqrt' } };
}

/**
 * The three charts for a figure `width` wide. The two histogram panels sit side by side
 * from 640 px and stack below it (.fig-grid--pair), so each is drawn at the width it gets.
 */
export function initExplorerCharts(r: InitExplorerResult, s: Strings, theme: Theme, lang: Lang, width = 640): InitExplorerCharts {
  const panel = width >= 640 ? Math.round(width / 2) : width;
  return {
    variance: varianceOptions(r, s, theme, width),
    activations: histogramOptions('activations', r, s, theme, lang, panel),
    gradients: histogramOptions('gradients', r, s, theme, lang, panel),
  };
}

/** The theory's r^L written out: 2⁻³⁰ ≈ 9,3 × 10⁻¹⁰ when r is a power of two, else 0,01³⁰ ≈ 10⁻⁶⁰. */
export function theoryPower(r: number, L: number, lang: Lang): string {
  const value = r ** L;
  if (r === 1) return '1';
  const k = Math.log2(r);
  const base = Math.abs(k - Math.round(k)) < 1e-9 ? `2${sup(Math.round(k) * L)}` : `${formatSig(r, lang, 3)}${sup(L)}`;
  return `${base} ≈ ${formatSci(value, lang)}`;
}

/** Weight-gradient norm of the first hidden layer over the last hidden layer's. */
export function explorerGradientRatio(r: InitExplorerResult): number {
  return r.stats[0].weightGradNorm / r.stats[r.depth - 1].weightGradNorm;
}

export function initExplorerSummary(r: InitExplorerResult, s: Strings, lang: Lang): string {
  const act = tr(s, `kit.act.${r.activation}`);
  const init = tr(s, `widget.initExplorer.initShort.${r.init}`);
  const L = r.depth;
  const last = r.stats[L - 1];
  if (r.init === 'zeros') {
    const maxGrad = Math.max(...r.stats.map((x) => x.weightGradNorm));
    return tr(s, 'widget.initExplorer.summary.zeros', { value: formatNumber(r.activations[0][0], lang, 2), grad: formatNumber(maxGrad, lang, 2) });
  }
  const measured = formatSci(signalRatio(r)[L - 1], lang);
  const first =
    r.theory && r.perLayer !== null && r.theoryApplies
      ? tr(s, 'widget.initExplorer.summary.theory', { act, init, depth: L, theory: theoryPower(r.perLayer, L, lang), factor: formatSig(r.perLayer, lang, 3), measured }, lang)
      : r.perLayer !== null
        ? tr(s, 'widget.initExplorer.summary.nonlinear', { act, init, depth: L, measured, factor: formatSig(r.perLayer, lang, 3), rms: formatSig(r.firstRms, lang, 2) }, lang)
        : tr(s, 'widget.initExplorer.summary.noTheory', { act, init, depth: L, measured }, lang);
  const grad = tr(s, 'widget.initExplorer.summary.gradients', { ratio: formatSci(explorerGradientRatio(r), lang) });
  const health =
    r.activation === 'relu'
      ? tr(s, 'widget.initExplorer.summary.dead', { dead: formatPercent(last.deadFraction, lang) })
      : r.activation === 'leakyRelu'
        ? ''
        : tr(s, 'widget.initExplorer.summary.saturated', { sat: formatPercent(last.saturatedFraction, lang) });
  return [first, grad, health].filter(Boolean).join(' ');
}

export function initExplorerTable(r: InitExplorerResult, s: Strings): DataTable {
  const measured = signalRatio(r);
  const columns = [
    tr(s, 'kit.col.layer'),
    tr(s, usesMeanSquare(r.activation) ? 'widget.initExplorer.col.meanSquare' : 'widget.initExplorer.col.variance'),
    tr(s, 'widget.initExplorer.col.theory'),
    tr(s, 'kit.col.activationMean'),
    tr(s, 'kit.col.activationStd'),
    tr(s, 'kit.col.gradNorm'),
    tr(s, r.activation === 'relu' ? 'kit.col.deadFraction' : 'widget.initExplorer.col.saturated'),
  ];
  const rows = r.stats.map((st, i) => [
    i + 1,
    measured[i],
    r.theory && r.theoryApplies ? r.theory[i] : '',
    st.activationMean,
    st.activationStd,
    st.weightGradNorm,
    r.activation === 'relu' ? st.deadFraction : st.saturatedFraction,
  ]);
  return { columns, rows };
}
