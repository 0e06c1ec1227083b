// The introduction's race, over seeds 1..3, computed with the same session code the worker
// runs. Every number docs/figures.md lets a sentence quote about this figure is pinned here.
import { describe, expect, it } from 'vitest';
import { pick } from '../../../src/i18n/index.ts';
import { createNetwork, gradients, makeDataset } from '../../../src/lib/index.ts';
import { defaults } from '../../../src/widgets/kit/params.ts';
import { formatSci } from '../../../src/widgets/kit/format.ts';
import { trainActivationRuns } from '../../../src/widgets/runner/runs.ts';
import { LN2, diagnose, errorRms, firstToLast, gradientRatio, thinLosses } from '../../../src/widgets/series/index.ts';
import { NETS, RACE_SCHEMA, raceConfigs, type RaceNet, type RaceValues } from '../../../src/widgets/intro-race/model.ts';
import { driftChart, errorChart, layersChart, lossChart, raceSummary, raceTable } from '../../../src/widgets/intro-race/view.ts';

const S = { es: { ...pick('es', 'kit.'), ...pick('es', 'series.'), ...pick('es', 'widget.introRace.') }, en: { ...pick('en', 'kit.'), ...pick('en', 'series.'), ...pick('en', 'widget.introRace.') } };

const cache = new Map<string, RaceNet[]>();
function race(v: RaceValues, steps: number): RaceNet[] {
  const key = JSON.stringify([v, steps]);
  if (cache.has(key)) return cache.get(key)!;
  const nets = trainActivationRuns(NETS.map((n) => n.activation), raceConfigs(v), steps);
  cache.set(key, nets);
  return nets;
}
const diag = (n: RaceNet) => diagnose({ step: n.step, loss: n.loss, layers: n.layers, start: n.initialLayers, diverged: n.diverged }, gradientRatio(n.layers));

describe('intro-race model', () => {
  it('defaults: depth 10 (2..20), seed 1', () => {
    const d = defaults(RACE_SCHEMA);
    expect([RACE_SCHEMA.depth.min, RACE_SCHEMA.depth.max, d.depth, d.seed]).toEqual([2, 20, 10, 1]);
  });

  it('both configs share shape, data, seed and optimiser; activation and initialisation differ', () => {
    const [a, b] = raceConfigs({ depth: 7, seed: 42 });
    expect(a.spec.sizes).toEqual([2, 16, 16, 16, 16, 16, 16, 16, 1]);
    expect(b.spec.sizes).toEqual(a.spec.sizes);
    expect(b.data).toEqual(a.data);
    expect(b.lr).toBe(a.lr);
    expect([a.spec.activation, a.spec.init, b.spec.activation, b.spec.init]).toEqual(['sigmoid', 'classic', 'relu', 'heNormal']);
  });

  it('the gradient clip never touches the sigmoid net, so both use the same optimiser in effect', () => {
    for (const depth of [2, 10, 20]) {
      const [c] = raceConfigs({ depth, seed: 1 });
      const { train } = makeDataset(c.data.name, { n: c.data.n, noise: c.data.noise, seed: c.data.seed, testFraction: 0.25 });
      const g = gradients(createNetwork(c.spec), train.x, train.y, train.n, 'bce');
      const norm = Math.sqrt(g.layers.reduce((a, l) => a + l.weightGradNorm ** 2 + l.biasGradNorm ** 2, 0));
      expect(norm).toBeLessThan(c.clipNorm!);
    }
  });

  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: at the start the sigmoid's first layer gets 10⁻¹⁰..10⁻⁸ of the output layer's gradient, ReLU's 0.2..0.7`, () => {
      const [sig, relu] = race({ depth: 10, seed }, 300);
      const rs = gradientRatio(sig.initialLayers);
      const rr = gradientRatio(relu.initialLayers);
      expect(rs).toBeGreaterThan(1e-10);
      expect(rs).toBeLessThan(1e-8);
      expect(rr).toBeGreaterThan(0.2);
      expect(rr).toBeLessThan(0.7);
      // The sigmoid profile falls towards the input: each layer gets less than the next.
      const g = sig.initialLayers.map((l) => l.weightGradNorm);
      for (let i = 0; i + 1 < g.length; i++) expect(g[i]).toBeLessThan(g[i + 1]);
    }, 60_000);

    it(`seed ${seed}: by step 300 the sigmoid has collapsed to the prior while ReLU has learned (loss under 0.03)`, () => {
      const [sig, relu] = race({ depth: 10, seed }, 300);
      expect(diag(sig)).toBe('collapsed');
      expect(Math.abs(sig.loss - LN2)).toBeLessThan(0.002);
      expect(relu.loss).toBeLessThan(0.03);
      expect(diag(relu)).not.toBe('collapsed');
      // The backpropagated error still vanishes in the sigmoid net: under 10⁻⁸ from last to first.
      expect(firstToLast(errorRms(sig.layers))).toBeLessThan(1e-8);
    }, 60_000);

    it(`seed ${seed}: by step 300 the sigmoid's first layer has moved under 10⁻⁸ of its size, ReLU's over 3 %`, () => {
      const [sig, relu] = race({ depth: 10, seed }, 300);
      expect(sig.records.at(-1)!.drift![0]).toBeLessThan(1e-8);
      expect(sig.records.at(-1)!.drift!.at(-1)!).toBeGreaterThan(0.05);
      expect(relu.records.at(-1)!.drift![0]).toBeGreaterThan(0.03);
    }, 60_000);
  }
});

