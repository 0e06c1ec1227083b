// Residual connections: the numbers the chapter quotes about its figure, over seeds 1-3,
// and the figure's view (summary, table, charts) built from real runs.
import { describe, expect, it } from 'vitest';
import { pick } from '../../../src/i18n/index.ts';
import { defaults } from '../../../src/widgets/kit/params.ts';
import { formatSci } from '../../../src/widgets/kit/format.ts';
import { LN2, formatLoss } from '../../../src/widgets/series/index.ts';
import { createSession } from '../../../src/widgets/runner/session.ts';
import {
  RESIDUAL_SCHEMA, STATIC_STEPS, firstToOutput, latestDrift, residualConfig, residualConfigs, stalled, trains, type ResidualValues,
} from '../../../src/widgets/residual-connections/model.ts';
import { staticRuns } from '../../../src/widgets/residual-connections/static.ts';
import { driftChart, errorsChart, residualSummary, residualTable } from '../../../src/widgets/residual-connections/view.ts';

const SEEDS = [1, 2, 3];
const strings = (lang: 'es' | 'en') => ({ ...pick(lang, 'kit.'), ...pick(lang, 'widget.residualConnections.') });
const values = (patch: Partial<ResidualValues>) => ({ ...defaults(RESIDUAL_SCHEMA), ...patch }) as ResidualValues;

describe('residual-connections settings', () => {
  it('every default lies in its range', () => {
    for (const [name, p] of Object.entries(RESIDUAL_SCHEMA)) {
      if (p.kind === 'number') {
        expect(p.default, name).toBeGreaterThanOrEqual(p.min);
        expect(p.default, name).toBeLessThanOrEqual(p.max);
      } else if (p.kind === 'enum') expect(p.options as readonly string[], name).toContain(p.default);
    }
  });

  it('the two networks differ in the skips and nothing else, and start from the same weights', () => {
    const [plain, res] = residualConfigs(values({ depth: 6, seed: 9, branch: '0.25' }));
    expect(plain.spec.residual).toBeUndefined();
    expect(res.spec.residual).toBe(true);
    expect(res.spec.residualScale).toBe(0.25);
    const { residual: _r, residualScale: _s, ...rest } = res.spec;
    expect(rest).toEqual(plain.spec);
    expect({ ...res, spec: null }).toEqual({ ...plain, spec: null });
    const a = createSession({ ...plain, maxSteps: 0 }).net;
    const b = createSession({ ...res, maxSteps: 0 }).net;
    a.layers.forEach((l, i) => expect(b.layers[i].weights).toEqual(l.weights));
  });
});

