import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderChartToString } from '../../../src/widgets/kit/ssr.ts';
import {
  activationColour,
  boundaryChart,
  classColours,
  curvesChart,
  functionChart,
  heatmapChart,
  heatmapDomain,
  histogramsChart,
  layerColours,
  networkChart,
  perLayerChart,
  spread,
  stepTicks,
  textColour,
  thinColumns,
  type Theme,
} from '../../../src/widgets/charts/index.ts';
import { SURFACES, TEXT_CONTRAST, contrast } from '../../../src/widgets/theme.ts';
import { thinLosses } from '../../../src/widgets/series/index.ts';
import { ACTIVATIONS, createRng, histogram } from '../../../src/lib/index.ts';
import type { PlotOptions } from '@observablehq/plot';

/** Rounds every number in the SVG to one decimal, so tiny float differences do not break snapshots. */
const rounded = (svg: string) => svg.replace(/-?\d+\.\d+(e-?\d+)?/g, (m) => String(Math.round(Number(m) * 10) / 10));

const xs = Array.from({ length: 41 }, (_, i) => -6 + (12 * i) / 40);
const sig = ACTIVATIONS.sigmoid;
const ACTS = ['sigmoid', 'tanh', 'relu', 'leakyRelu'] as const;

/** Every builder, in a theme, with labels in that theme's colours (what figures pass). */
function build(theme: Theme, width = 640): Record<string, PlotOptions> {
  const rng = createRng(11);
  const c = (a: (typeof ACTS)[number]) => activationColour(a, theme);
  return {
    function: functionChart(
      {
        series: [
          { key: 'f', label: 'σ', colour: c('sigmoid'), points: xs.map((x) => ({ x, y: sig.f(x) })) },
          { key: 'df', label: "σ'", colour: c('sigmoid'), points: xs.map((x) => ({ x, y: sig.df(x) })), dashed: true },
        ],
        xDomain: [-6, 6],
        yDomain: [-0.05, 1.05],
        marker: { x: 0, y: 0.5, colour: c('sigmoid'), slope: 0.25 },
      },
      { title: 'sigmoid', x: 'x', y: 'y' },
      theme,
      { width },
    ),
    curves: curvesChart(
      ACTS.map((a, k) => ({ key: a, label: a, colour: c(a), points: Array.from({ length: 20 }, (_, i) => ({ step: i * 5, value: 0.7 * Math.exp(-i / (6 + k)) + 0.02 * rng.next() })) })),
      { title: 'loss', x: 'step', y: 'loss' },
      theme,
      { width, zero: true, references: [{ value: Math.LN2, label: 'ln 2: chance' }] },
    ),
    layerCurves: curvesChart(layerColours(theme).map((col, l) => ({ key: `l${l}`, label: `Layer ${l + 1}`, colour: col, points: [{ step: 0, value: 0.5 }, { step: 100, value: 0.5 + l * 0.01 }] })), { title: 'means', x: 'step', y: 'mean' }, theme, { width, yDomain: [0, 1] }),
    perLayer: perLayerChart(
      [
        { key: 'now', label: 'now (step 300)', colour: c('sigmoid'), values: Array.from({ length: 31 }, (_, i) => 10 ** (-29 + (i * 18) / 30)) },
        { key: 'start', label: 'step 0', colour: c('sigmoid'), values: Array.from({ length: 31 }, (_, i) => 10 ** (-20 + (i * 19) / 30)), dashed: true },
        { key: 'relu', label: 'ReLU', colour: c('relu'), values: Array.from({ length: 31 }, () => 0.1) },
      ],
      { title: 'g', x: 'layer', y: 'norm', envelope: 'bound ∏ f′max·‖W‖₂' },
      theme,
      { width, envelope: Array.from({ length: 31 }, (_, i) => 10 ** (-10 + i / 3)) },
    ),
    heatmap: heatmapChart({ steps: [0, 5, 10], values: [[1e-6, 1e-3, 1e-1], [2e-6, 2e-3, 1e-1], [5e-6, 4e-3, 2e-1]] }, { title: 'h', x: 'step', y: 'layer', colour: 'norm' }, theme, { width, minSteps: 100, every: 5 }),
    histograms: histogramsChart(
      [1, 2].map((layer) => {
        const h = histogram(Array.from({ length: 200 }, () => rng.normal() / layer), { bins: 10, min: -3, max: 3 });
        return { layer, bins: Array.from(h.counts, (count, i) => ({ count, x0: h.edges[i], x1: h.edges[i + 1] })) };
      }),
      { title: 'hist', x: 'a', y: 'layer' },
      theme,
      { colour: c('relu'), width },
    ),
    boundary: boundaryChart({ grid: Array.from({ length: 16 }, (_, i) => i / 15), res: 4, extent: [-1, 1, -1, 1], points: [{ x: 0, y: 0, label: 1 }, { x: 0.5, y: -0.5, label: 0 }] }, { title: 'b', x: 'x1', y: 'x2' }, theme, { width: Math.min(width, 320) }),
    network: networkChart([2, 3, 1], [{ layer: 0, index: 0, label: '1' }, { layer: 1, index: 2, dead: true }], [{ layer: 1, from: 0, to: 0, value: 0.5 }, { layer: 2, from: 2, to: 0, value: -0.3, dead: true }], { title: 'net', layers: ['in', 'hidden', 'out'] }, theme, { width: Math.min(width, 560) }),
  };
}

