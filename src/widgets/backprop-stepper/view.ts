// Everything the backprop stepper displays: the diagram with deltas and edge gradients
// known at a step, the written-out step, the nudge check, summary and data table.
import type { Lang } from '../../i18n/index.ts';
import type { Theme } from '../charts/index.ts';
import { formatNumber, formatSci, formatSig } from '../kit/format.ts';
import type { PlotOptions } from '../kit/plot.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { diagramChart, type DiagramEdge, type DiagramNode } from '../worked-example/diagram.ts';
import { PARAMS, paramSymbol, subscript as sub } from '../worked-example/example.ts';
import { factorText as par, fmtValue as fv, fmtWeight as fw, layerNames, vec } from '../worked-example/notation.ts';
import { BACK_ORDER, BACK_STEPS, deltaKnown, EPS, gradientOf, type BackpropResult, type NudgeResult } from './model.ts';

/** Deltas and gradients: three significant digits. */
const fmtGrad = (x: number, lang: Lang) => formatSig(x, lang, 3);

export function backpropChart(r: BackpropResult, step: number, s: Strings, theme: Theme, lang: Lang, width = 720): PlotOptions {
  const cur = step > 0 ? BACK_ORDER[step - 1] : null;
  const is = (layer: number, i: number) => cur !== null && cur.layer === layer && cur.index === i;
  const d = (layer: number, i: number, x: number) => (deltaKnown(step, layer, i) ? fmtGrad(x, lang) : '?');
  const nodes: DiagramNode[] = [
    ...[0, 1].map((i) => ({ layer: 0, index: i, lines: [`x${sub(i + 1)}`, fw(r.fwd.x[i], lang)] })),
    ...[0, 1, 2].map((j) => ({ layer: 1, index: j, lines: [`a = ${fv(r.fwd.a1[j], lang)}`, `δ = ${d(1, j, r.delta1[j])}`], highlight: is(1, j), pending: !deltaKnown(step, 1, j) })),
    { layer: 2, index: 0, lines: [`ŷ = ${fv(r.fwd.a2, lang)}`, `δ = ${d(2, 0, r.delta2)}`], highlight: is(2, 0), pending: !deltaKnown(step, 2, 0) },
  ];
  const edges: DiagramEdge[] = [
    ...[0, 1, 2].flatMap((j) => [0, 1].map((k) => ({ layer: 1, from: k, to: j, value: r.gW1[j * 2 + k], known: deltaKnown(step, 1, j), cur: is(1, j) }))),
    ...[0, 1, 2].map((k) => ({ layer: 2, from: k, to: 0, value: r.gW2[k], known: deltaKnown(step, 2, 0), cur: is(2, 0) })),
  ].map((e) => ({ layer: e.layer, from: e.from, to: e.to, value: e.value, label: e.known ? fmtGrad(e.value, lang) : undefined, pending: !e.known, highlight: e.cur }));
  const dom = Math.max(...edges.map((e) => Math.abs(e.value)));
  return diagramChart([2, 3, 1], nodes, edges, { title: tr(s, 'widget.backpropStepper.chart'), layers: layerNames(s) }, theme, { width, valueDomain: dom });
}

/** The current step written out with its numbers: the delta, then the gradients it gives. */
export function stepLines(r: BackpropResult, step: number, lang: Lang): string[] {
  if (step === 0) return [`C = (ŷ − y)² = (${fv(r.fwd.a2, lang)} − ${fw(r.y, lang)})² = ${formatNumber(r.loss, lang, 4)}`];
  const o = BACK_ORDER[step - 1];
  if (o.layer === 2)
    return [
      `δ² = 2(ŷ − y) · σ′(z²) = ${fmtGrad(r.dCda, lang)} · ${fv(r.fwd.d2, lang)} = ${fmtGrad(r.delta2, lang)}`,
      `∂C/∂w²ₖ = δ² · a¹ₖ = ${vec(r.gW2, lang, fmtGrad)};  ∂C/∂b² = δ² = ${fmtGrad(r.gb2, lang)}`,
    ];
  const j = o.index;
  const J = sub(j + 1);
  return [
    `δ¹${J} = w²${J} · δ² · σ′(z¹${J}) = ${par(fw(r.fwd.net.layers[1].weights[j], lang))} · ${par(fmtGrad(r.delta2, lang))} · ${fv(r.fwd.d1[j], lang)} = ${fmtGrad(r.delta1[j], lang)}`,
    `∂C/∂w¹${J}ₖ = δ¹${J} · xₖ = ${vec([r.gW1[j * 2], r.gW1[j * 2 + 1]], lang, fmtGrad)};  ∂C/∂b¹${J} = δ¹${J} = ${fmtGrad(r.gb1[j], lang)}`,
  ];
}

