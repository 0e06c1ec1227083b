// What the chain-of-derivatives figure displays: a log-axis chart of the best case per
// depth, the printed value at the chosen depth, the summary and the data table.
import * as Plot from '@observablehq/plot';
import type { Lang } from '../../i18n/index.ts';
import { activationColour, neutral, type Theme } from '../charts/index.ts';
import { formatNumber, formatPow10, formatSci, superscript } from '../kit/format.ts';
import type { PlotOptions } from '../kit/plot.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { CHAIN_SCHEMA, SIGMOID_FACTOR, chainAt, chainRows, type ChainValues } from './model.ts';
import { SURFACES } from '../theme.ts';

/** "0,25¹⁰ ≈ 9,5 × 10⁻⁷" (es) or "0.25¹⁰ ≈ 9.5 × 10⁻⁷" (en). */
export function powerText(n: number, lang: Lang): { base: string; exp: string; value: string } {
  return { base: formatNumber(SIGMOID_FACTOR, lang, 2), exp: superscript(n), value: formatSci(chainAt(n).sigmoid, lang, 2) };
}

/** Log axis from 10^0 down past the deepest value, labelled every three decades. */
function yAxis(label: string) {
  const lo = Math.floor(Math.log10(chainAt(CHAIN_SCHEMA.depth.max).sigmoid)) - 1;
  const ticks: number[] = [];
  for (let e = 0; e >= lo; e -= 3) ticks.push(10 ** e);
  return { type: 'log' as const, label, domain: [10 ** lo, 10 ** 1.3], ticks, tickFormat: formatPow10, grid: true };
}

export function chainChart(v: ChainValues, s: Strings, lang: Lang, theme: Theme, width = 640): PlotOptions {
  const n = neutral(theme);
  const rows = chainRows();
  const sig = activationColour('sigmoid', theme);
  const th = activationColour('tanh', theme);
  const relu = activationColour('relu', theme);
  const here = chainAt(v.depth);
  const p = powerText(v.depth, lang);
  const right = v.depth <= 18;
  const maxN = CHAIN_SCHEMA.depth.max;
  return {
    width,
    height: Math.max(260, Math.round(width * 0.55)),
    marginLeft: 56,
    marginBottom: 40,
    marginRight: 16,
    marginTop: 20,
    style: { fontSize: '12px', background: 'transparent', color: SURFACES[theme].ink, overflow: 'visible' },
    ariaLabel: tr(s, 'widget.derivativeChain.chart'),
    x: { label: tr(s, 'widget.derivativeChain.axisX'), domain: [CHAIN_SCHEMA.depth.min, maxN], ticks: width < 520 ? 5 : 10, tickFormat: 'd', grid: true },
    y: yAxis(tr(s, 'widget.derivativeChain.axisY')),
    marks: [
      Plot.ruleX([v.depth], { stroke: n.muted, strokeDasharray: '2 3' }),
      // tanh and ReLU lie on the same line: a wide tanh band under a dashed ReLU line keeps both visible.
      Plot.line(rows, { x: 'n', y: 'tanh', stroke: th, strokeWidth: 6, strokeOpacity: 0.85 }),
      Plot.line(rows, { x: 'n', y: 'relu', stroke: relu, strokeWidth: 2.5, strokeDasharray: '8 6' }),
      // Both labels at the right, where the sigmoid line is far below: tanh above the line, ReLU under it.
      Plot.text([{ n: maxN, y: 1 }], { x: 'n', y: 'y', text: () => tr(s, 'widget.derivativeChain.tanhLabel'), fill: th, textAnchor: 'end', dy: -13, fontWeight: 700 }),
      Plot.text([{ n: maxN, y: 1 }], { x: 'n', y: 'y', text: () => tr(s, 'widget.derivativeChain.reluLabel'), fill: relu, textAnchor: 'end', dy: 15, fontWeight: 700 }),
      Plot.line(rows, { x: 'n', y: 'sigmoid', stroke: sig, strokeWidth: 2.5 }),
      Plot.dot(rows, { x: 'n', y: 'sigmoid', fill: sig, r: 2.5 }),
      Plot.text([rows[Math.round(maxN * 0.55)]], { x: 'n', y: 'sigmoid', text: () => tr(s, 'widget.derivativeChain.sigmoidLabel', { factor: p.base }), fill: sig, textAnchor: 'end', dx: -14, dy: 12, fontWeight: 600 }),
      Plot.dot([here], { x: 'n', y: 'sigmoid', r: 6, fill: sig, stroke: neutral(theme).surface, strokeWidth: 1.5 }),
      Plot.text([here], { x: 'n', y: 'sigmoid', text: () => `${p.base}${p.exp} ≈ ${p.value}`, fill: n.ink, textAnchor: right ? 'start' : 'end', dx: right ? 10 : -10, dy: right ? 4 : 14, fontWeight: 700, fontSize: 13 }),
    ],
  };
}

/** The caption, with the sigmoid's factor filled in from the library. */
export function chainCaption(s: Strings, lang: Lang): string {
  return tr(s, 'widget.derivativeChain.caption', { factor: formatNumber(SIGMOID_FACTOR, lang, 2) });
}

export function chainSummary(v: ChainValues, s: Strings, lang: Lang): string {
  const here = chainAt(v.depth);
  const p = powerText(v.depth, lang);
  const inv = 1 / here.sigmoid;
  return tr(s, v.depth === 1 ? 'widget.derivativeChain.summaryOne' : 'widget.derivativeChain.summary', {
    n: formatNumber(v.depth, lang, 0),
    power: `${p.base}${p.exp}`,
    value: p.value,
    factor: inv < 1e9 ? formatNumber(inv, lang, 0) : formatSci(inv, lang, 2),
    tanh: formatNumber(here.tanh, lang, 0),
    relu: formatNumber(here.relu, lang, 0),
  });
}

export function chainTable(s: Strings, lang: Lang): DataTable {
  return {
    columns: [tr(s, 'widget.derivativeChain.colN'), tr(s, 'widget.derivativeChain.colSigmoid', { factor: formatNumber(SIGMOID_FACTOR, lang, 2) }), tr(s, 'widget.derivativeChain.colTanh'), tr(s, 'widget.derivativeChain.colRelu')],
    rows: chainRows().map((r) => [r.n, r.sigmoid, r.tanh, r.relu]),
  };
}
