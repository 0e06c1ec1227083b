import { describe, expect, it } from 'vitest';
import { renderChartToString } from '../../../src/widgets/kit/ssr.ts';
import {
  activationColour,
  boundaryChart,
  curvesChart,
  functionChart,
  heatmapChart,
  histogramsChart,
  networkChart,
  perLayerChart,
  thinColumns,
} from '../../../src/widgets/charts/index.ts';
import { ACTIVATIONS, createRng, histogram, sigmoidBound } from '../../../src/lib/index.ts';

/** Rounds every number in the SVG to one decimal, so tiny float differences do not break snapshots. */
const rounded = (svg: string) => svg.replace(/-?\d+\.\d+(e-?\d+)?/g, (m) => String(Math.round(Number(m) * 10) / 10));

const rng = createRng(11);
const xs = Array.from({ length: 41 }, (_, i) => -6 + (12 * i) / 40);
const sig = ACTIVATIONS.sigmoid;

const charts = {
  function: functionChart(
    {
      series: [
        { key: 'f', label: 'σ', colour: activationColour('sigmoid', 'light'), points: xs.map((x) => ({ x, y: sig.f(x) })) },
        { key: 'df', label: "σ'", colour: activationColour('sigmoid', 'light'), points: xs.map((x) => ({ x, y: sig.df(x) })), dashed: true },
      ],
      xDomain: [-6, 6],
      yDomain: [-0.05, 1.05],
      marker: { x: 0, y: 0.5, colour: '#000', slope: 0.25 },
    },
    { title: 'sigmoid', x: 'x', y: 'y' },
    'light',
  ),
  curves: curvesChart([{ key: 'loss', label: 'loss', colour: '#333', points: Array.from({ length: 20 }, (_, i) => ({ step: i, value: 0.7 * Math.exp(-i / 6) + 0.02 * rng.next() })) }], { title: 'loss', x: 'step', y: 'loss' }, 'light'),
  perLayer: perLayerChart([{ key: 's', label: 'sigmoid', colour: '#d55e00', values: Array.from({ length: 10 }, (_, i) => 0.1 * sigmoidBound(9 - i)) }], { title: 'g', x: 'layer', y: 'norm', envelope: '0.25^L' }, 'dark', { envelope: Array.from({ length: 10 }, (_, i) => 0.1 * sigmoidBound(9 - i)) }),
  heatmap: heatmapChart({ steps: [0, 5, 10], values: [[1e-6, 1e-3, 1e-1], [2e-6, 2e-3, 1e-1], [5e-6, 4e-3, 2e-1]] }, { title: 'h', x: 'step', y: 'layer', colour: 'norm' }, 'light'),
  histograms: histogramsChart(
    [1, 2].map((layer) => {
      const h = histogram(Array.from({ length: 200 }, () => rng.normal() / layer), { bins: 10, min: -3, max: 3 });
      return { layer, bins: Array.from(h.counts, (count, i) => ({ count, x0: h.edges[i], x1: h.edges[i + 1] })) };
    }),
    { title: 'hist', x: 'a', y: 'layer' },
    'light',
    { colour: '#0072B2' },
  ),
  boundary: boundaryChart({ grid: Array.from({ length: 16 }, (_, i) => i / 15), res: 4, extent: [-1, 1, -1, 1], points: [{ x: 0, y: 0, label: 1 }, { x: 0.5, y: -0.5, label: 0 }] }, { title: 'b', x: 'x1', y: 'x2' }, 'light'),
  network: networkChart([2, 3, 1], [{ layer: 0, index: 0, label: '1' }, { layer: 1, index: 2, dead: true }], [{ layer: 1, from: 0, to: 0, value: 0.5 }, { layer: 2, from: 2, to: 0, value: -0.3, dead: true }], { title: 'net', layers: ['in', 'hidden', 'out'] }, 'light'),
};

describe('chart builders', () => {
  for (const [name, options] of Object.entries(charts)) {
    it(`${name}: renders the same SVG from the same seeded data`, () => {
      expect(rounded(renderChartToString(options))).toMatchSnapshot();
    });
    it(`${name}: is an accessible image with no inline <style> and no prohibited aria on groups`, () => {
      const svg = renderChartToString(options);
      expect(svg).toMatch(/^<svg[^>]*role="img"/);
      expect(svg).toContain(`aria-label="${options.ariaLabel}"`);
      expect(svg).not.toContain('<style');
      const labelledGroups = svg.match(/<g[^>]*aria-label=[^>]*>/g) ?? [];
      for (const g of labelledGroups) expect(g).toContain('role="group"');
    });
  }

  it('draws a line for every curve (a mark whose channel is all undefined would be empty)', () => {
    const svg = renderChartToString(charts.function);
    expect((svg.match(/<path[^>]* d="M/g) ?? []).length).toBeGreaterThanOrEqual(2);
  });

  it('a heatmap keeps at most 40 evenly spaced columns, always the first and the last', () => {
    const steps = Array.from({ length: 101 }, (_, i) => i * 5);
    const thin = thinColumns({ steps, values: steps.map(() => [1]) });
    expect(thin.steps.length).toBe(40);
    expect(thin.steps[0]).toBe(0);
    expect(thin.steps.at(-1)).toBe(500);
  });

  it('each activation keeps one colour, distinct within a theme', () => {
    for (const theme of ['light', 'dark'] as const) {
      const colours = (['sigmoid', 'tanh', 'relu', 'leakyRelu'] as const).map((a) => activationColour(a, theme));
      expect(new Set(colours).size).toBe(4);
    }
  });
});
