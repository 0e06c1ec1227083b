import type { RenderFunction } from '@observablehq/plot';

// Plot.dot draws one <circle> or <path> per point. A boundary chart has a couple of hundred
// points and a per-layer chart a dot per layer and series, redrawn several times a second
// while a network trains: building, styling and laying out those elements was the largest
// share of those charts' redraws after the axes (npm run bench:ui, BENCH_DRAWS=1). The points
// never need to be elements of their own (nothing hovers or labels one), so this draws every
// point that shares a fill and a stroke as one <path> of many subpaths: the same shapes, at
// the same places, in the same colours.

/** The channels this render knows how to draw (and Plot's unscaled `channels`); any other (a title, a rotation) goes to Plot's own. */
const DRAWN = ['x', 'y', 'r', 'symbol', 'fill', 'stroke', 'channels'];

/** The part of d3-path's context a d3 symbol draws with. */
interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  arc(x: number, y: number, r: number): void;
}

interface DotMark {
  r: number;
  rotate?: number;
  symbol: { draw(context: PathSink, size: number): void };
}

type Channel<T> = ArrayLike<T> | undefined;

/**
 * Plot.dot's `render` option: the dots that share a fill and a stroke become one path, a
 * subpath per point (each starts with its own M). Plot's own group (its aria-label, the
 * mark's constant styles, the clip) is kept; a dot mark with channels this does not draw
 * falls back to Plot's own render.
 */
export const compactDots: RenderFunction = function (this: DotMark, index, scales, values, dimensions, context, next) {
  const v = values as Record<string, Channel<unknown>>;
  const X = v.x as Channel<number>;
  const Y = v.y as Channel<number>;
  if (!X || !Y || this.rotate || Object.keys(v).some((k) => v[k] != null && !DRAWN.includes(k))) return next!(index, scales, values, dimensions, context);
  const R = v.r as Channel<number>;
  const S = v.symbol as Channel<DotMark['symbol']>;
  const F = v.fill as Channel<string>;
  const K = v.stroke as Channel<string>;
  // Each symbol draws about (0, 0); the sink moves it to the point, to 0.01 px.
  let ox = 0;
  let oy = 0;
  let d = '';
  const q = (n: number) => Math.round(n * 100) / 100;
  const at = (x: number, y: number) => `${q(ox + x)},${q(oy + y)}`;
  const sink: PathSink = {
    moveTo: (x, y) => (d += `M${at(x, y)}`),
    lineTo: (x, y) => (d += `L${at(x, y)}`),
    closePath: () => (d += 'Z'),
    // d3's circle is the only symbol that draws an arc: moveTo(r, 0), then a whole turn about
    // the centre, which one SVG arc cannot draw (it would start and end at the same point).
    arc: (x, y, r) => {
      const half = `A${q(r)},${q(r)},0,1,1,`;
      d += `${half}${at(x - r, y)}${half}${at(x + r, y)}`;
    },
  };
  const groups = new Map<string, { fill?: string; stroke?: string; d: string }>();
  for (const i of index) {
    const key = `${F?.[i]}\u0000${K?.[i]}`;
    const gr = groups.get(key) ?? { fill: F?.[i], stroke: K?.[i], d: '' };
    groups.set(key, gr);
    const r = R ? R[i] : this.r;
    ox = X[i];
    oy = Y[i];
    d = gr.d;
    (S ? S[i] : this.symbol).draw(sink, r * r * Math.PI);
    gr.d = d;
  }
  // Plot's group with nothing in it: its attributes are the mark's, as Plot would write them.
  const g = next!([], scales, values, dimensions, context) as SVGGElement;
  for (const gr of groups.values()) {
    const p = context.document.createElementNS('http://www.w3.org/2000/svg', 'path');
    p.setAttribute('d', gr.d);
    if (gr.fill) p.setAttribute('fill', gr.fill);
    if (gr.stroke) p.setAttribute('stroke', gr.stroke);
    g.appendChild(p);
  }
  return g;
};
