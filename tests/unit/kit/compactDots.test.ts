import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { compactDots } from '../../../src/widgets/charts/compactDots.ts';
import { renderChartToString } from '../../../src/widgets/kit/ssr.ts';

const pts = Array.from({ length: 57 }, (_, i) => ({ x: Math.sin(i * 0.7) * 2, y: Math.cos(i * 1.3) * 2, label: i % 3 === 0 ? 1 : 0 }));
const frame = { width: 320, height: 320, x: { domain: [-3, 3] }, y: { domain: [-3, 3] } };

/** A point as drawn: its shape (a circle, or the shape's first vertex), centre or vertex, radius, fill. */
interface Drawn {
  shape: 'circle' | 'path';
  x: number;
  y: number;
  r: number;
  fill: string | null;
}

const dom = (svg: string) => parseHTML(`<html><body>${svg}</body></html>`).document;
const num = (s: string) => s.split(',').map(Number);

/** One subpath, at an offset: a circle (two arcs from its rightmost point) or a polygon. */
function subpath(d: string, tx: number, ty: number, fill: string | null): Drawn {
  const [x, y] = num(d.replace(/^M/, '').split(/[AL]/)[0]);
  const arc = /A([-\d.e]+),/.exec(d);
  return arc ? { shape: 'circle', x: tx + x - Number(arc[1]), y: ty + y, r: Number(arc[1]), fill } : { shape: 'path', x: tx + x, y: ty + y, r: 0, fill };
}

/** Each point of a dot mark as Plot itself draws it (a <circle>, or a <path> at a translate). */
function plotDots(svg: string): Drawn[] {
  const g = dom(svg).querySelector('g[aria-label="dot"]')!;
  return Array.from(g.children).map((e) => {
    const fill = e.getAttribute('fill') ?? g.getAttribute('fill');
    if (e.localName === 'circle') return { shape: 'circle', x: Number(e.getAttribute('cx')), y: Number(e.getAttribute('cy')), r: Number(e.getAttribute('r')), fill };
    const [tx, ty] = num(/translate\(([^)]+)\)/.exec(e.getAttribute('transform')!)![1]);
    return subpath(e.getAttribute('d')!, tx, ty, fill);
  });
}

/** The same, read back from compactDots' paths (a subpath per point). */
function compact(svg: string): { dots: Drawn[]; paths: number; counted: number } {
  const g = dom(svg).querySelector('g[aria-label="dot"]')!;
  const dots: Drawn[] = [];
  let counted = 0;
  for (const p of Array.from(g.children)) {
    const fill = p.getAttribute('fill') ?? g.getAttribute('fill');
    const subs = p.getAttribute('d')!.split('M').filter(Boolean);
    counted += subs.length;
    for (const s of subs) dots.push(subpath(s, 0, 0, fill));
  }
  return { dots, paths: g.children.length, counted };
}

const order = (a: Drawn, b: Drawn) => a.shape.localeCompare(b.shape) || String(a.fill).localeCompare(String(b.fill)) || a.x - b.x || a.y - b.y;

/** compactDots writes coordinates to 0.01 px: the same drawing, within that. */
function expectSame(ours: Drawn[], own: Drawn[]): void {
  expect(ours).toHaveLength(own.length);
  const a = [...ours].sort(order);
  const b = [...own].sort(order);
  a.forEach((d, i) => {
    expect([d.shape, d.fill]).toEqual([b[i].shape, b[i].fill]);
    expect(Math.abs(d.x - b[i].x)).toBeLessThan(0.02);
    expect(Math.abs(d.y - b[i].y)).toBeLessThan(0.02);
    expect(Math.abs(d.r - b[i].r)).toBeLessThan(0.01);
  });
}

describe('compactDots', () => {
  const colour = (d: { label: number }) => (d.label ? '#d55e00' : '#0072b2');
  const mixed = (render?: typeof compactDots) =>
    renderChartToString({ ...frame, marks: [Plot.dot(pts, { x: 'x', y: 'y', r: 2.8, fill: colour, stroke: 'white', symbol: (d: { label: number }) => (d.label ? 'circle' : 'triangle'), render })] }, 'en');

  it('draws every point Plot draws, at the same place, in the same shape and colour, as one path per colour', () => {
    const own = plotDots(mixed());
    const ours = compact(mixed(compactDots));
    expect(own).toHaveLength(pts.length);
    expectSame(ours.dots, own);
    expect(ours.paths).toBe(2);
    expect(ours.counted).toBe(pts.length);
  });

  it('keeps the mark constant styles on the group, and radii given as a channel', () => {
    const svg = (render?: typeof compactDots) => renderChartToString({ ...frame, marks: [Plot.dot(pts, { x: 'x', y: 'y', r: (d: { label: number }) => 2 + d.label * 3, fill: '#0072b2', render })] }, 'en');
    const own = plotDots(svg());
    const ours = compact(svg(compactDots));
    expectSame(ours.dots, own);
    expect(dom(svg(compactDots)).querySelector('g[aria-label="dot"]')!.getAttribute('fill')).toBe('#0072b2');
  });

  it('leaves marks with channels it does not draw (a title per point) to Plot', () => {
    const svg = renderChartToString({ ...frame, marks: [Plot.dot(pts, { x: 'x', y: 'y', title: (d: { label: number }) => `class ${d.label}`, render: compactDots })] }, 'en');
    expect(dom(svg).querySelectorAll('g[aria-label="dot"] > *')).toHaveLength(pts.length);
    expect(dom(svg).querySelectorAll('g[aria-label="dot"] title')).toHaveLength(pts.length);
  });
});
