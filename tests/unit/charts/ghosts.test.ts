// Ghosts: earlier runs (pinned runs in the lab) drawn under the current curves. Without
// ghosts every builder must render exactly what it rendered before, byte for byte, so the
// build-time SVG of every chapter figure stays as it is.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderChartToString } from '../../../src/widgets/kit/ssr.ts';
import { MAX_GHOSTS, activationColour, curvesChart, ghostStyle, perLayerChart, type Theme } from '../../../src/widgets/charts/index.ts';
import { SURFACES, contrast, worstContrast } from '../../../src/widgets/theme.ts';

const parse = (svg: string) => parseHTML(`<html><body>${svg}</body></html>`).document;

/** The absolute height of a text element: Plot's translate() on its groups plus its own y. */
function heightOf(el: Element): number {
  let y = 0;
  for (let e: Element | null = el; e && e.tagName.toLowerCase() !== 'svg'; e = e.parentElement) {
    const m = /translate\(([-\d.e]+),\s*([-\d.e]+)\)/.exec(e.getAttribute('transform') ?? '');
    if (m) y += Number(m[2]);
    if (e === el) y += Number(e.getAttribute('y') ?? 0) || 0;
  }
  return y;
}
const decay = (rate: number, n = 30, scale = 0.7) => Array.from({ length: n }, (_, i) => ({ step: i * 10, value: scale * Math.exp(-i / rate) + 0.01 }));
const profile = (top: number, layers = 10) => Array.from({ length: layers + 1 }, (_, i) => 10 ** (top - 3 + (3 * i) / layers));

function loss(theme: Theme, ghosts?: { label: string; points: { step: number; value: number }[] }[], width = 640) {
  return curvesChart(
    [
      { key: 'train', label: 'train', colour: activationColour('relu', theme), points: decay(6) },
      { key: 'test', label: 'test', colour: activationColour('relu', theme), points: decay(7), dashed: true },
    ],
    { title: 'loss', x: 'step', y: 'loss' },
    theme,
    ghosts === undefined ? { width, zero: true, references: [{ value: Math.LN2, label: 'ln 2' }] } : { width, zero: true, references: [{ value: Math.LN2, label: 'ln 2' }], ghosts },
  );
}

function layers(theme: Theme, ghosts?: { label: string; values: number[] }[]) {
  return perLayerChart(
    [
      { key: 'now', label: 'now', colour: activationColour('sigmoid', theme), values: profile(-1) },
      { key: 'start', label: 'step 0', colour: activationColour('sigmoid', theme), values: profile(-2), dashed: true },
    ],
    { title: 'g', x: 'layer', y: 'norm' },
    theme,
    ghosts === undefined ? {} : { ghosts },
  );
}

const GHOSTS = [
  { label: '#1 sigmoid', points: decay(20, 40, 0.69) },
  { label: '#2 lr 0,3', points: decay(3, 20) },
];