describe('intro-race view', () => {
  it('at step 0 the summary states both ratios in each language', () => {
    const nets = race({ depth: 10, seed: 1 }, 0);
    for (const lang of ['es', 'en'] as const) {
      const t = raceSummary(nets, 10, S[lang], lang);
      expect(t).toContain(formatSci(gradientRatio(nets[0].layers), lang));
      expect(t).toContain(formatSci(gradientRatio(nets[1].layers), lang));
      expect(t).not.toMatch(/⟦|\{|NaN/);
    }
  });

  it('after training the summary names the collapse for the sigmoid and the flow for ReLU, at the step shown', () => {
    const later = race({ depth: 10, seed: 1 }, 300);
    for (const lang of ['es', 'en'] as const) {
      const t = raceSummary(later, 10, S[lang], lang);
      expect(t.startsWith(lang === 'es' ? 'Paso 300.' : 'Step 300.')).toBe(true);
      expect(t).toContain(S[lang]['series.diag.collapsed'].slice(0, 20));
      expect(t).toContain(formatSci(later[0].records.at(-1)!.drift![0], lang));
      expect(t).not.toMatch(/⟦|\{|NaN/);
    }
  }, 60_000);

  it('the charts span gradients far below 10⁻¹² (depth 20), show step 0 dashed next to now, and the table has every layer', () => {
    const nets = race({ depth: 20, seed: 1 }, 10);
    const tiny = Math.min(...nets[0].initialLayers.map((l) => l.weightGradNorm));
    expect(tiny).toBeLessThan(1e-15);
    const lo = (o: { y?: unknown }) => (o.y as { domain: number[] }).domain[0];
    expect(lo(layersChart(nets, S.en, 'light'))).toBeLessThanOrEqual(tiny);
    expect(lo(errorChart(nets, S.en, 'light'))).toBeLessThanOrEqual(Math.min(...nets[0].initialLayers.map((l) => l.deltaRms)));
    expect(driftChart(nets, S.en, 'light').ariaLabel).toBe(S.en['widget.introRace.chart.drift']);
    const t = raceTable(nets, S.en);
    expect(t.rows).toHaveLength(21);
    expect(t.rows[0][1]).toBe(nets[0].layers[0].weightGradNorm);
    expect(t.columns).toHaveLength(t.rows[0].length);
  }, 60_000);

  it('the loss chart starts at 0 and keeps spikes', () => {
    const nets = race({ depth: 10, seed: 1 }, 300);
    const o = lossChart(nets, S.en, 'light');
    expect((o.y as { domain: number[] }).domain[0]).toBe(0);
    const maxRelu = Math.max(...nets[1].losses);
    expect(Math.max(...thinLosses(nets[1].losses).map((p) => p.value))).toBe(maxRelu);
  }, 60_000);
});
