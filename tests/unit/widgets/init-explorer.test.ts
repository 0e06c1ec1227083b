// The init explorer: its numbers against the closed forms of the chapter (He et al. 2015,
// Glorot and Bengio 2010) and against src/lib, its summary in both languages, and its cost.
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, initVariance, predictedVarianceRatio } from '../../../src/lib/index.ts';
import { pick } from '../../../src/i18n/index.ts';
import { defaults } from '../../../src/widgets/kit/params.ts';
import { formatSci } from '../../../src/widgets/kit/format.ts';
import {
  INIT_EXPLORER_SCHEMA,
  INIT_SPECS,
  MAX_BATCH,
  MIN_BATCH,
  WORK_BUDGET,
  batchFor,
  explore,
  explorerNetwork,
  shownLayers,
  type InitExplorerValues,
} from '../../../src/widgets/init-explorer/model.ts';
import { initExplorerCharts, initExplorerSummary, initExplorerTable, explorerGradientRatio, layerHistograms, layerScales, perLayerScaled, signalRatio, theoryPower } from '../../../src/widgets/init-explorer/view.ts';

const SEEDS = [1, 2, 3];
const v = (patch: Partial<InitExplorerValues>): InitExplorerValues => ({ ...defaults(INIT_EXPLORER_SCHEMA), ...patch }) as InitExplorerValues;
const run = (patch: Partial<InitExplorerValues>) => {
  const values = v(patch);
  return explore(explorerNetwork(values), values);
};
const strings = (lang: 'es' | 'en') => ({ ...pick(lang, 'kit.'), ...pick(lang, 'widget.initExplorer.') });

describe('init-explorer settings', () => {
  it('has defaults inside their ranges and options', () => {
    for (const [, p] of Object.entries(INIT_EXPLORER_SCHEMA)) {
      if (p.kind === 'number') {
        expect(p.default).toBeGreaterThanOrEqual(p.min);
        expect(p.default).toBeLessThanOrEqual(p.max);
        expect(Number.isInteger((p.default - p.min) / p.step)).toBe(true);
      } else if (p.kind === 'enum') expect(p.options).toContain(p.default);
    }
    expect(INIT_EXPLORER_SCHEMA.depth.max).toBe(50);
  });

  it('maps the two "wrong scale" options to the stated normals', () => {
    expect(initVariance(INIT_SPECS.small, 64, 64)).toBeCloseTo(0.01 ** 2, 12);
    expect(initVariance(INIT_SPECS.large, 64, 64)).toBe(1);
  });

  it('keeps the work of one change within the budget, with a batch in range', () => {
    for (let depth = 1; depth <= 50; depth++)
      for (let width = 16; width <= INIT_EXPLORER_SCHEMA.width.max; width += 8) {
        const b = batchFor(depth, width);
        expect(b).toBeGreaterThanOrEqual(MIN_BATCH);
        expect(b).toBeLessThanOrEqual(MAX_BATCH);
        expect(Math.log2(b) % 1).toBe(0);
        if (b > MIN_BATCH) expect(depth * width * width * b).toBeLessThanOrEqual(WORK_BUDGET);
      }
    expect(batchFor(50, INIT_EXPLORER_SCHEMA.width.max) * 50 * INIT_EXPLORER_SCHEMA.width.max ** 2).toBeLessThanOrEqual(WORK_BUDGET);
  });

  it('shows at most ten evenly spaced layers, the first and the last included', () => {
    expect(shownLayers(4)).toEqual([1, 2, 3, 4]);
    const s = shownLayers(50);
    expect(s.length).toBeLessThanOrEqual(10);
    expect(s[0]).toBe(1);
    expect(s.at(-1)).toBe(50);
    const gaps = s.slice(1).map((x, i) => x - s[i]);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(1);
  });
});