describe('ghost series', () => {
  it('no ghosts, or an empty list, renders byte-identical SVG to a chart without the option', () => {
    for (const theme of ['light', 'dark'] as const) {
      expect(renderChartToString(loss(theme, []), 'en')).toBe(renderChartToString(loss(theme), 'en'));
      expect(renderChartToString(layers(theme, []), 'en')).toBe(renderChartToString(layers(theme), 'en'));
      // A single unlabelled curve keeps its 16 px margin (no ghost-label margin sneaks in).
      const single = curvesChart([{ key: 'a', label: 'a', colour: '#0072B2', points: decay(5) }], { title: 't', x: 's', y: 'l' }, theme, { ghosts: [] });
      expect(single.marginRight).toBe(16);
    }
  });

  it('each ghost is one thin dashed line mark carrying its label, and its label is drawn in the margin', () => {
    const doc = parse(renderChartToString(loss('light', GHOSTS), 'en'));
    const marks = Array.from(doc.querySelectorAll('g.chart-ghost'));
    expect(marks.map((g) => g.getAttribute('aria-description'))).toEqual(['#1 sigmoid', '#2 lr 0,3']);
    for (const g of marks) {
      expect(g.getAttribute('stroke-dasharray')).toBeTruthy();
      expect(Number(g.getAttribute('stroke-width'))).toBeLessThan(2);
      expect(g.querySelector('path')?.getAttribute('d')?.length ?? 0).toBeGreaterThan(20);
    }
    expect(new Set(marks.map((g) => g.getAttribute('stroke-dasharray'))).size).toBe(2);
    expect(new Set(marks.map((g) => g.getAttribute('stroke'))).size).toBe(2);
    const labels = Array.from(doc.querySelectorAll('g.chart-ghost-label text')).map((t) => t.textContent);
    expect(labels).toEqual(['#1 sigmoid', '#2 lr 0,3']);
    // The current run's labels are still there, and still bold.
    const bold = Array.from(doc.querySelectorAll('g[font-weight="600"] text')).map((t) => t.textContent);
    expect(bold).toEqual(['train', 'test', 'ln 2']);
  });

  it('ghosts lie under the current run: their marks come first in the SVG', () => {
    const svg = renderChartToString(loss('light', GHOSTS), 'en');
    const ghost = svg.indexOf('class="chart-ghost"');
    const current = svg.indexOf(`stroke="${activationColour('relu', 'light')}"`);
    expect(ghost).toBeGreaterThan(0);
    expect(current).toBeGreaterThan(ghost);
  });

  it('a per-layer chart draws ghost profiles without dots, labelled', () => {
    const doc = parse(renderChartToString(layers('dark', [{ label: 'A', values: profile(0) }, { label: 'B', values: profile(-4, 12) }]), 'en'));
    expect(Array.from(doc.querySelectorAll('g.chart-ghost')).map((g) => g.getAttribute('aria-description'))).toEqual(['A', 'B']);
    expect(Array.from(doc.querySelectorAll('g.chart-ghost-label text')).map((t) => t.textContent)).toEqual(['A', 'B']);
    // Only the current profile has dots: 11 layers, one dot each (a subpath each of the one
    // dot mark's path, charts/compactDots.ts).
    const dots = Array.from(doc.querySelectorAll('g[aria-label="dot"] path'));
    expect(dots.length).toBe(1);
    expect(dots[0].getAttribute('d')!.split('M').length - 1).toBe(11);
  });

  it('ghosts share the axes: a longer or higher earlier run widens them, so nothing is clipped', () => {
    const long = loss('light', [{ label: 'long', points: decay(10, 80, 2) }]);
    expect((long.x as { domain: number[] }).domain[1]).toBe(790);
    expect((long.y as { domain: number[] }).domain[1]).toBeGreaterThan(2);
    const deep = layers('light', [{ label: 'deep', values: profile(-1, 20) }]);
    expect((deep.x as { domain: number[] }).domain).toEqual([1, 21]);
  });

  it(`draws at most ${MAX_GHOSTS} ghosts, each with its own colour and dash`, () => {
    const six = Array.from({ length: 6 }, (_, k) => ({ label: `#${k + 1}`, points: decay(3 + k) }));
    const doc = parse(renderChartToString(loss('light', six), 'en'));
    expect(doc.querySelectorAll('g.chart-ghost').length).toBe(MAX_GHOSTS);
    const styles = Array.from({ length: MAX_GHOSTS }, (_, k) => ghostStyle(k, 'light'));
    expect(new Set(styles.map((s) => s.colour)).size).toBe(MAX_GHOSTS);
    expect(new Set(styles.map((s) => s.dash)).size).toBe(MAX_GHOSTS);
  });

  it('ghost lines keep 3:1 and ghost labels 4.5:1 on both surfaces of both themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      for (let k = 0; k < MAX_GHOSTS; k++) expect(worstContrast(ghostStyle(k, theme).colour, theme), `${theme} ghost ${k}`).toBeGreaterThanOrEqual(3);
      const four = Array.from({ length: 4 }, (_, k) => ({ label: `run ${k + 1}`, points: decay(4 + k) }));
      const doc = parse(renderChartToString(loss(theme, four), 'en'));
      const texts = Array.from(doc.querySelectorAll('g.chart-ghost-label text'));
      expect(texts.length).toBe(4);
      for (const t of texts) {
        const fill = t.getAttribute('fill') ?? t.parentElement?.getAttribute('fill') ?? '';
        for (const bg of [SURFACES[theme].bg, SURFACES[theme].raised]) expect(contrast(fill, bg), `${theme} ${t.textContent} ${fill}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('ghost labels and the current labels never overlap, even when every run ends at the same loss', () => {
    const same = Array.from({ length: 4 }, (_, k) => ({ label: `run ${k + 1}`, points: decay(6) }));
    const doc = parse(renderChartToString(loss('light', same, 375), 'en'));
    const ys = Array.from(doc.querySelectorAll('text'))
      .filter((t) => /^(train|test|ln 2|run \d)$/.test(t.textContent ?? ''))
      .map(heightOf);
    expect(ys.length).toBe(7);
    const sorted = [...ys].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i] - sorted[i - 1]).toBeGreaterThanOrEqual(13.9);
  });
});