export function stepLabel(step: number, s: Strings, lang: Lang): string {
  if (step === 0) return tr(s, 'widget.backpropStepper.step.start');
  const o = BACK_ORDER[step - 1];
  const what = o.layer === 2 ? tr(s, 'widget.workedExample.node.2') : tr(s, 'widget.workedExample.node.1', { i: o.index + 1 });
  return tr(s, 'widget.workedExample.step.of', { step: formatNumber(step, lang, 0), total: formatNumber(BACK_STEPS, lang, 0), what });
}

/** How many significant digits two numbers share (by relative difference), for the nudge verdict. */
export function agreeingDigits(a: number, b: number): number {
  const rel = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);
  return rel === 0 ? 15 : Math.max(0, Math.floor(-Math.log10(rel)));
}

export function nudgeRows(n: NudgeResult, s: Strings, lang: Lang): [string, string][] {
  const p = PARAMS.find((q) => q.key === n.key)!;
  const name = paramSymbol(p);
  const eps = formatNumber(EPS, lang, 3);
  return [
    [tr(s, 'widget.backpropStepper.nudge.before', { name }), formatNumber(n.before, lang, 6)],
    [tr(s, 'widget.backpropStepper.nudge.after', { name, eps }), formatNumber(n.after, lang, 6)],
    [tr(s, 'widget.backpropStepper.nudge.change'), formatSci(n.after - n.before, lang, 2)],
    [tr(s, 'widget.backpropStepper.nudge.measured', { eps }), formatSig(n.forward, lang, 4)],
    [tr(s, 'widget.backpropStepper.nudge.analytic', { name }), formatSig(n.analytic, lang, 4)],
    [tr(s, 'widget.backpropStepper.nudge.central', { eps }), formatSig(n.central, lang, 4)],
  ];
}

export function nudgeVerdict(n: NudgeResult, s: Strings, lang: Lang): string {
  return tr(s, 'widget.backpropStepper.nudge.verdict', {
    measured: formatSig(n.forward, lang, 4),
    analytic: formatSig(n.analytic, lang, 4),
    digits: formatNumber(agreeingDigits(n.forward, n.analytic), lang, 0),
    central: formatNumber(agreeingDigits(n.central, n.analytic), lang, 0),
  });
}

export function backpropSummary(r: BackpropResult, step: number, s: Strings, lang: Lang): string {
  const main = tr(s, 'widget.backpropStepper.summary', {
    y: fv(r.fwd.a2, lang),
    target: fw(r.y, lang),
    loss: formatNumber(r.loss, lang, 3),
    d2: fmtGrad(r.delta2, lang),
    d1: vec(r.delta1, lang, fmtGrad),
    ratio: formatNumber(r.normRatio, lang, 1),
  });
  return step === 0 ? main : `${stepLabel(step, s, lang)}: ${stepLines(r, step, lang).join('; ')}. ${main}`;
}

export function backpropTable(r: BackpropResult, s: Strings): DataTable {
  const c = (k: string) => tr(s, `widget.backpropStepper.col.${k}`);
  const rows: (string | number)[][] = [
    ['ŷ = a²', r.fwd.a2, r.delta2],
    ...[0, 1, 2].map((j) => [`a¹${sub(j + 1)}`, r.fwd.a1[j], r.delta1[j]]),
    ...PARAMS.map((p) => [paramSymbol(p), Number(r.fwd.net.layers[p.layer - 1][p.kind === 'w' ? 'weights' : 'biases'][p.kind === 'w' ? p.j * (p.layer === 1 ? 2 : 3) + p.k : p.j]), gradientOf(r, p)]),
  ];
  return { columns: [c('name'), c('value'), c('gradient')], rows };
}
