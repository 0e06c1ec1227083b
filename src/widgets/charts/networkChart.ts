import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '@observablehq/plot';
import { DIVERGING_SCHEME, neutral } from './palette.ts';
import type { Theme } from '../theme.ts';

export interface NetNode {
  layer: number;
  index: number;
  /** Text shown under the node (e.g. "z=0.31 a=0.58"), already formatted. */
  label?: string;
  /** Value used for the node colour (signed). */
  value?: number;
  dead?: boolean;
  highlight?: boolean;
}

export interface NetEdge {
  layer: number; // edge goes from layer - 1 to layer
  from: number;
  to: number;
  /** Signed value colouring the edge: a weight or a gradient. */
  value: number;
  label?: string;
  highlight?: boolean;
  dead?: boolean;
}

export interface NetworkStrings {
  title: string;
  /** Column headings, one per layer ("input", "hidden 1", ...). */
  layers: string[];
}

/** Lays out columns of nodes; tall layers are centred vertically. */
function position(sizes: number[], layer: number, index: number): { x: number; y: number } {
  const maxN = Math.max(...sizes);
  const n = sizes[layer];
  return { x: layer, y: (maxN - n) / 2 + index };
}

/** A network diagram: edges coloured (and thickened) by value, nodes by value or state. */
export function networkChart(sizes: number[], nodes: NetNode[], edges: NetEdge[], s: NetworkStrings, theme: Theme, options: { width?: number; valueDomain?: number; nodeLabels?: boolean } = {}): PlotOptions {
  const width = options.width ?? 560;
  const n = neutral(theme);
  const maxN = Math.max(...sizes);
  const dom = options.valueDomain ?? Math.max(1e-9, ...edges.map((e) => Math.abs(e.value)));
  const edgeRows = edges.map((e) => {
    const a = position(sizes, e.layer - 1, e.from);
    const b = position(sizes, e.layer, e.to);
    return { ...e, x1: a.x, y1: a.y, x2: b.x, y2: b.y, mx: a.x + (b.x - a.x) * 0.62, my: a.y + (b.y - a.y) * 0.62, w: 1 + 5 * Math.min(1, Math.abs(e.value) / dom) };
  });
  const nodeRows = nodes.map((d) => ({ ...d, ...position(sizes, d.layer, d.index) }));
  const bg = n.surface;
  const marks: Plot.Markish[] = [
    // Dead edges get a flat grey of their own mark: mixing literal colours into a scaled
    // channel would send them through the colour scale too.
    Plot.link(edgeRows.filter((e) => e.dead), { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: n.dead, strokeWidth: 1, strokeOpacity: 0.5 }),
    Plot.link(edgeRows.filter((e) => !e.dead), {
      x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2',
      stroke: 'value',
      strokeWidth: (d: { w: number; highlight?: boolean }) => d.w + (d.highlight ? 2 : 0),
      strokeOpacity: 0.9,
    }),
    Plot.dot(nodeRows, {
      x: 'x', y: 'y', r: 15,
      fill: (d: NetNode) => (d.dead ? n.dead : bg),
      stroke: (d: NetNode) => (d.highlight ? n.accent : n.ink),
      strokeWidth: (d: NetNode) => (d.highlight ? 4 : 1.5),
    }),
    Plot.text(sizes.map((_, l) => ({ x: l, y: -0.9, t: s.layers[l] ?? '' })), { x: 'x', y: 'y', text: 't', fill: n.muted, fontWeight: 600 }),
  ];
  if (options.nodeLabels !== false) {
    marks.push(Plot.text(nodeRows.filter((d) => d.label), { x: 'x', y: 'y', text: 'label', fill: 'currentColor', fontSize: 10.5, lineHeight: 1.15 }));
  }
  const labelled = edgeRows.filter((e) => e.label);
  if (labelled.length)
    marks.push(Plot.text(labelled, { x: 'mx', y: 'my', text: 'label', fill: 'currentColor', fontSize: 10, stroke: bg, strokeWidth: 3, paintOrder: 'stroke' }));
  return {
    width,
    height: Math.max(200, 70 + maxN * 72),
    marginLeft: 44,
    marginRight: 44,
    marginTop: 30,
    marginBottom: 24,
    style: { fontSize: '12px', background: 'transparent' },
    ariaLabel: s.title,
    x: { axis: null, domain: [-0.25, sizes.length - 0.75] },
    y: { axis: null, domain: [maxN - 0.4, -1.3] },
    color: { type: 'diverging', scheme: DIVERGING_SCHEME, domain: [-dom, dom], pivot: 0 },
    marks,
  };
}