describe('residual-connections default experiment (50 tanh layers, classic init, s = 0.5), seeds 1..3', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: at step 0 the plain network's first layer gets 10⁻¹⁴ to 10⁻¹² of the output's error; the residual one 0.1 to 1.5 times it`, () => {
      const [plain, res] = staticRuns(values({ seed }), STATIC_STEPS);
      const p = firstToOutput(plain.records[0].layers);
      const r = firstToOutput(res.records[0].layers);
      // The chapter: between 10⁻¹⁴ and 10⁻¹² plain, between a tenth and about the whole residual.
      expect(p).toBeGreaterThan(1e-14);
      expect(p).toBeLessThan(1e-12);
      expect(r).toBeGreaterThan(0.1);
      expect(r).toBeLessThan(1.5);
    }, 90_000);

    it(`seed ${seed}: after ${STATIC_STEPS} steps the plain network is stuck at ln 2 and the residual one trains smoothly (below 0.05, and below 0.35 at step 50)`, () => {
      const [plain, res] = staticRuns(values({ seed }), STATIC_STEPS);
      expect(stalled(plain)).toBe(true);
      expect(Math.abs(plain.loss - LN2)).toBeLessThan(0.01);
      expect(trains(res)).toBe(true);
      expect(res.loss).toBeLessThan(0.05);
      expect(res.losses[49]).toBeLessThan(0.35);
      // Smoothly: after the first steps its loss never climbs more than 10 % above its best so far.
      let best = Infinity;
      res.losses.forEach((l, i) => {
        if (i >= 10) expect(l, `step ${i + 1}`).toBeLessThan(1.1 * best);
        best = Math.min(best, l);
      });
      expect(res.testAccuracy).toBeGreaterThan(0.9);
      expect(plain.diverged).toBeNull();
      expect(res.diverged).toBeNull();
    }, 90_000);

    it(`seed ${seed}: the plain network's first layer has not moved (drift under 10⁻¹⁰); every residual layer has moved by 2 % or more`, () => {
      const [plain, res] = staticRuns(values({ seed }), STATIC_STEPS);
      const dp = latestDrift(plain);
      const dr = latestDrift(res);
      expect(dp[0]).toBeLessThan(1e-10);
      // Every residual layer has moved by a couple of per cent or more.
      for (const d of dr) expect(d).toBeGreaterThan(0.02);
      // Mid-training too: at the first record after step 50, the gap is already there.
      const mid = (r: typeof plain) => r.records.find((x) => x.step >= 50)!.drift![0];
      expect(mid(res)).toBeGreaterThan(1e4 * mid(plain));
    }, 90_000);
  }

  for (const seed of SEEDS) {
    it(`seed ${seed}: with branch scale 1 the residual network starts further from chance than with 0.5, and learning rate 0.3 makes it diverge within 10 steps`, () => {
      const start = (branch: '0.5' | '1') => createSession({ ...residualConfig(values({ seed, branch }), 'residual'), maxSteps: 0 }).state().initialLoss;
      expect(start('1')).toBeGreaterThan(start('0.5'));
      expect(start('1')).toBeGreaterThan(0.8);
      const s = createSession(residualConfig(values({ seed, branch: '1', lr: '0.3' }), 'residual'));
      s.run(10);
      expect(s.state().diverged).not.toBeNull();
    }, 30_000);
  }

  it('with two hidden layers the skip makes no difference to whether the network learns', () => {
    const v = values({ depth: 2, seed: 1 });
    const [plain, res] = residualConfigs(v).map((c) => {
      const s = createSession({ ...c, maxSteps: 300 });
      s.run(300);
      return s.state();
    });
    expect(plain.loss).toBeLessThan(LN2 - 0.2);
    expect(res.loss).toBeLessThan(LN2 - 0.2);
    expect(residualConfig(v, 'plain').spec.sizes).toEqual([2, 16, 16, 1]);
  }, 30_000);
});

describe('residual-connections view', () => {
  const v = values({ seed: 1 });
  const runs = () => staticRuns(v, STATIC_STEPS);

  it('the summary gives both losses, both step-0 ratios and both drifts, and says the plain network is stuck', () => {
    for (const lang of ['es', 'en'] as const) {
      const text = residualSummary(runs(), v, strings(lang), lang);
      expect(text).not.toContain('⟦');
      expect(text).not.toMatch(/\{\w+\}/);
      expect(text).toContain(formatLoss(runs()[0].loss, lang));
      expect(text).toContain(formatLoss(runs()[1].loss, lang));
      expect(text).toContain(formatSci(firstToOutput(runs()[0].records[0].layers), lang));
      expect(text).toContain(formatSci(latestDrift(runs()[1])[0], lang));
      expect(text).toContain(strings(lang)['widget.residualConnections.verdict.plainStalls'].split('{')[0]);
    }
  });

  it('the data table has one row per layer with errors at step 0 and now, and drifts', () => {
    const t = residualTable(runs(), strings('en'));
    expect(t.rows).toHaveLength(v.depth + 1);
    expect(t.columns).toHaveLength(7);
    expect(t.rows[0][1]).toBe(runs()[0].records[0].layers[0].deltaRms);
    expect(t.rows[0][6]).toBe(latestDrift(runs()[1])[0]);
  });

  it('the error chart spans every decade of both profiles, now and at step 0', () => {
    const o = errorsChart(runs(), strings('en'), 'light');
    const y = o.y as { type: string; domain: [number, number] };
    expect(y.type).toBe('log');
    const all = runs().flatMap((r) => [...r.records[0].layers, ...r.records.at(-1)!.layers].map((l) => l.deltaRms)).filter((x) => x > 0);
    expect(y.domain[0]).toBeLessThanOrEqual(Math.min(...all));
    expect(y.domain[1]).toBeGreaterThanOrEqual(Math.max(...all));
    // Twelve decades or more between the plain network's first layer and the output.
    expect(Math.log10(y.domain[1] / y.domain[0])).toBeGreaterThan(12);
  });

  it('the drift chart is on a log axis that reaches the residual network\'s largest drift', () => {
    const o = driftChart(runs(), strings('en'), 'light');
    const y = o.y as { type: string; domain: [number, number] };
    expect(y.type).toBe('log');
    expect(y.domain[1]).toBeGreaterThanOrEqual(Math.max(...latestDrift(runs()[1])));
  });
});
