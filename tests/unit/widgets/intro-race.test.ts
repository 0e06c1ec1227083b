// The introduction's race: with the default settings the deep sigmoid network's first
// layer gets a vanishing share of the gradient and the ReLU network's does not, on
// several seeds, computed with the same session code the worker runs.
import { describe, expect, it } from 'vitest';
import { pick } from '../../../src/i18n/index.ts';
import { defaults } from '../../../src/widgets/kit/params.ts';
import { formatSci } from '../../../src/widgets/kit/format.ts';
import { createSession } from '../../../src/widgets/runner/session.ts';
import { LN2, NETS, RACE_SCHEMA, firstToLast, isStuck, raceConfigs, type NetView, type RaceValues } from '../../../src/widgets/intro-race/model.ts';
import { FLOOR, layersChart, raceSummary, raceTable, thin } from '../../../src/widgets/intro-race/view.ts';

const S = { es: { ...pick('es', 'kit.'), ...pick('es', 'widget.introRace.') }, en: { ...pick('en', 'kit.'), ...pick('en', 'widget.introRace.') } };

function race(v: RaceValues, steps: number): NetView[] {
  return raceConfigs(v).map((c, i) => {
    const s = createSession(c);
    const start = s.state().layers;
    s.run(steps);
    const st = s.state();
    return { activation: NETS[i].activation, step: st.step, loss: st.loss, initialLoss: st.initialLoss, layers: st.layers, startLayers: start, losses: [...s.lossHistory] };
  });
}

describe('intro-race model', () => {
  it('defaults lie inside the schema; depth runs 2..20', () => {
    const d = defaults(RACE_SCHEMA);
    expect(RACE_SCHEMA.depth.min).toBe(2);
    expect(RACE_SCHEMA.depth.max).toBe(20);
    expect(d.depth).toBe(10);
    expect(d.seed).toBeGreaterThanOrEqual(RACE_SCHEMA.seed.min);
  });

  it('both configs share shape, data, seed and optimiser; only activation and init differ', () => {
    const [a, b] = raceConfigs({ depth: 7, seed: 42 });
    expect(a.spec.sizes).toEqual([2, 16, 16, 16, 16, 16, 16, 16, 1]);
    expect(b.spec.sizes).toEqual(a.spec.sizes);
    expect(b.data).toEqual(a.data);
    expect(b.lr).toBe(a.lr);
    expect(b.spec.seed).toBe(a.spec.seed);
    expect([a.spec.activation, a.spec.init, b.spec.activation, b.spec.init]).toEqual(['sigmoid', 'classic', 'relu', 'heNormal']);
  });

  it("the gradient clip never touches the sigmoid net, so both use the same optimiser in effect", async () => {
    const { gradients, createNetwork, makeDataset } = await import('../../../src/lib/index.ts');
    for (const depth of [2, 10, 20]) {
      const [c] = raceConfigs({ depth, seed: 1 });
      const { train } = makeDataset(c.data.name, { n: c.data.n, noise: c.data.noise, seed: c.data.seed, testFraction: 0.25 });
      const g = gradients(createNetwork(c.spec), train.x, train.y, train.n, 'bce');
      const norm = Math.sqrt(g.layers.reduce((a, l) => a + l.weightGradNorm ** 2 + l.biasGradNorm ** 2, 0));
      expect(norm).toBeLessThan(c.clipNorm!);
    }
  });

  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}, depth 10: at the start the sigmoid ratio is below 10⁻⁶ and ReLU's above 10⁻²`, () => {
      const [sig, relu] = race({ depth: 10, seed }, 0);
      expect(firstToLast(sig.layers)).toBeLessThan(1e-6);
      expect(firstToLast(relu.layers)).toBeGreaterThan(1e-2);
      // The sigmoid profile falls towards the input: each layer gets less than the next.
      const g = sig.layers.map((l) => l.weightGradNorm);
      for (let i = 0; i + 1 < g.length; i++) expect(g[i]).toBeLessThan(g[i + 1]);
    });
  }

  it('after 300 steps the ReLU net has learnt and the sigmoid net is stuck at ln 2', () => {
    const [sig, relu] = race({ depth: 10, seed: 1 }, 300);
    expect(relu.loss).toBeLessThan(0.2);
    expect(isStuck(sig.loss, sig.step)).toBe(true);
    expect(Math.abs(sig.loss - LN2)).toBeLessThan(0.01);
    expect(isStuck(relu.loss, relu.step)).toBe(false);
  });
});

describe('intro-race view', () => {
  it('summaries state both ratios in each language, derived from the sessions', () => {
    const nets = race({ depth: 10, seed: 1 }, 0);
    for (const lang of ['es', 'en'] as const) {
      const t = raceSummary(nets, 10, S[lang], lang);
      expect(t).toContain(formatSci(firstToLast(nets[0].layers), lang));
      expect(t).toContain(formatSci(firstToLast(nets[1].layers), lang));
      expect(t).not.toMatch(/⟦|\{/);
    }
    const later = race({ depth: 10, seed: 1 }, 300);
    const en = raceSummary(later, 10, S.en, 'en');
    expect(en).toMatch(/^Step 300\. Sigmoid: stuck/);
    expect(en).toContain(formatSci(firstToLast(later[1].layers), 'en'));
    const es = raceSummary(later, 10, S.es, 'es');
    expect(es).toMatch(/^Paso 300\. Sigmoide: atascada/);
  });

  it('the layer chart keeps gradients far below 10⁻¹² on the log axis (depth 20)', () => {
    const nets = race({ depth: 20, seed: 1 }, 0);
    const tiny = nets[0].layers[0].weightGradNorm;
    expect(tiny).toBeLessThan(1e-12);
    expect(tiny).toBeGreaterThan(FLOOR);
    const o = layersChart(nets, S.en, 'light');
    const y = o.y as { domain: number[] };
    expect(y.domain[0]).toBeLessThanOrEqual(tiny);
    expect(o.ariaLabel).toBe(S.en['widget.introRace.chart.layers']);
    const t = raceTable(nets, S.en);
    expect(t.rows).toHaveLength(21);
    expect(t.rows[0][1]).toBe(tiny);
  });

  it('thin keeps the first and last loss and at most ~300 points', () => {
    const losses = Array.from({ length: 1000 }, (_, i) => 1 / (i + 1));
    const pts = thin(losses, 2);
    expect(pts[0]).toEqual({ step: 0, value: 2 });
    expect(pts.at(-1)).toEqual({ step: 1000, value: losses[999] });
    expect(pts.length).toBeLessThanOrEqual(302);
  });
});
