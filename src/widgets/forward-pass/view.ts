// Everything the forward-pass figure displays, derived from a ForwardResult: the network
// diagram, the matrix view of the highlighted step, the summary and the data table.
// Shared by the build-time render and the island.
import type { Lang } from '../../i18n/index.ts';
import type { Theme } from '../charts/index.ts';
import { formatNumber } from '../kit/format.ts';
import type { PlotOptions } from '../kit/plot.ts';
import { tr, type Strings } from '../kit/strings.ts';
import type { DataTable } from '../kit/table.ts';
import { diagramChart, type DiagramEdge, type DiagramNode } from '../worked-example/diagram.ts';
import { PARAMS, paramSymbol, subscript as sub, type ForwardResult } from '../worked-example/example.ts';
import { factorText as par, fmtValue as fv, fmtWeight as fw, layerNames, vec } from '../worked-example/notation.ts';
import { isComputed, ORDER, STEPS } from './model.ts';

/** The diagram: nodes show z and a (once computed), edges show and are coloured by their weight. */
export function forwardChart(r: ForwardResult, step: number, s: Strings, theme: Theme, lang: Lang, width = 720): PlotOptions {
  const cur = step > 0 ? ORDER[step - 1] : null;
  const is = (layer: number, i: number) => cur !== null && cur.layer === layer && cur.index === i;
  const nodes: DiagramNode[] = [
    ...[0, 1].map((i) => ({ layer: 0, index: i, lines: [`x${sub(i + 1)}`, fw(r.x[i], lang)], highlight: is(0, i), pending: !isComputed(step, 0, i) })),
    ...[0, 1, 2].map((j) => {
      const done = isComputed(step, 1, j);
      return { layer: 1, index: j, lines: [`z = ${done ? fv(r.z1[j], lang) : '?'}`, `a = ${done ? fv(r.a1[j], lang) : '?'}`], highlight: is(1, j), pending: !done };
    }),
    { layer: 2, index: 0, lines: [`z = ${isComputed(step, 2, 0) ? fv(r.z2, lang) : '?'}`, `ŷ = ${isComputed(step, 2, 0) ? fv(r.a2, lang) : '?'}`], highlight: is(2, 0), pending: !isComputed(step, 2, 0) },
  ];
  const edges: DiagramEdge[] = r.net.layers.flatMap((l, li) =>
    Array.from(l.weights, (w, idx) => {
      const j = Math.floor(idx / l.inputs);
      const k = idx % l.inputs;
      return { layer: li + 1, from: k, to: j, value: w, label: fw(w, lang), highlight: is(li + 1, j) };
    }),
  );
  return diagramChart([2, 3, 1], nodes, edges, { title: tr(s, 'widget.forwardPass.chart'), layers: layerNames(s) }, theme, { width, valueDomain: Math.max(1, ...edges.map((e) => Math.abs(e.value))) });
}

/** One block of the matrix view: W · input + b = z, then a = sigma(z), as formatted cells. */
export interface MatrixBlock {
  layer: 1 | 2;
  W: string[][];
  input: string[];
  b: string[];
  z: string[];
  a: string[];
  /** Row being computed (hidden or output unit), or null. */
  row: number | null;
  /** Input entry being read (input steps), or null. */
  col: number | null;
}

export interface MatrixView {
  blocks: MatrixBlock[];
  /** The highlighted step written out, e.g. "z¹₁ = 0,5 · 1 + (−0,4) · 0,5 + 0,1 = 0,4", or null for the overview. */
  line: string | null;
}

