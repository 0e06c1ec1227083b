// He et al. (2015), reproduced: a 30-layer ReLU network "completely stalls" with Xavier init
// and learns with He init, same data and seed. Runs the figure's own configs through the
// session code the worker runs.
//
// Calibration (Node, circle data n = 160, noise 0.08, width 32, lr 0.01, 400 steps,
// full-batch SGD), final training loss, Xavier / He:
//   seed 1: 0.693 / 0.001   seed 2: 0.692 / 0.048   seed 3: 0.693 / 0.002   seed 4: 0.693 / 0.001
// (gaussians learned too fast to watch; moons worked but seed 5 ended He at 0.42.)
import { describe, expect, it } from 'vitest';
import { pick } from '../../../src/i18n/index.ts';
import { formatNumber } from '../../../src/widgets/kit/format.ts';
import { DEPTH, HE_SCHEMA, LN2, MAX_STEPS, heConfig, heConfigs, heVerdict } from '../../../src/widgets/he-reproduction/model.ts';
import { trainedViews } from '../../../src/widgets/he-reproduction/static.ts';
import { heCharts, heSummary, heTable, lossPoints } from '../../../src/widgets/he-reproduction/view.ts';
import { defaults } from '../../../src/widgets/kit/params.ts';
import { initVariance } from '../../../src/lib/index.ts';

const SEEDS = [1, 2, 3];
const strings = (lang: 'es' | 'en') => ({ ...pick(lang, 'kit.'), ...pick(lang, 'widget.heReproduction.') });

describe('he-reproduction configs', () => {
  it('pairs two networks that differ only in the initialisation', () => {
    const [x, h] = heConfigs(defaults(HE_SCHEMA));
    expect({ ...x, spec: { ...x.spec, init: null } }).toEqual({ ...h, spec: { ...h.spec, init: null } });
    expect(x.spec.sizes.length - 2).toBe(DEPTH);
    expect(DEPTH).toBe(30);
    expect(x.spec.activation).toBe('relu');
    const n = x.spec.sizes[1];
    // Xavier gives (1/2) n Var[w] = 1/2 per hidden layer; He gives 1.
    expect(0.5 * n * initVariance(x.spec.init, n, n)).toBeCloseTo(0.5, 12);
    expect(0.5 * n * initVariance(h.spec.init, n, n)).toBeCloseTo(1, 12);
  });
});

describe('he-reproduction over 3 seeds', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: Xavier stays at ln 2, He ends clearly below it and below Xavier`, { timeout: 300_000 }, () => {
      const v = trainedViews(seed);
      expect(v.xavier.step).toBe(MAX_STEPS);
      expect(v.he.step).toBe(MAX_STEPS);
      expect(Math.abs(v.xavier.loss - LN2)).toBeLessThan(0.02);
      expect(v.he.loss).toBeLessThan(LN2 - 0.3);
      expect(v.he.loss).toBeLessThan(v.xavier.loss - 0.3);
      // Xavier's first-layer gradient is orders of magnitude below He's at the start.
      expect(v.xavier.records[0].layers[0].weightGradNorm).toBeLessThan(1e-2 * v.he.records[0].layers[0].weightGradNorm);
      expect(heVerdict(v.xavier, v.he)).toBe('heLearnsXavierStalls');
    });
  }
});

describe('he-reproduction view', () => {
  it('states both losses in each language and names the verdict', { timeout: 300_000 }, () => {
    const v = trainedViews(1);
    for (const lang of ['es', 'en'] as const) {
      const s = strings(lang);
      const text = heSummary(v, s, lang);
      expect(text).toContain(formatNumber(v.xavier.loss, lang, 3));
      expect(text).toContain(formatNumber(v.he.loss, lang, 3));
      expect(text).toContain(s['widget.heReproduction.verdict.heLearnsXavierStalls']);
      expect(text).not.toMatch(/⟦|NaN/);
      const c = heCharts(v, s, 'dark', lang);
      expect(String(c.loss.ariaLabel)).not.toContain('⟦');
      expect(String(c.layers.ariaLabel)).not.toContain('⟦');
    }
    expect(formatNumber(LN2, 'es', 3)).toBe('0,693');
    const t = heTable(v, strings('en'));
    expect(t.rows[0][0]).toBe(0);
    expect(t.rows.at(-1)![0]).toBe(MAX_STEPS);
    expect(t.rows[0]).toHaveLength(t.columns.length);
    const pts = lossPoints(v.he);
    expect(pts[0]).toEqual({ step: 0, value: v.he.initialLoss });
    expect(pts.at(-1)!.step).toBe(MAX_STEPS);
  });

  it('calls the comparison early before step 50, and gives it from there when the data support it', () => {
    const early = { step: 49, initialLoss: LN2, loss: LN2, losses: [], layers: [], records: [] };
    expect(heVerdict(early, { ...early, loss: 0.1 })).toBe('early');
    expect(heVerdict({ ...early, step: 50 }, { ...early, step: 50, loss: 0.5 })).toBe('heLearnsXavierStalls');
    // Neither has moved yet at step 60: too early to call it a failure.
    expect(heVerdict({ ...early, step: 60 }, { ...early, step: 60, loss: 0.68 })).toBe('early');
    void heConfig;
  });
});

describe('he-reproduction defaults, as the chapter and the build-time figure describe them', () => {
  it('the figure opens on seed 1, the run the no-JS summary reports', () => {
    expect(defaults(HE_SCHEMA)).toEqual({ seed: 1 });
  });
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: the verdict "He learns, Xavier stalls" is given by step 50, as soon as He has left ln 2`, { timeout: 120_000 }, () => {
      const v = trainedViews(seed, 50);
      expect(v.he.step).toBe(50);
      expect(heVerdict(v.xavier, v.he)).toBe('heLearnsXavierStalls');
      const en = { ...pick('en', 'kit.'), ...pick('en', 'widget.heReproduction.') };
      expect(heSummary(v, en, 'en')).toContain(en['widget.heReproduction.verdict.heLearnsXavierStalls']);
    });
  }
});