const parse = (svg: string) => parseHTML(`<html><body>${svg}</body></html>`).document;

/** The fill a text element is drawn with: its own, or the nearest ancestor's. */
function fillOf(el: Element): string {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const f = e.getAttribute('fill');
    if (f && f !== 'none') return f;
  }
  return 'currentColor';
}

/** Reads Plot's translate(x,y) transforms (groups and the element itself) into an absolute position. */
function position(el: Element): { x: number; y: number } {
  let x = 0, y = 0;
  for (let e: Element | null = el; e && e.tagName.toLowerCase() !== 'svg'; e = e.parentElement) {
    const m = /translate\(([-\d.e]+),\s*([-\d.e]+)\)/.exec(e.getAttribute('transform') ?? '');
    if (m) { x += Number(m[1]); y += Number(m[2]); }
    if (e === el) { x += Number(e.getAttribute('x') ?? 0); y += Number(e.getAttribute('y') ?? 0) || 0; }
  }
  return { x, y };
}

const light = build('light');

describe('chart builders', () => {
  for (const [name, options] of Object.entries(light)) {
    it(`${name}: renders the same SVG from the same seeded data`, () => {
      expect(rounded(renderChartToString(options, 'en'))).toMatchSnapshot();
    });
    it(`${name}: is an accessible image with no inline <style> and no prohibited aria on groups`, () => {
      const svg = renderChartToString(options, 'en');
      expect(svg).toMatch(/^<svg[^>]*role="img"/);
      expect(svg).toContain(`aria-label="${options.ariaLabel}"`);
      expect(svg).not.toContain('<style');
      const labelledGroups = svg.match(/<g[^>]*aria-label=[^>]*>/g) ?? [];
      for (const g of labelledGroups) expect(g).toContain('role="group"');
    });
  }

  it('draws a line for every curve (a mark whose channel is all undefined would be empty)', () => {
    const svg = renderChartToString(light.function, 'en');
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
      const colours = ACTS.map((a) => activationColour(a, theme));
      expect(new Set(colours).size).toBe(4);
    }
  });
});

