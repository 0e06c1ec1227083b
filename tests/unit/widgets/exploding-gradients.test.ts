// Exploding gradients and clipping: the numbers the chapter quotes about its figure, over
// seeds 1-3, and the figure's view (summary, table, charts) built from real runs.
import { describe, expect, it } from 'vitest';
import { pick } from '../../../src/i18n/index.ts';
import { defaults } from '../../../src/widgets/kit/params.ts';
import { formatNumber, formatPercent, formatSci } from '../../../src/widgets/kit/format.ts';
import { createSession } from '../../../src/widgets/runner/session.ts';
import { createEngine } from '../../../src/widgets/runner/engine.ts';
import type { FromWorker } from '../../../src/widgets/runner/protocol.ts';
import { createNetwork, spectralNorms } from '../../../src/lib/index.ts';
import {
  BALANCED, EXPLODING_SCHEMA, RUNS, STATIC_STEPS, errorProfile, explodingConfig, explodingConfigs, firstToOutput, globalGradNorm, initialBound, regime, survives,
  type ExplodingValues,
} from '../../../src/widgets/exploding-gradients/model.ts';
import { staticRuns } from '../../../src/widgets/exploding-gradients/static.ts';
import { formatLoss } from '../../../src/widgets/series/index.ts';
import { explodingSummary, explodingTable, gradNormChart, profileChart, saturatedShare } from '../../../src/widgets/exploding-gradients/view.ts';

const SEEDS = [1, 2, 3];
const strings = (lang: 'es' | 'en') => ({ ...pick(lang, 'kit.'), ...pick(lang, 'widget.explodingGradients.') });
const values = (patch: Partial<ExplodingValues>) => ({ ...defaults(EXPLODING_SCHEMA), ...patch }) as ExplodingValues;

/** The step-0 stats of the network for v (both runs share them). */
function initialLayers(v: ExplodingValues) {
  return createSession({ ...explodingConfig(v, 'plain'), maxSteps: 0 }).layerHistory[0].layers;
}

describe('exploding-gradients settings', () => {
  it('every default lies in its range', () => {
    for (const [name, p] of Object.entries(EXPLODING_SCHEMA)) {
      if (p.kind === 'number') {
        expect(p.default, name).toBeGreaterThanOrEqual(p.min);
        expect(p.default, name).toBeLessThanOrEqual(p.max);
      } else if (p.kind === 'enum') expect(p.options as readonly string[], name).toContain(p.default);
    }
  });

  it('the two runs differ in clipping and nothing else, and keep training apart', () => {
    const [plain, clipped] = explodingConfigs(values({ seed: 7, depth: 4 }));
    expect(plain.clipNorm).toBeUndefined();
    expect(clipped.clipNorm).toBe(1);
    expect({ ...plain, clipNorm: 0 }).toEqual({ ...clipped, clipNorm: 0 });
    expect(plain.spec.sizes).toEqual([2, 64, 64, 64, 64, 1]);
    expect(plain.independent).toBe(true);
  });

  it('the weight scale sets n·Var[w] = σ² for the 64-wide layers', () => {
    const c = explodingConfig(values({ scale: 2 }), 'plain');
    expect(c.spec.init).toEqual({ kind: 'normal', std: 2 / 8 });
  });

  it('regimes: more than tenfold either way is vanishing or exploding', () => {
    expect(regime(0.05)).toBe('vanishing');
    expect(regime(0.5)).toBe('balanced');
    expect(regime(9)).toBe('balanced');
    expect(regime(11)).toBe('exploding');
    expect(regime(NaN)).toBe('vanishing');
  });
});