export function matrixView(r: ForwardResult, step: number, lang: Lang): MatrixView {
  const cur = step > 0 ? ORDER[step - 1] : null;
  const [L1, L2] = r.net.layers;
  const known = (layer: number, i: number, x: number) => (isComputed(step, layer, i) ? fv(x, lang) : '?');
  const b1: MatrixBlock = {
    layer: 1,
    W: [0, 1, 2].map((j) => [0, 1].map((k) => fw(L1.weights[j * 2 + k], lang))),
    input: r.x.map((x) => fw(x, lang)),
    b: Array.from(L1.biases, (b) => fw(b, lang)),
    z: r.z1.map((z, j) => known(1, j, z)),
    a: r.a1.map((a, j) => known(1, j, a)),
    row: cur?.layer === 1 ? cur.index : null,
    col: cur?.layer === 0 ? cur.index : null,
  };
  const b2: MatrixBlock = {
    layer: 2,
    W: [[0, 1, 2].map((k) => fw(L2.weights[k], lang))],
    input: r.a1.map((a, j) => known(1, j, a)),
    b: [fw(L2.biases[0], lang)],
    z: [known(2, 0, r.z2)],
    a: [known(2, 0, r.a2)],
    row: cur?.layer === 2 ? 0 : null,
    col: null,
  };
  let blocks: MatrixBlock[] = [b1, b2];
  let line: string | null = null;
  if (cur?.layer === 0) {
    blocks = [b1];
    line = `a⁰${sub(cur.index + 1)} = x${sub(cur.index + 1)} = ${fw(r.x[cur.index], lang)}`;
  } else if (cur?.layer === 1) {
    blocks = [b1];
    const j = cur.index;
    const terms = [0, 1].map((k) => `${par(fw(L1.weights[j * 2 + k], lang))} · ${par(fw(r.x[k], lang))}`);
    line = `z¹${sub(j + 1)} = ${terms.join(' + ')} + ${par(fw(L1.biases[j], lang))} = ${fv(r.z1[j], lang)};  a¹${sub(j + 1)} = σ(${fv(r.z1[j], lang)}) = ${fv(r.a1[j], lang)}`;
  } else if (cur?.layer === 2) {
    blocks = [b2];
    const terms = [0, 1, 2].map((k) => `${par(fw(L2.weights[k], lang))} · ${fv(r.a1[k], lang)}`);
    line = `z² = ${terms.join(' + ')} + ${par(fw(L2.biases[0], lang))} = ${fv(r.z2, lang)};  ŷ = σ(${fv(r.z2, lang)}) = ${fv(r.a2, lang)}`;
  }
  return { blocks, line };
}

/** "Step 3 of 6: hidden unit 1" (or the overview label at step 0). */
export function stepLabel(step: number, s: Strings, lang: Lang): string {
  if (step === 0) return tr(s, 'widget.forwardPass.step.all');
  const o = ORDER[step - 1];
  const what = tr(s, `widget.workedExample.node.${o.layer}`, { i: o.index + 1 });
  return tr(s, 'widget.workedExample.step.of', { step: formatNumber(step, lang, 0), total: formatNumber(STEPS, lang, 0), what });
}

export function forwardSummary(r: ForwardResult, step: number, s: Strings, lang: Lang): string {
  const main = tr(s, 'widget.forwardPass.summary', {
    x: vec(r.x, lang, fw),
    z1: vec(r.z1, lang),
    a1: vec(r.a1, lang),
    z2: fv(r.z2, lang),
    y: fv(r.a2, lang),
  });
  const sat = r.z1.map((z, j) => (Math.abs(z) >= 4 ? j + 1 : 0)).filter((j) => j > 0);
  const satText = sat.length ? ' ' + tr(s, 'widget.forwardPass.saturated', { units: sat.map((j) => `a¹${sub(j)}`).join(', ') }) : '';
  if (step === 0) return main + satText;
  const mv = matrixView(r, step, lang);
  return `${stepLabel(step, s, lang)}: ${mv.line}. ${main}${satText}`;
}

export function forwardTable(r: ForwardResult, v: Record<string, unknown>, s: Strings): DataTable {
  const c = (k: string) => tr(s, `widget.forwardPass.col.${k}`);
  const rows: (string | number)[][] = [
    ...[0, 1].map((i) => [`x${sub(i + 1)}`, '', r.x[i], '']),
    ...[0, 1, 2].map((j) => [`a¹${sub(j + 1)}`, r.z1[j], r.a1[j], r.d1[j]]),
    ['ŷ = a²', r.z2, r.a2, r.d2],
    ...PARAMS.map((p) => [paramSymbol(p), '', Number(v[p.key]), '']),
  ];
  return { columns: [c('name'), 'z', c('value'), "σ′(z)"], rows };
}
