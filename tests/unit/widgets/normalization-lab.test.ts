// The normalisation figure: what the chapter says of it, over seeds 1..3. With weights that
// start too large, the plain tanh network saturates and stays at ln 2 while both normalised
// networks keep their units unsaturated and learn; with Xavier weights, batch norm alone
// makes the backpropagated error grow on its way back at step 0 (Yang et al. 2019).
import { describe, expect, it } from 'vitest';
import { pick } from '../../../src/i18n/index.ts';
import { defaults } from '../../../src/widgets/kit/params.ts';
import { formatPercent } from '../../../src/widgets/kit/format.ts';
import { createSession } from '../../../src/widgets/runner/session.ts';
import { activationsPerLayer, makeDataset } from '../../../src/lib/index.ts';
import { CHANCE, NORM_SCHEMA, errorGrowth, histLayers, meanSaturation, normConfigs, outerShare, type NormRun, type NormValues } from '../../../src/widgets/normalization-lab/model.ts';
import { trainNorms } from '../../../src/widgets/normalization-lab/static.ts';
import { errorChart, histogramChart, normSummary, normTable, saturationChart } from '../../../src/widgets/normalization-lab/view.ts';

const STEPS = 400;
const SEEDS = [1, 2, 3];
const strings = (lang: 'es' | 'en') => ({ ...pick(lang, 'kit.'), ...pick(lang, 'widget.normalizationLab.') });

const cache = new Map<string, NormRun[]>();
const runs = (patch: Partial<NormValues>, steps = STEPS) => {
  const v = { ...defaults(NORM_SCHEMA), ...patch } as NormValues;
  const key = `${JSON.stringify(v)}|${steps}`;
  if (!cache.has(key)) cache.set(key, trainNorms(v, steps));
  return cache.get(key)!;
};

describe('normalization-lab settings', () => {
  it('every default lies in its range, and the three configurations differ only in the norm', () => {
    for (const [name, p] of Object.entries(NORM_SCHEMA)) {
      if (p.kind === 'number') {
        expect(p.default, name).toBeGreaterThanOrEqual(p.min);
        expect(p.default, name).toBeLessThanOrEqual(p.max);
      } else expect(p.options as readonly string[], name).toContain(p.default);
    }
    const [a, b, c] = normConfigs(defaults(NORM_SCHEMA));
    expect([a.spec.norm, b.spec.norm, c.spec.norm]).toEqual(['none', 'batch', 'layer']);
    const strip = (x: typeof a) => ({ ...x, spec: { ...x.spec, norm: 'none' } });
    expect(strip(b)).toEqual(strip(a));
    expect(strip(c)).toEqual(strip(a));
  });
});

describe('normalization-lab default experiment (weights too large), seeds 1..3', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: the plain network starts over half saturated, saturates further and stays at ln 2; both normalised ones stay under 10 % saturated and learn`, () => {
      const [none, batch, layer] = runs({ seed });
      expect(meanSaturation(none.initialLayers)).toBeGreaterThan(0.5);
      expect(meanSaturation(none.layers)).toBeGreaterThan(0.75);
      expect(Math.abs(none.loss - CHANCE)).toBeLessThan(0.01);
      for (const r of [batch, layer]) {
        expect(meanSaturation(r.initialLayers)).toBeLessThan(0.1);
        expect(meanSaturation(r.layers)).toBeLessThan(0.1);
        expect(r.loss).toBeLessThan(0.1);
        expect(r.diverged).toBeNull();
      }
    }, 120_000);
  }
});

describe('normalization-lab activation histograms (default, weights too large), seeds 1..3', () => {
  // Measured (outer-bin share, first/middle/last hidden layer): plain 3–5 %/66–72 %/68–70 % at
  // step 0 and 81–94 % from step 40 on; batch and layer norm 11–18 % throughout.
  const outer = (r: NormRun, which: 'initial' | 'now') => r.histograms![which].map(outerShare);
  for (const seed of SEEDS) {
    it(`seed ${seed}: the plain network piles its middle and last layers' activations at ±1 from step 0 and every layer's by step 40; both normalised ones keep under 20 % there`, () => {
      for (const steps of [0, 40, STEPS]) {
        const [none, batch, layer] = runs({ seed }, steps);
        expect(none.histograms!.now.map((h) => h.layer)).toEqual(histLayers(NORM_SCHEMA.depth.default));
        const plain = outer(none, 'now');
        if (steps === 0) plain.slice(1).forEach((x) => expect(x).toBeGreaterThan(0.6));
        else plain.forEach((x) => expect(x).toBeGreaterThan(0.75));
        for (const r of [batch, layer]) for (const x of [...outer(r, 'now'), ...outer(r, 'initial')]) expect(x).toBeLessThan(0.2);
      }
    }, 120_000);
  }

  it('the histograms use batch norm\'s batch statistics: its running statistics at step 0 would show it as saturated as the plain network', () => {
    const c = normConfigs({ ...defaults(NORM_SCHEMA), seed: 1 })[1];
    const s = createSession(c);
    const { train } = makeDataset(c.data.name, { n: c.data.n, noise: c.data.noise, seed: c.data.seed, testFraction: 0.25 });
    const layer = histLayers(NORM_SCHEMA.depth.default)[1];
    const a = activationsPerLayer(s.net, train.x, train.n)[layer - 1].a;
    expect(a.filter((x) => Math.abs(x) > 0.9).length / a.length).toBeGreaterThan(0.6);
    expect(outerShare(s.histograms()!.initial[1])).toBeLessThan(0.2);
  });
});

describe('normalization-lab with Xavier weights at step 0, seeds 1..3', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: batch norm alone makes the error grow over 30-fold back through 20 layers; the plain network keeps it within 3×, layer norm grows it less than batch norm`, () => {
      const [none, batch, layer] = runs({ seed, init: 'xavier' }, 0);
      expect(errorGrowth(batch.initialLayers)).toBeGreaterThan(30);
      expect(errorGrowth(none.initialLayers)).toBeLessThan(3);
      expect(errorGrowth(layer.initialLayers)).toBeLessThan(errorGrowth(batch.initialLayers));
    }, 60_000);
  }
});