describe('log charts follow the data', () => {
  it('a depth-30 profile of 10⁻²⁹..10⁻¹¹ spans its real values: the axis is not floored at 10⁻¹²', () => {
    const values = Array.from({ length: 31 }, (_, i) => 10 ** (-29 + (i * 18) / 30));
    const o = perLayerChart([{ key: 'g', label: 'g', colour: '#000', values }], { title: 't', x: 'x', y: 'y' }, 'light');
    const [lo, hi] = (o.y as { domain: [number, number] }).domain;
    expect(lo).toBeLessThanOrEqual(1e-29);
    expect(hi).toBeGreaterThanOrEqual(1e-11);
    expect(hi).toBeLessThan(1e-9);
    // And the points are drawn at distinct heights, not piled on one floor.
    const svg = renderChartToString(o, 'en');
    // The dots are subpaths of one path (charts/compactDots.ts), each a circle starting at its rightmost point.
    const dots = /<g[^>]*aria-label="dot"[^>]*>\s*<path[^>]* d="([^"]+)"/.exec(svg)![1];
    const ys = new Set([...dots.matchAll(/M[-\d.]+,([-\d.]+)/g)].map((m) => Math.round(Number(m[1]))));
    expect(ys.size).toBeGreaterThan(20);
  });

  it('zeros (a dead layer) sit one decade below the smallest real value, which stays visible', () => {
    const o = perLayerChart([{ key: 'g', label: 'g', colour: '#000', values: [0, 1e-20, 1e-3] }], { title: 't', x: 'x', y: 'y' }, 'light');
    const [lo] = (o.y as { domain: [number, number] }).domain;
    expect(lo).toBeCloseTo(1e-21, 30);
  });

  it('curves on a log axis are not floored either', () => {
    const o = curvesChart([{ key: 'a', label: 'a', colour: '#000', points: [{ step: 0, value: 1e-25 }, { step: 10, value: 1e-2 }] }], { title: 't', x: 'x', y: 'y' }, 'light', { log: true });
    expect((o.y as { domain: [number, number] }).domain[0]).toBeLessThanOrEqual(1e-25);
  });
});

describe('loss curves', () => {
  it('thinning keeps every spike and every dip, however long the run', () => {
    const losses = Array.from({ length: 3000 }, (_, i) => 0.69 - i * 1e-5);
    losses[4] = 1.6;
    losses[2000] = 0.01;
    const thin = thinLosses(losses, 0.7, 400);
    expect(thin.length).toBeLessThanOrEqual(402);
    expect(Math.max(...thin.map((p) => p.value))).toBe(1.6);
    expect(Math.min(...thin.map((p) => p.value))).toBe(0.01);
    expect(thin[0]).toEqual({ step: 0, value: 0.7 });
    expect(thin.at(-1)!.step).toBe(3000);
    // Steps stay in order, so the line never doubles back.
    for (let i = 1; i < thin.length; i++) expect(thin[i].step).toBeGreaterThan(thin[i - 1].step);
  });

  it('a loss axis starts at 0: 0.005 of noise around ln 2 does not fill the chart', () => {
    const pts = Array.from({ length: 100 }, (_, i) => ({ step: i, value: 0.693 + 0.0025 * Math.sin(i) }));
    const o = curvesChart([{ key: 'l', label: 'l', colour: '#000', points: pts }], { title: 't', x: 'x', y: 'y' }, 'light', { zero: true });
    const [lo, hi] = (o.y as { domain: [number, number] }).domain;
    expect(lo).toBe(0);
    expect((0.005 / (hi - lo))).toBeLessThan(0.01);
  });

  it('step ticks are round whole numbers', () => {
    expect(stepTicks(3000, 6)).toEqual([0, 500, 1000, 1500, 2000, 2500, 3000]);
    expect(stepTicks(2690, 6)).toEqual([0, 500, 1000, 1500, 2000, 2500]);
    expect(stepTicks(2, 6)).toEqual([0, 1, 2]);
    for (const t of stepTicks(1234, 5)) expect(Number.isInteger(t)).toBe(true);
  });
});

