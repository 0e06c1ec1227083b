// Everything the init explorer displays, derived from an ExplorerResult: chart options,
// the summary sentence and the data table. Shared by the build-time render and the island.
import type { Lang } from '../../i18n/index.ts';
import { histogram } from '../../lib/index.ts';
import { activationColour, histogramsChart, neutral, type LayerHistogram, type Theme } from '../charts/index.ts';
import { formatNumber, formatPercent, formatSci, formatSig } from '../kit/format.ts';
import type { PlotOptions } from '../kit/plot.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { shownLayers, type ExplorerResult } from './model.ts';
import { varianceChart } from './varianceChart.ts';

export const BINS = 30;

/** What the variance chart plots per layer: E[a²] for the ReLU family (what He's recursion tracks), else Var[a]. */
export function usesMeanSquare(act: string): boolean {
  return act === 'relu' || act === 'leakyRelu';
}

/** The plotted per-layer signal, relative to the input's E[x²]. */
export function signalRatio(r: ExplorerResult): number[] {
  if (usesMeanSquare(r.activation)) return r.ratio;
  return r.stats.map((s) => (s.activationStd * s.activationStd) / r.inputMeanSquare);
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

export interface ExplorerCharts {
  variance: PlotOptions;
  activations: PlotOptions;
  gradients: PlotOptions;
}

export function explorerCharts(r: ExplorerResult, s: Strings, theme: Theme, lang: Lang, width = 640): ExplorerCharts {
  const colour = activationColour(r.activation, theme);
  const layers = shownLayers(r.depth);
  const tick = (d: number) => (d === 0 ? '0' : formatSci(d, lang, 2));
  const smallMultiples = (values: Float64Array[], symmetric: boolean, title: string, x: string, fill: string): PlotOptions => {
    const hs = layerHistograms(values, layers, symmetric);
    const o = histogramsChart(hs, { title, x, y: tr(s, 'kit.axis.layerShort') }, theme, { colour: fill, width: Math.round(width / 2) });
    // Three ticks, at the ends of the shared range and its middle: long labels like 4 × 10⁻⁵ never collide.
    const lo = hs[0].bins[0].x0;
    const hi = hs[0].bins[hs[0].bins.length - 1].x1;
    const ticks = [lo, (lo + hi) / 2, hi];
    // A square-root height scale, so that a bin with 2% of the values still shows next to ReLU's spike of zeros.
    return { ...o, marginLeft: 48, marginRight: 24, x: { ...(o.x as object), domain: [lo, hi], ticks, tickFormat: tick }, y: { axis: null, type: 'sqrt' } };
  };
  return {
    variance: varianceChart(
      signalRatio(r),
      r.theory,
      {
        title: tr(s, 'widget.initExplorer.chart.variance'),
        x: tr(s, 'widget.initExplorer.axis.layer'),
        y: tr(s, usesMeanSquare(r.activation) ? 'widget.initExplorer.axis.meanSquare' : 'widget.initExplorer.axis.variance'),
        measured: tr(s, 'widget.initExplorer.measured'),
        theory: tr(s, 'widget.initExplorer.theory'),
        allZero: tr(s, 'widget.initExplorer.allZero'),
      },
      theme,
      colour,
      { width, height: Math.round(width * 0.42) },
    ),
    activations: smallMultiples(r.activations, false, tr(s, 'widget.initExplorer.chart.activations'), tr(s, 'widget.initExplorer.axis.activation'), colour),
    gradients: smallMultiples(r.weightGrads, true, tr(s, 'widget.initExplorer.chart.gradients'), tr(s, 'widget.initExplorer.axis.gradient'), neutral(theme).accent),
  };
}

const SUP: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
const sup = (k: number) => String(k).replace(/[-0-9]/g, (c) => SUP[c]);

/** The theory's r^L written out: 2⁻³⁰ ≈ 9,3 × 10⁻¹⁰ when r is a power of two, else 0,01³⁰ ≈ 10⁻⁶⁰. */
export function theoryPower(r: number, L: number, lang: Lang): string {
  const value = r ** L;
  if (r === 1) return '1';
  const k = Math.log2(r);
  const base = Math.abs(k - Math.round(k)) < 1e-9 ? `2${sup(Math.round(k) * L)}` : `${formatSig(r, lang, 3)}${sup(L)}`;
  return `${base} ≈ ${formatSci(value, lang)}`;
}

/** Weight-gradient norm of the first hidden layer over the last hidden layer's. */
export function gradientRatio(r: ExplorerResult): number {
  return r.stats[0].weightGradNorm / r.stats[r.depth - 1].weightGradNorm;
}

export function explorerSummary(r: ExplorerResult, s: Strings, lang: Lang): string {
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
    r.theory && r.perLayer !== null
      ? tr(s, 'widget.initExplorer.summary.theory', { act, init, depth: L, theory: theoryPower(r.perLayer, L, lang), factor: formatSig(r.perLayer, lang, 3), measured })
      : tr(s, 'widget.initExplorer.summary.noTheory', { act, init, depth: L, measured });
  const grad = tr(s, 'widget.initExplorer.summary.gradients', { ratio: formatSci(gradientRatio(r), lang) });
  const health =
    r.activation === 'relu'
      ? tr(s, 'widget.initExplorer.summary.dead', { dead: formatPercent(last.deadFraction, lang) })
      : r.activation === 'leakyRelu'
        ? ''
        : tr(s, 'widget.initExplorer.summary.saturated', { sat: formatPercent(last.saturatedFraction, lang) });
  return [first, grad, health].filter(Boolean).join(' ');
}

export function explorerTable(r: ExplorerResult, s: Strings): DataTable {
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
    r.theory ? r.theory[i] : '',
    st.activationMean,
    st.activationStd,
    st.weightGradNorm,
    r.activation === 'relu' ? st.deadFraction : st.saturatedFraction,
  ]);
  return { columns, rows };
}