describe('exploding-gradients at initialisation, seeds 1..3', () => {
  for (const seed of SEEDS) {
    for (const activation of ['relu', 'tanh'] as const) {
      it(`seed ${seed}, ${activation}: the scale moves the profile from vanishing through balanced to exploding`, () => {
        const at = (scale: number) => firstToOutput(initialLayers(values({ seed, activation, scale })));
        const low = at(0.5);
        const mid = at(Math.round(BALANCED[activation] * 10) / 10);
        if (activation === 'relu') {
          // The chapter's numbers: about 2 × 10⁻⁵ at σ = 0.5, within a factor of two of 1 at σ = 1.4.
          expect(low).toBeGreaterThan(1e-5);
          expect(low).toBeLessThan(5e-5);
          expect(mid).toBeGreaterThan(0.5);
          expect(mid).toBeLessThan(2);
        }
        const high = at(2.5);
        expect(regime(low)).toBe('vanishing');
        expect(regime(mid)).toBe('balanced');
        expect(regime(high)).toBe('exploding');
        expect(low).toBeLessThan(1e-2);
        expect(high).toBeGreaterThan(20);
      }, 30_000);

      it(`seed ${seed}, ${activation}: no layer's error ever exceeds gradientBound(), at any scale`, () => {
        for (const scale of [0.5, 1.4, 3]) {
          const v = values({ seed, activation, scale });
          const measured = errorProfile(initialLayers(v));
          const bound = initialBound(v);
          expect(bound).toHaveLength(measured.length);
          expect(bound.at(-1)).toBeCloseTo(1, 12);
          measured.forEach((m, i) => expect(m, `layer ${i + 1}, scale ${scale}`).toBeLessThanOrEqual(bound[i] * (1 + 1e-9)));
        }
      }, 30_000);
    }

    it(`seed ${seed}: ReLU at the default σ = 2.5: the first layer gets 100 to 1000 times the output's error`, () => {
      const r = firstToOutput(initialLayers(values({ seed })));
      expect(r).toBeGreaterThan(100);
      expect(r).toBeLessThan(1000);
    });

    it(`seed ${seed}: at the default σ = 2.5 the bound on the first layer is in the millions, four decades above the measured error, and each 64-wide layer's spectral norm is close to 2σ`, () => {
      const v = values({ seed });
      const b = initialBound(v)[0];
      expect(b).toBeGreaterThan(1e6);
      expect(b).toBeLessThan(1e7);
      const norms = spectralNorms(createNetwork(explodingConfig(v, 'plain').spec));
      for (const x of norms.slice(1, -1)) {
        expect(x).toBeGreaterThan(1.8 * v.scale);
        expect(x).toBeLessThan(2.2 * v.scale);
      }
      expect(b / firstToOutput(initialLayers(v))).toBeGreaterThan(1e4);
    });

    it(`seed ${seed}: tanh at σ = 2.5 explodes while a third or more of its deeper units are saturated`, () => {
      const layers = initialLayers(values({ seed, activation: 'tanh' }));
      expect(firstToOutput(layers)).toBeGreaterThan(20);
      // The first layers see the 2 inputs scaled down; from the fifth on, about a third or more of the units saturate.
      for (const l of layers.slice(4, -1)) expect(l.saturatedFraction).toBeGreaterThan(0.3);
    }, 30_000);
  }
});

