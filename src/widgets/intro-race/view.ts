// Everything the race displays, from two NetViews: the per-layer chart (now and at the
// start), the loss chart, the summary and the data table.
import * as Plot from '@observablehq/plot';
import type { Lang } from '../../i18n/index.ts';
import { activationColour, curvesChart, logAxis, neutral, type Theme } from '../charts/index.ts';
import { formatNumber, formatSci } from '../kit/format.ts';
import type { PlotOptions } from '../kit/plot.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { firstToLast, gradNorms, isStuck, type NetView } from './model.ts';

/**
 * Gradient norms of a deep sigmoid net reach 10⁻¹⁹ at depth 20; the kit's per-layer chart
 * floors values at 10⁻¹², so this figure draws its own with a far lower floor.
 */
export const FLOOR = 1e-30;
const safe = (x: number) => (Number.isFinite(x) && x > FLOOR ? x : FLOOR);

export function layersChart(nets: NetView[], s: Strings, theme: Theme, width = 640): PlotOptions {
  const n = neutral(theme);
  const marks: Plot.Markish[] = [];
  const all: number[] = [];
  for (const net of nets) {
    const colour = activationColour(net.activation, theme);
    const start = gradNorms(net.startLayers).map((v, i) => ({ layer: i + 1, value: safe(v) }));
    const now = gradNorms(net.layers).map((v, i) => ({ layer: i + 1, value: safe(v) }));
    all.push(...start.map((r) => r.value), ...now.map((r) => r.value));
    if (net.step > 0) marks.push(Plot.line(start, { x: 'layer', y: 'value', stroke: colour, strokeWidth: 1.8, strokeDasharray: '5 4', strokeOpacity: 0.9 }));
    marks.push(Plot.line(now, { x: 'layer', y: 'value', stroke: colour, strokeWidth: 2.5 }));
    marks.push(Plot.dot(now, { x: 'layer', y: 'value', fill: colour, r: 3.5 }));
    const last = now.at(-1);
    if (last) marks.push(Plot.text([last], { x: 'layer', y: 'value', text: () => tr(s, `kit.act.${net.activation}`), fill: colour, textAnchor: 'start', dx: 8, fontWeight: 700 }));
  }
  const layers = Math.max(2, ...nets.map((x) => x.layers.length));
  const y = logAxis(tr(s, 'kit.axis.gradNorm'), all, FLOOR);
  return {
    width,
    height: Math.max(260, Math.round(width * 0.55)),
    marginLeft: 56,
    marginBottom: 40,
    marginRight: 78,
    marginTop: 24,
    style: { fontSize: '12px', background: 'transparent', color: n.ink, overflow: 'visible' },
    ariaLabel: tr(s, 'widget.introRace.chart.layers'),
    x: { label: tr(s, 'kit.axis.layer'), domain: [1, layers], ticks: Math.min(layers, width < 520 ? 6 : 10), tickFormat: 'd', grid: true },
    y,
    marks,
  };
}

/** At most ~300 points per loss curve: enough for the eye, cheap to redraw. */
export function thin(losses: number[], initial: number): { step: number; value: number }[] {
  const stride = Math.max(1, Math.ceil(losses.length / 300));
  const out = [{ step: 0, value: initial }];
  for (let i = stride - 1; i < losses.length; i += stride) out.push({ step: i + 1, value: losses[i] });
  if (losses.length && out.at(-1)!.step !== losses.length) out.push({ step: losses.length, value: losses[losses.length - 1] });
  return out;
}

export function lossChart(nets: NetView[], s: Strings, theme: Theme, width = 640): PlotOptions {
  return curvesChart(
    nets.map((net) => ({ key: net.activation, label: tr(s, `kit.act.${net.activation}`), colour: activationColour(net.activation, theme), points: thin(net.losses, net.initialLoss) })),
    { title: tr(s, 'widget.introRace.chart.loss'), x: tr(s, 'kit.axis.step'), y: tr(s, 'kit.axis.loss') },
    theme,
    { width, height: 210 },
  );
}

/** How one network is doing, in words with numbers. */
function netPart(net: NetView, s: Strings, lang: Lang): string {
  if (isStuck(net.loss, net.step)) {
    const max = Math.max(...gradNorms(net.layers));
    return tr(s, 'widget.introRace.stuck', { loss: formatNumber(net.loss, lang, 3), max: formatSci(max, lang) });
  }
  return tr(s, 'widget.introRace.ratio', { ratio: formatSci(firstToLast(net.layers), lang) });
}

export function raceSummary(nets: NetView[], depth: number, s: Strings, lang: Lang): string {
  const [sig, relu] = nets;
  if (!sig?.layers.length || !relu?.layers.length) return '';
  if (sig.step === 0)
    return tr(s, 'widget.introRace.summaryStart', {
      depth: formatNumber(depth, lang, 0),
      sig: formatSci(firstToLast(sig.layers), lang),
      relu: formatSci(firstToLast(relu.layers), lang),
    });
  return tr(s, 'widget.introRace.summary', {
    step: formatNumber(sig.step, lang, 0),
    sig: netPart(sig, s, lang),
    sig0: formatSci(firstToLast(sig.startLayers), lang),
    relu: netPart(relu, s, lang),
    relu0: formatSci(firstToLast(relu.startLayers), lang),
    lossSig: formatNumber(sig.loss, lang, 3),
    lossRelu: formatNumber(relu.loss, lang, 3),
  });
}

export function raceTable(nets: NetView[], s: Strings): DataTable {
  const [sig, relu] = nets;
  const name = (n: NetView) => tr(s, `kit.act.${n.activation}`);
  const columns = [
    tr(s, 'kit.col.layer'),
    tr(s, 'widget.introRace.colNow', { net: name(sig) }),
    tr(s, 'widget.introRace.colNow', { net: name(relu) }),
    tr(s, 'widget.introRace.colStart', { net: name(sig) }),
    tr(s, 'widget.introRace.colStart', { net: name(relu) }),
  ];
  const rows = sig.layers.map((l, i) => [i + 1, l.weightGradNorm, relu.layers[i]?.weightGradNorm ?? NaN, sig.startLayers[i]?.weightGradNorm ?? NaN, relu.startLayers[i]?.weightGradNorm ?? NaN]);
  return { columns, rows };
}