describe('normalization-lab view', () => {
  it('the summary states the losses and saturations of all three, in both languages', () => {
    const r = runs({ seed: 1 });
    for (const lang of ['es', 'en'] as const) {
      const text = normSummary(r, strings(lang), lang);
      expect(text).not.toContain('⟦');
      for (const x of r) expect(text).toContain(formatPercent(meanSaturation(x.layers), lang));
      for (const x of r) expect(text).toContain(formatPercent(outerShare(x.histograms!.now[1]), lang));
    }
  });

  it('the table has one row per hidden layer; the charts are labelled and the heat map spans 0–100 %', () => {
    const r = runs({ seed: 2 });
    const t = normTable(r, strings('en'));
    expect(t.rows).toHaveLength(defaults(NORM_SCHEMA).depth);
    expect(t.rows[0]).toEqual([1, r[0].layers[0].deltaRms, r[0].layers[0].saturatedFraction, r[1].layers[0].deltaRms, r[1].layers[0].saturatedFraction, r[2].layers[0].deltaRms, r[2].layers[0].saturatedFraction, ...r.map((x) => outerShare(x.histograms!.now[0]))]);
    // Only the histogrammed layers have an outer-bin share.
    expect(t.rows[1].slice(-3)).toEqual(['', '', '']);
    const hc = histogramChart(r[0], strings('es'), 'light');
    expect(hc.ariaLabel).toContain(strings('es')['widget.normalizationLab.norm.none']);
    expect(hc.ariaLabel).toContain(histLayers(NORM_SCHEMA.depth.default).join(', '));
    expect(errorChart(r, strings('en'), 'light').ariaLabel).toBe(strings('en')['widget.normalizationLab.chart.error']);
    const h = saturationChart(r[0], strings('es'), 'dark');
    expect((h.color as { domain: number[] }).domain).toEqual([0, 1]);
  });

  it('the live saturation map is one bitmap holding exactly the build-time cells: pixel (column, layer) is that record’s saturated share', () => {
    for (const seed of [1, 2, 3]) {
      const r = runs({ seed })[0];
      const svg = saturationChart(r, strings('en'), 'light');
      const live = saturationChart(r, strings('en'), 'light', 640, { raster: true });
      const cells = (svg.marks as unknown as { data: { col: number; layer: number; value: number }[] }[])[0].data;
      const [raster] = live.marks as unknown as { data: number[]; width?: number; height?: number }[];
      expect(live.marks).toHaveLength(1);
      const cols = Math.max(...cells.map((c) => c.col)) + 1;
      const layers = Math.max(...cells.map((c) => c.layer));
      expect(raster.data).toHaveLength(cols * layers);
      for (const c of cells) expect(raster.data[(c.layer - 1) * cols + c.col]).toBe(c.value);
      // Same title, colour scale and layer ticks as the build-time chart.
      expect(live.ariaLabel).toBe(svg.ariaLabel);
      expect(live.color).toEqual(svg.color);
      expect((live.y as { ticks: number[] }).ticks).toEqual((svg.y as { ticks: number[] }).ticks);
      // Some layer saturates in some run: the map is not blank.
      expect(raster.data.some((v) => v > 0)).toBe(true);
    }
  });
});
