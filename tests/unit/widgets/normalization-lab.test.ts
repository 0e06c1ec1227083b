// The normalisation figure: what the chapter says of it, over seeds 1..3. With weights that
// start too large, the plain tanh network saturates and stays at ln 2 while both normalised
// networks keep their units unsaturated and learn; with Xavier weights, batch norm alone
// makes the backpropagated error grow on its way back at step 0 (Yang et al. 2019).
import { describe, expect, it } from 'vitest';
import { pick } from '../../../src/i18n/index.ts';
import { defaults } from '../../../src/widgets/kit/params.ts';
import { formatPercent } from '../../../src/widgets/kit/format.ts';
import { createSession } from '../../../src/widgets/runner/session.ts';
import { CHANCE, NORMS, NORM_SCHEMA, errorGrowth, meanSaturation, normConfigs, type NormRun, type NormValues } from '../../../src/widgets/normalization-lab/model.ts';
import { errorChart, normSummary, normTable, saturationChart } from '../../../src/widgets/normalization-lab/view.ts';

const STEPS = 400;
const SEEDS = [1, 2, 3];
const strings = (lang: 'es' | 'en') => ({ ...pick(lang, 'kit.'), ...pick(lang, 'widget.normalizationLab.') });

function train(v: NormValues, steps: number): NormRun[] {
  return normConfigs(v).map((c, i) => {
    const s = createSession(c);
    const layers0 = s.state().layers;
    s.run(steps);
    const st = s.state();
    return { norm: NORMS[i], step: st.step, loss: st.loss, initialLoss: st.initialLoss, losses: s.lossHistory, layers: st.layers, initialLayers: layers0, records: s.layerHistory, diverged: st.diverged };
  });
}
const cache = new Map<string, NormRun[]>();
const runs = (patch: Partial<NormValues>, steps = STEPS) => {
  const v = { ...defaults(NORM_SCHEMA), ...patch } as NormValues;
  const key = `${JSON.stringify(v)}|${steps}`;
  if (!cache.has(key)) cache.set(key, train(v, steps));
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
    }
  });

  it('the table has one row per hidden layer; the charts are labelled and the heat map spans 0–100 %', () => {
    const r = runs({ seed: 2 });
    const t = normTable(r, strings('en'));
    expect(t.rows).toHaveLength(defaults(NORM_SCHEMA).depth);
    expect(t.rows[0]).toEqual([1, r[0].layers[0].deltaRms, r[0].layers[0].saturatedFraction, r[1].layers[0].deltaRms, r[1].layers[0].saturatedFraction, r[2].layers[0].deltaRms, r[2].layers[0].saturatedFraction]);
    expect(errorChart(r, strings('en'), 'light').ariaLabel).toBe(strings('en')['widget.normalizationLab.chart.error']);
    const h = saturationChart(r[0], strings('es'), 'dark');
    expect((h.color as { domain: number[] }).domain).toEqual([0, 1]);
  });
});