describe('init-explorer maths', () => {
  // At width 64 the measured log-variance wanders by a few units of log2 over 30 layers
  // (finite-width fluctuations; the lib's own test uses width 256 and [-2, 2]).
  it('ReLU with Xavier halves the signal every layer: 2^-30 after 30 layers, measured within a factor of 8 (3 seeds)', () => {
    for (const seed of SEEDS) {
      const r = run({ activation: 'relu', init: 'xavier', depth: 30, width: 64, seed });
      expect(r.perLayer).toBeCloseTo(0.5, 12);
      expect(r.theory![29]).toBeCloseTo(2 ** -30, 20);
      expect(Math.abs(Math.log2(r.ratio[29]) + 30)).toBeLessThan(3);
      // The per-layer ratio, fitted over the 30 layers, is about 1/2.
      const slope = (Math.log2(r.ratio[29]) - Math.log2(r.ratio[0])) / 29;
      expect(slope).toBeGreaterThan(-1.1);
      expect(slope).toBeLessThan(-0.9);
    }
  });

  it('ReLU with He keeps log2(Var_30 / Var_0) near 0: each seed within [-4, 4], their mean within [-2, 2] (3 seeds)', () => {
    const logs = SEEDS.map((seed) => {
      const r = run({ activation: 'relu', init: 'he', depth: 30, width: 64, seed });
      expect(r.perLayer).toBeCloseTo(1, 12);
      return Math.log2(r.ratio[29]);
    });
    for (const l of logs) expect(Math.abs(l)).toBeLessThan(4);
    expect(Math.abs(logs.reduce((a, b) => a + b, 0) / logs.length)).toBeLessThan(2);
  });

  it('leaky ReLU with He: the theory factor is (1 + alpha^2)/2 times 2', () => {
    const r = run({ activation: 'leakyRelu', init: 'he', depth: 10 });
    const a = ACTIVATIONS.leakyRelu.alpha;
    expect(r.perLayer).toBeCloseTo((1 + a * a), 12);
  });

  it('too small with tanh: factor n Var[w] = n/10^4 per layer, and the signal follows it', () => {
    const r = run({ activation: 'tanh', init: 'small', depth: 5, width: 64 });
    expect(r.perLayer).toBeCloseTo(64 * 1e-4, 12);
    const measured = signalRatio(r);
    for (let l = 0; l < 5; l++) expect(Math.abs(Math.log10(measured[l] / r.theory![l]))).toBeLessThan(0.5);
  });

  it('too large with tanh saturates: the theory explodes, the measured variance stays below 1, most units saturated', () => {
    const r = run({ activation: 'tanh', init: 'large', depth: 20, width: 64 });
    expect(r.theory![19]).toBeGreaterThan(1e30);
    expect(Math.max(...signalRatio(r))).toBeLessThanOrEqual(1);
    expect(r.stats[19].saturatedFraction).toBeGreaterThan(0.5);
  });

  it('too large with ReLU explodes by about n/2 per layer', () => {
    const r = run({ activation: 'relu', init: 'large', depth: 10, width: 64 });
    expect(r.perLayer).toBe(32);
    expect(Math.abs(Math.log10(r.ratio[9] / 32 ** 10))).toBeLessThan(1.5);
  });

  it('zeros: every hidden unit computes the same value and no hidden weight moves', () => {
    for (const act of ['sigmoid', 'tanh', 'relu', 'leakyRelu'] as const) {
      const r = run({ activation: act, init: 'zeros', depth: 6 });
      const expected = ACTIVATIONS[act].f(0);
      for (const a of r.activations) expect(a.every((x) => x === expected)).toBe(true);
      for (const g of r.weightGrads) expect(g.every((x) => x === 0)).toBe(true);
    }
  });

  it('has no linear-regime theory line for the sigmoid, and the first layer gradient is far below the last (classic, 10 layers)', () => {
    const r = run({ activation: 'sigmoid', init: 'classic', depth: 10 });
    expect(r.theory).toBeNull();
    expect(explorerGradientRatio(r)).toBeLessThan(1e-2);
    const he = run({ activation: 'relu', init: 'he', depth: 10 });
    expect(explorerGradientRatio(he)).toBeGreaterThan(0.1);
    expect(explorerGradientRatio(he)).toBeLessThan(10);
  });

  it('agrees with predictedVarianceRatio for every activation with a theory', () => {
    for (const act of ['tanh', 'relu', 'leakyRelu'] as const)
      for (const init of ['classic', 'xavier', 'he', 'small', 'large'] as const) {
        const r = run({ activation: act, init, depth: 3, width: 32 });
        expect(r.perLayer).toBe(predictedVarianceRatio(INIT_SPECS[init], act, 32, 32));
        expect(r.theory![2]).toBeCloseTo(r.perLayer! ** 3, 12);
      }
  });
});