describe('exploding-gradients training, default settings, seeds 1..3', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: without clipping the run diverges within 3 steps; clipped, it survives and is below 0.05 at step ${STATIC_STEPS}`, () => {
      const v = values({ seed });
      const [plain, clipped] = staticRuns(v, STATIC_STEPS);
      expect(plain.diverged).not.toBeNull();
      expect(plain.diverged!.step).toBeLessThanOrEqual(3);
      // From a starting loss between 10 and 25 to over a hundred times that.
      expect(plain.initialLoss).toBeGreaterThan(10);
      expect(plain.initialLoss).toBeLessThan(25);
      expect(plain.diverged!.loss).toBeGreaterThan(100 * plain.initialLoss);
      expect(clipped.diverged).toBeNull();
      expect(clipped.step).toBe(STATIC_STEPS);
      // Mid-training it is already far below where it started.
      expect(clipped.losses[49]).toBeLessThan(clipped.initialLoss / 10);
      expect(clipped.loss).toBeLessThan(0.05);
      expect(survives(clipped)).toBe(true);
      expect(survives(plain)).toBe(false);
    }, 60_000);

    it(`seed ${seed}: clipping rescales the step but not the gradient: both runs measure the same step-0 gradient, far above τ`, () => {
      const [plain, clipped] = staticRuns(values({ seed }), STATIC_STEPS);
      expect(clipped.records[0].layers).toEqual(plain.records[0].layers);
      expect(globalGradNorm(plain.records[0].layers)).toBeGreaterThan(10 * 1);
      // Mid-training the clipped run's raw gradient is still larger than τ at some record: clipping stays active.
      expect(clipped.records.some((r) => r.step > 0 && r.step <= 50 && globalGradNorm(r.layers) > 1)).toBe(true);
    }, 60_000);
  }
});

describe('exploding-gradients in the training engine', () => {
  it('an independent pair keeps its survivor training after the other run diverges', async () => {
    const got: FromWorker[] = [];
    const engine = createEngine((m) => got.push(m), 4);
    const v = values({ seed: 1, depth: 2 });
    const [plain, clipped] = explodingConfigs(v).map((c) => ({ ...c, lr: c.clipNorm ? 0.05 : 1e6, maxSteps: 30 }));
    engine.receive({ type: 'init', generation: 1, configs: [plain, clipped] });
    engine.receive({ type: 'play' });
    const snap = () => got.filter((m): m is Extract<FromWorker, { type: 'snapshot' }> => m.type === 'snapshot').at(-1)!;
    const t0 = Date.now();
    while (!(snap().sessions[1].state.finished || snap().sessions[1].state.diverged) && Date.now() - t0 < 20_000) await new Promise((r) => setTimeout(r, 10));
    engine.stop();
    const [p, c] = snap().sessions;
    expect(p.state.diverged).not.toBeNull();
    expect(c.state.diverged).toBeNull();
    expect(c.state.step).toBe(30);
    expect(c.state.step).toBeGreaterThan(p.state.step);
  }, 30_000);
});

describe('exploding-gradients view', () => {
  const v = values({ seed: 1 });
  const runs = () => staticRuns(v, STATIC_STEPS);

  it('the summary gives the step-0 ratio, its bound, both losses and says who diverged, in the reader notation', () => {
    const bound = initialBound(v);
    for (const lang of ['es', 'en'] as const) {
      const text = explodingSummary(runs(), bound, v, strings(lang), lang);
      expect(text).not.toContain('⟦');
      expect(text).not.toMatch(/\{\w+\}/);
      expect(text).toContain(formatSci(firstToOutput(runs()[0].records[0].layers), lang));
      expect(text).toContain(formatSci(bound[0], lang));
      expect(text).toContain(formatLoss(runs()[1].loss, lang));
      expect(text).toContain(strings(lang)['widget.explodingGradients.regime.exploding']);
      expect(text).toContain(strings(lang)['widget.explodingGradients.summary.survives']);
      expect(text).not.toContain(strings(lang)['widget.explodingGradients.summary.saturated'].split('{')[0]);
      const tanh = values({ seed: 1, activation: 'tanh' });
      const t = explodingSummary(staticRuns(tanh, 0), initialBound(tanh), tanh, strings(lang), lang);
      expect(t).toContain(formatPercent(saturatedShare(staticRuns(tanh, 0)), lang));
      expect(text).toContain(formatNumber(runs()[0].diverged!.step, lang, 0));
    }
    expect(explodingSummary(runs(), bound, v, strings('es'), 'es')).toContain('σ = 2,5');
  });

  it('the data table has one row per layer with the step-0 ratio and its bound', () => {
    const bound = initialBound(v);
    const t = explodingTable(runs(), bound, strings('en'));
    expect(t.rows).toHaveLength(v.depth + 1);
    expect(t.rows[0][1]).toBeCloseTo(firstToOutput(runs()[0].records[0].layers), 12);
    expect(t.rows.map((r) => r[2])).toEqual(bound);
    expect(t.rows.at(-1)![1]).toBeCloseTo(1, 12);
  });

  it('the profile chart spans both the measured profile and the bound on a log axis', () => {
    const bound = initialBound(v);
    const o = profileChart(runs(), bound, strings('en'), 'light');
    const y = o.y as { type: string; domain: [number, number] };
    expect(y.type).toBe('log');
    const measured = errorProfile(runs()[0].records[0].layers);
    expect(y.domain[0]).toBeLessThanOrEqual(Math.min(...measured));
    expect(y.domain[1]).toBeGreaterThanOrEqual(Math.max(...bound));
  });

  it('the gradient-norm chart shows the threshold τ inside its axis', () => {
    const o = gradNormChart(runs(), v, strings('en'), 'light', 'en');
    const y = o.y as { domain: [number, number] };
    expect(y.domain[0]).toBeLessThanOrEqual(Number(v.clip));
    expect(y.domain[1]).toBeGreaterThanOrEqual(Math.max(...runs()[0].records.map((r) => globalGradNorm(r.layers))));
    expect(RUNS).toEqual(['plain', 'clipped']);
  });
});
