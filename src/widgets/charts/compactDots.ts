import type { RenderFunction } from '@observablehq/plot';

// Plot.dot draws one <circle> or <path> per point. A boundary chart has a couple of hundred
// points and a per-layer chart a dot per layer and series, redrawn several times a second
// while a network trains: building, styling and laying out those elements was the largest
// share of those charts' redraws after the axes (npm run bench:ui, BENCH_DRAWS=1). The points
// never need to be elements of their own (nothing hovers or labels one), so this draws every
// point that shares a fill and a stroke as one <path> of many subpaths: the same shapes, at
// the same places, in the same colours.

const SVG = 'http://www.w3.org/2000/svg';
/** The channels this render knows how to draw (and Plot's unscaled `channels`); any other (a title, a rotation) goes to Plot's own. */
const DRAWN = new Set(['x', 'y', 'r', 'symbol', 'fill', 'stroke', 'channels']);

interface SymbolType {
  draw(context: PathSink, size: number): void;
}

interface DotMark {
  r: number;
  rotate?: number;
  symbol: SymbolType;
}

/** The part of d3-path's context a d3 symbol draws with, writing at an offset. */
interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  arc(x: number, y: number, r: number, a0: number, a1: number): void;
}

const fmt = (v: number) => String(Math.round(v * 100) / 100);

function sink(): PathSink & { at: (x: number, y: number) => void; d: string } {
  let ox = 0;
  let oy = 0;
  const s = {
    d: '',
    at(x: number, y: number) {
      ox = x;
      oy = y;
    },
    moveTo(x: number, y: number) {
      s.d += `M${fmt(ox + x)},${fmt(oy + y)}`;
    },
    lineTo(x: number, y: number) {
      s.d += `L${fmt(ox + x)},${fmt(oy + y)}`;
    },
    closePath() {
      s.d += 'Z';
    },
    // d3's circle symbol is the only arc drawer: moveTo(r, 0), then a whole turn about the
    // centre. Two half-turn arcs draw it (one arc cannot start and end at the same point).
    arc(x: number, y: number, r: number) {
      const R = fmt(r);
      s.d += `A${R},${R},0,1,1,${fmt(ox + x - r)},${fmt(oy + y)}A${R},${R},0,1,1,${fmt(ox + x + r)},${fmt(oy + y)}`;
    },
  };
  return s;
}

/**
 * Plot.dot's `render` option: the dots that share a fill and a stroke become one path,
 * marked with how many points it holds (data-n). Plot's own group (its aria-label, the
 * mark's constant styles, the clip) is kept; a dot mark with channels this does not draw
 * falls back to Plot's own render.
 */
export const compactDots: RenderFunction = function (this: DotMark, index, scales, values, dimensions, context, next) {
  const v = values as Record<string, ArrayLike<unknown> | undefined>;
  const X = v.x as ArrayLike<number> | undefined;
  const Y = v.y as ArrayLike<number> | undefined;
  const other = Object.keys(v).some((k) => v[k] != null && !DRAWN.has(k));
  if (!X || !Y || other || this.rotate || !next) return next!(index, scales, values, dimensions, context);
  const R = v.r as ArrayLike<number> | undefined;
  const S = v.symbol as ArrayLike<SymbolType> | undefined;
  const F = v.fill as ArrayLike<string> | undefined;
  const ST = v.stroke as ArrayLike<string> | undefined;
  // Plot's group with nothing in it: its attributes are the mark's, as Plot would write them.
  const g = next([], scales, values, dimensions, context) as SVGGElement;
  const groups = new Map<string, { fill?: string; stroke?: string; path: ReturnType<typeof sink>; n: number }>();
  for (const i of index) {
    const key = `${F ? F[i] : ''}\u0000${ST ? ST[i] : ''}`;
    let gr = groups.get(key);
    if (!gr) groups.set(key, (gr = { fill: F?.[i], stroke: ST?.[i], path: sink(), n: 0 }));
    const r = R ? R[i] : this.r;
    gr.path.at(X[i], Y[i]);
    (S ? S[i] : this.symbol).draw(gr.path, r * r * Math.PI);
    gr.n++;
  }
  const doc = context.document;
  for (const gr of groups.values()) {
    const p = doc.createElementNS(SVG, 'path');
    p.setAttribute('d', gr.path.d);
    if (gr.fill !== undefined) p.setAttribute('fill', String(gr.fill));
    if (gr.stroke !== undefined) p.setAttribute('stroke', String(gr.stroke));
    p.setAttribute('data-n', String(gr.n));
    g.appendChild(p);
  }
  return g;
};