describe('init-explorer view', () => {
  it('histograms share one range and count every finite value', () => {
    const r = run({ activation: 'relu', init: 'xavier', depth: 12 });
    const layers = shownLayers(12);
    const hs = layerHistograms(r.activations, layers, false);
    const lo = hs[0].bins[0].x0;
    const hi = hs[0].bins.at(-1)!.x1;
    for (const h of hs) {
      expect(h.bins[0].x0).toBe(lo);
      expect(h.bins.at(-1)!.x1).toBe(hi);
      expect(h.bins.reduce((a, b) => a + b.count, 0)).toBe(r.activations[h.layer - 1].length);
    }
    const gs = layerHistograms(r.weightGrads, layers, true);
    expect(gs[0].bins[0].x0).toBe(-gs[0].bins.at(-1)!.x1);
  });

  it('writes 2^-30 and the measured value in each language', () => {
    const r = run({ activation: 'relu', init: 'xavier', depth: 30, width: 64 });
    for (const lang of ['es', 'en'] as const) {
      const text = initExplorerSummary(r, strings(lang), lang);
      expect(text).toContain(`2⁻³⁰ ≈ ${formatSci(2 ** -30, lang)}`);
      expect(text).toContain(formatSci(r.ratio[29], lang));
      expect(text).not.toContain('⟦');
    }
    expect(formatSci(2 ** -30, 'es')).toBe('9,3 × 10⁻¹⁰');
    expect(formatSci(2 ** -30, 'en')).toBe('9.3 × 10⁻¹⁰');
    expect(theoryPower(1, 30, 'en')).toBe('1');
    expect(theoryPower(0.0064, 2, 'en')).toBe(`0.0064² ≈ ${formatSci(0.0064 ** 2, 'en')}`);
  });

  it('has a summary, a table and three titled charts for every activation and init', () => {
    for (const act of INIT_EXPLORER_SCHEMA.activation.options)
      for (const init of INIT_EXPLORER_SCHEMA.init.options) {
        const r = run({ activation: act, init, depth: 8, width: 16 });
        for (const lang of ['es', 'en'] as const) {
          const s = strings(lang);
          const text = initExplorerSummary(r, s, lang);
          expect(text.length).toBeGreaterThan(40);
          expect(text).not.toMatch(/,,|⟦|NaN|undefined/);
          const c = initExplorerCharts(r, s, 'light', lang);
          for (const o of Object.values(c)) expect(String(o.ariaLabel)).not.toContain('⟦');
        }
        const t = initExplorerTable(r, strings('en'));
        expect(t.rows).toHaveLength(8);
        expect(t.rows[0]).toHaveLength(t.columns.length);
      }
  });
});

describe('init-explorer summary wording', () => {
  it('counts layers in the singular for one layer and the plural otherwise, in both languages', () => {
    for (const activation of ['relu', 'tanh', 'sigmoid'] as const) {
      const one = run({ depth: 1, activation });
      const many = run({ depth: 3, activation });
      expect(initExplorerSummary(one, strings('en'), 'en')).toContain('after 1 layer ');
      expect(initExplorerSummary(many, strings('en'), 'en')).toContain('after 3 layers ');
      expect(initExplorerSummary(one, strings('es'), 'es')).toContain('tras 1 capa ');
      expect(initExplorerSummary(many, strings('es'), 'es')).toContain('tras 3 capas ');
    }
  });
});

