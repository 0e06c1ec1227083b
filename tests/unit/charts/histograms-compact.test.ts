// The compact histograms (one path per row, drawn live) against the rects the build draws:
// the same bars, edge for edge, in the same rows, with the same fill.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { renderChart } from '../../../src/widgets/kit/plot.ts';
import { pick } from '../../../src/i18n/index.ts';
import { defaults } from '../../../src/widgets/kit/params.ts';
import { INIT_EXPLORER_SCHEMA, explore, explorerNetwork, type InitExplorerValues } from '../../../src/widgets/init-explorer/model.ts';
import { histogramOptions } from '../../../src/widgets/init-explorer/view.ts';

const strings = { ...pick('en', 'kit.'), ...pick('en', 'widget.initExplorer.') };
type Box = [number, number, number, number];

function render(kind: 'activations' | 'gradients', v: InitExplorerValues, compact: boolean, width: number) {
  const { document } = parseHTML('<html><body></body></html>');
  const r = explore(explorerNetwork(v), v);
  return renderChart(histogramOptions(kind, r, strings, 'dark', 'en', width, compact), document as unknown as Document) as unknown as Element;
}

/** The bars of each facet row, as [x, y, w, h] rounded to 0.01 px, read from rects or from path commands. */
function bars(svg: Element): { fill: string | null; rows: Box[][] } {
  const mark = svg.querySelector('g[aria-label="rect"]')!;
  const facets = Array.from(mark.children);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const rows = facets.map((g) => {
    const rects = Array.from(g.querySelectorAll('rect'));
    if (rects.length) return rects.map((e) => ['x', 'y', 'width', 'height'].map((a) => r2(Number(e.getAttribute(a)))) as Box).filter((b) => b[2] > 0 && b[3] > 0);
    const d = g.querySelector('path')!.getAttribute('d')!;
    return Array.from(d.matchAll(/M([-\d.]+),([-\d.]+)h([-\d.]+)v([-\d.]+)h[-\d.]+Z/g), (m) => [1, 2, 3, 4].map((k) => r2(Number(m[k]))) as Box);
  });
  return { fill: facets[0]?.getAttribute('fill') ?? null, rows };
}

describe('compact histograms', () => {
  for (const [kind, patch, width] of [
    ['activations', { depth: 30 }, 320],
    ['gradients', { depth: 50, width: 16, activation: 'tanh', init: 'large' }, 375],
    ['activations', { depth: 4, activation: 'sigmoid', init: 'he' }, 640],
  ] as const) {
    it(`${kind}, ${JSON.stringify(patch)}: the same bars as the rects, one path per row`, () => {
      const v = { ...defaults(INIT_EXPLORER_SCHEMA), ...patch } as InitExplorerValues;
      const full = render(kind, v, false, width);
      const compact = render(kind, v, true, width);
      const a = bars(full);
      const b = bars(compact);
      expect(b.fill).toBe(a.fill);
      expect(b.rows.length).toBe(a.rows.length);
      expect(b.rows.flat().length).toBeGreaterThan(0);
      b.rows.forEach((row, i) => {
        expect(row.length).toBe(a.rows[i].length);
        row.forEach((box, j) => box.forEach((x, k) => expect(Math.abs(x - a.rows[i][j][k])).toBeLessThanOrEqual(0.01)));
      });
      expect(compact.querySelectorAll('rect').length).toBe(0);
      expect(compact.querySelector('g[aria-label="rect"]')!.querySelectorAll('path').length).toBe(a.rows.length);
      // Everything else (axes, labels, scale notes) is unchanged.
      expect(Array.from(compact.querySelectorAll('text'), (t) => t.textContent)).toEqual(Array.from(full.querySelectorAll('text'), (t) => t.textContent));
      expect(compact.getAttribute('aria-label')).toBe(full.getAttribute('aria-label'));
    });
  }
});
