// Everything the race displays, from two NetViews: the per-layer charts (weight gradient,
// backpropagated error and drift, now and at the start), the loss chart, the summary and
// the data table.
import type { PlotOptions } from '@observablehq/plot';
import type { Lang } from '../../i18n/index.ts';
import { activationColour, curvesChart, perLayerChart, type Theme } from '../charts/index.ts';
import { formatNumber, formatSci } from '../kit/format.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { LN2, errorRms, formatLoss, gradNorms, netSeries, profileSentence, thinLosses } from '../series/index.ts';
import type { RaceNet } from './model.ts';

const name = (s: Strings, n: RaceNet) => tr(s, `kit.act.${n.activation}`);
const height = (width: number) => Math.max(240, Math.round(width * 0.5));

function profiles(nets: RaceNet[], s: Strings, theme: Theme, values: (l: RaceNet['layers']) => number[]) {
  return netSeries(nets.map((n) => ({ name: name(s, n), colour: activationColour(n.activation, theme), now: values(n.layers), start: values(n.initialLayers), step: n.step })), s);
}

export function layersChart(nets: RaceNet[], s: Strings, theme: Theme, width = 640): PlotOptions {
  return perLayerChart(profiles(nets, s, theme, gradNorms), { title: tr(s, 'widget.introRace.chart.layers'), x: tr(s, 'series.axis.layer'), y: tr(s, 'kit.axis.gradNorm') }, theme, { width, height: height(width), labels: 'spread' });
}

export function errorChart(nets: RaceNet[], s: Strings, theme: Theme, width = 640): PlotOptions {
  return perLayerChart(profiles(nets, s, theme, errorRms), { title: tr(s, 'widget.introRace.chart.error'), x: tr(s, 'series.axis.layer'), y: tr(s, 'series.axis.error') }, theme, { width, height: height(width), labels: 'spread' });
}

export function driftChart(nets: RaceNet[], s: Strings, theme: Theme, width = 640): PlotOptions {
  return perLayerChart(
    nets.map((n) => ({ key: n.activation, label: name(s, n), colour: activationColour(n.activation, theme), values: n.records.at(-1)?.drift ?? [] })),
    { title: tr(s, 'widget.introRace.chart.drift'), x: tr(s, 'series.axis.layer'), y: tr(s, 'series.axis.drift') },
    theme,
    { width, height: height(width), labels: 'spread', empty: tr(s, 'series.driftEmpty') },
  );
}

export function lossChart(nets: RaceNet[], s: Strings, theme: Theme, width = 640): PlotOptions {
  return curvesChart(
    nets.map((net) => ({ key: net.activation, label: name(s, net), colour: activationColour(net.activation, theme), points: thinLosses(net.losses, net.initialLoss) })),
    { title: tr(s, 'widget.introRace.chart.loss'), x: tr(s, 'kit.axis.step'), y: tr(s, 'kit.axis.loss') },
    theme,
    { width, height: 220, zero: true, minStep: 100, references: [{ value: LN2, label: tr(s, 'series.chance') }] },
  );
}

/** What one network's profile shows, as a clause naming the phenomenon. */
function netPart(net: RaceNet, s: Strings, lang: Lang): string {
  const d = profileSentence({ step: net.step, loss: net.loss, layers: net.layers, start: net.initialLayers, diverged: net.diverged }, s, lang);
  return tr(s, 'widget.introRace.summaryNet', { net: name(s, net), diagnosis: d.text });
}

export function raceSummary(nets: RaceNet[], depth: number, s: Strings, lang: Lang): string {
  const [sig, relu] = nets;
  if (!sig?.layers.length || !relu?.layers.length) return '';
  if (sig.step === 0)
    return tr(s, 'widget.introRace.summaryStart', {
      depth: formatNumber(depth, lang, 0),
      sig: formatSci(sig.layers[0].weightGradNorm / sig.layers.at(-1)!.weightGradNorm, lang),
      relu: formatSci(relu.layers[0].weightGradNorm / relu.layers.at(-1)!.weightGradNorm, lang),
    });
  const d1 = (n: RaceNet) => n.records.at(-1)?.drift?.[0];
  const drift = d1(sig) !== undefined && d1(relu) !== undefined ? tr(s, 'widget.introRace.driftBoth', { sig: formatSci(d1(sig)!, lang), relu: formatSci(d1(relu)!, lang) }) : '';
  return tr(s, 'widget.introRace.summary2', {
    step: formatNumber(sig.step, lang, 0),
    sig: netPart(sig, s, lang),
    relu: netPart(relu, s, lang),
    drift,
    lossSig: formatLoss(sig.loss, lang),
    lossRelu: formatLoss(relu.loss, lang),
  }).replace(/\s+/g, ' ').trim();
}

export function raceTable(nets: RaceNet[], s: Strings): DataTable {
  const [sig, relu] = nets;
  const columns = [
    tr(s, 'kit.col.layer'),
    tr(s, 'widget.introRace.colNow', { net: name(s, sig) }),
    tr(s, 'widget.introRace.colNow', { net: name(s, relu) }),
    tr(s, 'widget.introRace.colStart', { net: name(s, sig) }),
    tr(s, 'widget.introRace.colStart', { net: name(s, relu) }),
    `${name(s, sig)}: ${tr(s, 'series.col.error')}`,
    `${name(s, relu)}: ${tr(s, 'series.col.error')}`,
    `${name(s, sig)}: ${tr(s, 'series.col.drift')}`,
    `${name(s, relu)}: ${tr(s, 'series.col.drift')}`,
  ];
  const dr = (n: RaceNet, i: number) => n.records.at(-1)?.drift?.[i] ?? NaN;
  const rows = sig.layers.map((l, i) => [i + 1, l.weightGradNorm, relu.layers[i]?.weightGradNorm ?? NaN, sig.initialLayers[i]?.weightGradNorm ?? NaN, relu.initialLayers[i]?.weightGradNorm ?? NaN, l.deltaRms, relu.layers[i]?.deltaRms ?? NaN, dr(sig, i), dr(relu, i)]);
  return { columns, rows };
}