describe('heatmap', () => {
  const data = { steps: [0, 5, 10], values: [[1e-6, 1e-3, 1e-1], [2e-6, 2e-3, 1e-1], [5e-6, 4e-3, 2e-1]] };
  it('has a colour legend in its own SVG, labelled with the ends of its domain', () => {
    const svg = renderChartToString(heatmapChart(data, { title: 'h', x: 'step', y: 'layer', colour: 'gradient norm' }, 'light'), 'en');
    expect(svg).toContain('gradient norm');
    expect(svg).toContain('10⁻⁶');
    expect(svg).toContain('10⁰');
  });

  it('its colour domain is whole decades over all records and only widens', () => {
    const d = heatmapDomain(data);
    expect(d).toEqual([1e-6, 1]);
    const later = heatmapDomain({ steps: [15], values: [[1e-3, 1e-2, 1e-1]] }, d);
    expect(later).toEqual(d);
    const wider = heatmapDomain({ steps: [15], values: [[1e-12, 1e-2, 1e-1]] }, d);
    expect(wider[0]).toBe(1e-12);
  });

  it('one column does not stretch across the chart: the step axis spans minSteps', () => {
    const o = heatmapChart({ steps: [0], values: [[1e-3, 1e-2]] }, { title: 'h', x: 'step', y: 'layer', colour: 'c' }, 'light', { minSteps: 100, every: 5 });
    expect((o.x as { domain: number[] }).domain).toEqual([0, 100]);
  });
});

describe('chart text', () => {
  it('every text colour the builders emit reaches 4.5:1 on both surfaces of both themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      const surfaces = [SURFACES[theme].bg, SURFACES[theme].raised];
      for (const [name, o] of Object.entries(build(theme))) {
        const doc = parse(renderChartToString(o, 'en'));
        for (const t of Array.from(doc.querySelectorAll('text'))) {
          let fill = fillOf(t);
          if (fill === 'currentColor') fill = SURFACES[theme].ink;
          expect(fill, `${theme} ${name} "${t.textContent}"`).toMatch(/^#[0-9a-f]{6}$/i);
          for (const bg of surfaces) expect(contrast(fill, bg), `${theme} ${name} "${t.textContent}" ${fill} on ${bg}`).toBeGreaterThanOrEqual(4.5);
        }
      }
    }
  });

  it('textColour darkens or lightens any palette colour to 4.5:1 (Xavier orange, Glorot sky blue, pink)', () => {
    for (const theme of ['light', 'dark'] as const)
      for (const c of [...classColours(theme), ...layerColours(theme), '#E69F00', '#56B4E9', '#CC79A7', ...ACTS.map((a) => activationColour(a, theme))])
        for (const bg of [SURFACES[theme].bg, SURFACES[theme].raised]) expect(contrast(textColour(c, theme), bg)).toBeGreaterThanOrEqual(TEXT_CONTRAST - 0.05);
  });

  it('direct labels never overlap: labels of curves ending at the same value are pushed apart', () => {
    for (const o of [light.layerCurves, light.curves, light.perLayer]) {
      const doc = parse(renderChartToString(o, 'en'));
      const labels = Array.from(doc.querySelectorAll('g[aria-label="text"] text')).map(position);
      expect(labels.length).toBeGreaterThan(1);
      for (let i = 0; i < labels.length; i++)
        for (let j = i + 1; j < labels.length; j++) expect(Math.abs(labels[i].y - labels[j].y), `${o.ariaLabel} labels ${i}, ${j}`).toBeGreaterThanOrEqual(13.9);
    }
  });

  it('spread keeps order and bounds', () => {
    expect(spread([10, 10, 10], 14, 0, 100)).toEqual([10, 24, 38]);
    expect(spread([99, 99], 14, 0, 100)).toEqual([86, 100]);
  });

  it('the y-axis title sits above the top tick label, never on it', () => {
    for (const [name, o] of Object.entries(light)) {
      const doc = parse(renderChartToString(o, 'en'));
      const title = doc.querySelector('g[aria-label="y-axis label"] text');
      const ticks = Array.from(doc.querySelectorAll('g[aria-label="y-axis tick label"] text'));
      if (!title || !ticks.length) continue;
      const top = Math.min(...ticks.map((t) => position(t).y));
      // The title is top-anchored (0.71em) at its position, 12 px text: its bottom is 12 px lower;
      // a tick label is centred on its tick, so its top is 7 px above it.
      expect(position(title).y + 12, name).toBeLessThanOrEqual(top - 6);
    }
  });

  it('charts drawn for a 375 px phone are drawn at that width, not shrunk from 640', () => {
    for (const [name, o] of Object.entries(build('light', 335))) expect(o.width, name).toBeLessThanOrEqual(335);
  });
});
