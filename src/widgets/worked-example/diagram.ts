// A network diagram sized for the two small-network figures of chapters 3 and 4 (2-3-1):
// large nodes with two lines of numbers inside, edge labels placed so that they never
// collide, edges coloured by sign (not by a faint diverging ramp) and thickened by size.
// charts/networkChart draws wider networks with one short label per node; the worked
// example needs two lines of numbers per node and a label per edge, so both of its
// figures share this builder.
import * as Plot from '@observablehq/plot';
import type { PlotOptions } from '../kit/plot.ts';
import { neutral, type Theme } from '../charts/palette.ts';
import { SURFACES } from '../theme.ts';

export interface DiagramNode {
  layer: number;
  index: number;
  /** Lines of text inside the node. */
  lines: string[];
  highlight?: boolean;
  /** Not yet computed: drawn faint. */
  pending?: boolean;
}

export interface DiagramEdge {
  layer: number; // from layer - 1 to layer
  from: number;
  to: number;
  /** Signed value: sets colour (sign) and thickness (size). */
  value: number;
  label?: string;
  highlight?: boolean;
  /** Drawn grey and dashed: the value is not known yet. */
  pending?: boolean;
}

/** Sign colours: orange positive, purple negative (Okabe–Ito / PuOr ends), readable in both themes. */
export function signColours(theme: Theme): { pos: string; neg: string } {
  return theme === 'dark' ? { pos: '#FFA05C', neg: '#B9A3F0' } : { pos: '#C25400', neg: '#5E3C99' };
}

const position = (sizes: number[], layer: number, index: number) => {
  const maxN = Math.max(...sizes);
  return { x: layer, y: (maxN - sizes[layer]) / 2 + index };
};

/**
 * Where an edge's label sits along it. Into a wide layer the labels go near the target,
 * where edges into one unit are close together but apart from other units' edges; into a
 * narrow layer they go near the source for the same reason.
 */
function labelT(sizes: number[], layer: number): number {
  return sizes[layer] >= sizes[layer - 1] ? 0.74 : 0.36;
}

export function diagramChart(sizes: number[], nodes: DiagramNode[], edges: DiagramEdge[], s: { title: string; layers: string[] }, theme: Theme, options: { width?: number; valueDomain?: number } = {}): PlotOptions {
  const width = options.width ?? 720;
  const n = neutral(theme);
  const c = signColours(theme);
  const bg = n.surface;
  const maxN = Math.max(...sizes);
  const dom = options.valueDomain ?? Math.max(1e-9, ...edges.map((e) => Math.abs(e.value)));
  const rows = edges.map((e) => {
    const a = position(sizes, e.layer - 1, e.from);
    const b = position(sizes, e.layer, e.to);
    const t = labelT(sizes, e.layer);
    return {
      ...e,
      x1: a.x, y1: a.y, x2: b.x, y2: b.y,
      mx: a.x + (b.x - a.x) * t, my: a.y + (b.y - a.y) * t,
      w: 1.2 + 5 * Math.min(1, Math.abs(e.value) / dom),
      colour: e.value >= 0 ? c.pos : c.neg,
    };
  });
  const nodeRows = nodes.map((d) => ({ ...d, ...position(sizes, d.layer, d.index), text: d.lines.join('\n') }));
  const known = rows.filter((e) => !e.pending);
  const marks: Plot.Markish[] = [
    Plot.link(rows.filter((e) => e.pending), { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: n.dead, strokeWidth: 1.2, strokeDasharray: '4 4', strokeOpacity: 0.8 }),
    // A halo under highlighted edges, so the highlight does not depend on colour alone.
    Plot.link(known.filter((e) => e.highlight), { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: n.accent, strokeWidth: (d: { w: number }) => d.w + 7, strokeOpacity: 0.35 }),
    Plot.link(known, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: 'colour', strokeWidth: 'w', strokeOpacity: (d: { highlight?: boolean }) => (d.highlight ? 1 : 0.85) }),
    // Plot takes dash patterns and font weights as constants, so each style is its own mark.
    ...[false, true].map((pending) =>
      Plot.dot(nodeRows.filter((d) => !!d.pending === pending), {
        x: 'x', y: 'y', r: 31,
        fill: bg,
        stroke: (d: DiagramNode) => (d.highlight ? n.accent : pending ? n.dead : n.ink),
        strokeWidth: (d: DiagramNode) => (d.highlight ? 4 : 1.5),
        strokeDasharray: pending ? '3 3' : undefined,
      }),
    ),
    ...[false, true].map((hi) =>
      Plot.text(nodeRows.filter((d) => !!d.highlight === hi), { x: 'x', y: 'y', text: 'text', fill: (d: DiagramNode) => (d.pending ? n.muted : 'currentColor'), fontSize: 11, lineHeight: 1.2, fontWeight: hi ? 700 : 400 }),
    ),
    Plot.text(sizes.map((_, l) => ({ x: l, y: -0.75, t: s.layers[l] ?? '' })), { x: 'x', y: 'y', text: 't', fill: n.muted, fontWeight: 600, fontSize: 12 }),
  ];
  // Below ~520 px the edge labels would sit on top of the nodes: the numbers stay in the
  // figure's other views (matrix view, step details, data table).
  const labelled = width >= 520 ? rows.filter((e) => e.label) : [];
  if (labelled.length)
    marks.push(
      Plot.text(labelled, {
        x: 'mx', y: 'my', text: 'label',
        fill: (d: { pending?: boolean; colour: string }) => (d.pending ? n.muted : d.colour),
        fontSize: 11, fontWeight: 600, stroke: bg, strokeWidth: 4, paintOrder: 'stroke',
      }),
    );
  return {
    width,
    height: 110 + maxN * 95,
    marginLeft: width >= 520 ? 40 : 34,
    marginRight: width >= 520 ? 40 : 34,
    marginTop: 20,
    marginBottom: 40,
    style: { fontSize: '12px', background: 'transparent', color: SURFACES[theme].ink },
    ariaLabel: s.title,
    x: { axis: null, domain: [-0.15, sizes.length - 0.85] },
    y: { axis: null, domain: [maxN - 0.55, -1] },
    marks,
  };
}