describe('init-explorer layout', () => {
  it('keeps both histogram panels at one height for every depth, so the depth slider never moves the page', () => {
    const s = strings('en');
    const heights = new Set<number>();
    for (const depth of [1, 2, 5, 9, 10, 30, 50]) {
      const c = initExplorerCharts(run({ depth, width: 16 }), s, 'light', 'en');
      heights.add(Number(c.activations.height));
      heights.add(Number(c.gradients.height));
    }
    expect([...heights]).toHaveLength(1);
    // The height of the tallest panel: as many rows as the figure ever shows.
    expect([...heights][0]).toBe(Number(initExplorerCharts(run({ depth: 50, width: 16 }), s, 'light', 'en').activations.height));
  });
});

// The CPU-time budget of the heaviest setting is measured in bench/budgets.bench.ts (npm run bench).

describe('init-explorer defaults, as the chapter quotes them', () => {
  const v = defaults(INIT_EXPLORER_SCHEMA);
  it('opens on a 30-layer ReLU network of width 64 with Xavier, seed 1', () => {
    expect(v).toEqual({ depth: 30, width: 64, activation: 'relu', init: 'xavier', seed: 1 });
  });
  it('prints the chapter\'s 2⁻³⁰ ≈ 9.3 × 10⁻¹⁰ for the defaults, and a measured value within a factor of 8 of it', () => {
    const r = explore(explorerNetwork(v), v);
    const text = initExplorerSummary(r, pick('en', 'widget.initExplorer.') as never, 'en');
    expect(text).toContain('2⁻³⁰ ≈ 9.3 × 10⁻¹⁰');
    expect(Math.abs(Math.log2(signalRatio(r)[29] / 2 ** -30))).toBeLessThan(3);
  });
  it('draws no linear theory where tanh is not linear (too large, Xavier, He), and says why', () => {
    const s = { ...pick('en', 'kit.'), ...pick('en', 'widget.initExplorer.') };
    for (const init of ['large', 'xavier', 'he'] as const) {
      const w = { ...v, activation: 'tanh' as const, init };
      const r = explore(explorerNetwork(w), w);
      expect(r.theoryApplies).toBe(false);
      const text = initExplorerSummary(r, s, 'en');
      expect(text).not.toContain('2¹⁸⁰');
      expect(text).toContain('assumes tanh(z) ≈ z');
      const marks = (initExplorerCharts(r, s, 'light', 'en').variance.marks ?? []) as { ariaLabel?: string }[];
      expect(marks.filter((m) => m && (m as { ariaLabel?: string }).ariaLabel === 'line').length).toBe(1);
    }
    const small = { ...v, activation: 'tanh' as const, init: 'small' as const };
    expect(explore(explorerNetwork(small), small).theoryApplies).toBe(true);
  });
  it('scales each gradient histogram row by its own largest value, and labels the scale', () => {
    const w = { ...v, activation: 'tanh' as const, init: 'large' as const };
    const r = explore(explorerNetwork(w), w);
    const layers = [1, 30];
    const scaled = perLayerScaled(r.weightGrads, layers);
    for (const l of layers) expect(Math.max(...Array.from(scaled[l - 1], Math.abs))).toBeCloseTo(1, 12);
    const scales = layerScales(r.weightGrads, layers);
    // The rows span many decades: on one shared scale the deep layer would be a single spike.
    expect(scales[0] / scales[1]).toBeGreaterThan(1e6);
  });
  it('draws every chart at the width it is given (375 px phone: histograms stack at full width)', () => {
    const r = explore(explorerNetwork(v), v);
    const s = { ...pick('en', 'kit.'), ...pick('en', 'widget.initExplorer.') };
    const phone = initExplorerCharts(r, s, 'light', 'en', 335);
    expect([phone.variance.width, phone.activations.width, phone.gradients.width]).toEqual([335, 335, 335]);
    const wide = initExplorerCharts(r, s, 'light', 'en', 760);
    expect([wide.variance.width, wide.activations.width, wide.gradients.width]).toEqual([760, 380, 380]);
  });
});
