// Sigmoid vs ReLU, paired: the two networks differ only in the hidden activation, and the
// default experiment shows what the chapter says, over several seeds.
import { describe, expect, it } from 'vitest';
import { pick } from '../../../src/i18n/index.ts';
import { defaults } from '../../../src/widgets/kit/params.ts';
import { formatNumber, formatSci } from '../../../src/widgets/kit/format.ts';
import { PAIR, PAIR_SCHEMA, pairConfigs, type PairValues, type PairRun } from '../../../src/widgets/relu-vs-sigmoid/model.ts';
import { trainActivationRuns } from '../../../src/widgets/runner/runs.ts';
import { errorChart, layersChart, pairSummary, pairTable } from '../../../src/widgets/relu-vs-sigmoid/view.ts';
import { LN2 as CHANCE_LOSS, atChance, diagnose, errorRms, firstToLast as ratioOf, formatLoss, gradientRatio as firstToLast } from '../../../src/widgets/series/index.ts';

const STEPS = 1000;
const strings = (lang: 'es' | 'en') => ({ ...pick(lang, 'kit.'), ...pick(lang, 'series.'), ...pick(lang, 'widget.reluVsSigmoid.') });
const isStuck = (r: Pick<PairRun, 'loss' | 'step'>) => atChance(r.loss, r.step);
const diag = (r: PairRun) => diagnose({ step: r.step, loss: r.loss, layers: r.layers, start: r.initialLayers, diverged: r.diverged }, firstToLast(r.layers));

function train(v: PairValues, steps = STEPS): PairRun[] {
  return trainActivationRuns(PAIR, pairConfigs(v), steps);
}

const cache = new Map<string, PairRun[]>();
const runs = (patch: Partial<PairValues>) => {
  const v = { ...defaults(PAIR_SCHEMA), ...patch } as PairValues;
  const key = JSON.stringify(v);
  if (!cache.has(key)) cache.set(key, train(v));
  return cache.get(key)!;
};

describe('relu-vs-sigmoid settings', () => {
  it('every default lies in its range', () => {
    for (const [name, p] of Object.entries(PAIR_SCHEMA)) {
      if (p.kind === 'number') {
        expect(p.default, name).toBeGreaterThanOrEqual(p.min);
        expect(p.default, name).toBeLessThanOrEqual(p.max);
      } else expect(p.options as readonly string[], name).toContain(p.default);
    }
  });

  it('the two configurations differ in the hidden activation and nothing else', () => {
    const [a, b] = pairConfigs({ ...defaults(PAIR_SCHEMA), depth: 5, seed: 42 });
    expect(a.spec.activation).toBe('sigmoid');
    expect(b.spec.activation).toBe('relu');
    expect({ ...a, spec: { ...a.spec, activation: 'x' } }).toEqual({ ...b, spec: { ...b.spec, activation: 'x' } });
    expect(a.spec.sizes).toEqual([2, ...Array(5).fill(a.spec.sizes[1]), 1]);
    expect(a.spec.seed).toBe(42);
  });

  it('chance level is the cross-entropy of answering 1/2 to everything', () => {
    expect(CHANCE_LOSS).toBeCloseTo(-(0.5 * Math.log(0.5) + 0.5 * Math.log(0.5)), 12);
    expect(isStuck({ loss: CHANCE_LOSS + 0.001, step: 500 })).toBe(true);
    expect(isStuck({ loss: CHANCE_LOSS + 0.001, step: 10 })).toBe(false);
    expect(isStuck({ loss: 0.3, step: 500 })).toBe(false);
  });
});

describe('relu-vs-sigmoid default experiment, seeds 1..3', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: at step 0 the sigmoid's first layer gets under 10⁻³ of the last layer's gradient, ReLU's over 10⁻²`, () => {
      const [sig, relu] = runs({ seed });
      expect(firstToLast(sig.initialLayers)).toBeLessThan(1e-3);
      expect(firstToLast(relu.initialLayers)).toBeGreaterThan(1e-2);
    }, 30_000);

    it(`seed ${seed}: the sigmoid's first layer starts at 10⁻⁶..10⁻⁴ of the output layer's gradient; ReLU's weight-gradient ratio is 0.5..5 although its error shrinks 30..300 times`, () => {
      const [sig, relu] = runs({ seed });
      expect(firstToLast(sig.initialLayers)).toBeGreaterThan(1e-6);
      expect(firstToLast(sig.initialLayers)).toBeLessThan(1e-4);
      expect(firstToLast(relu.initialLayers)).toBeGreaterThan(0.5);
      expect(firstToLast(relu.initialLayers)).toBeLessThan(5);
      // Forward and backward shrinkage cancel in the weight gradient: the error itself shrinks.
      const e = ratioOf(errorRms(relu.initialLayers));
      expect(e).toBeGreaterThan(1 / 300);
      expect(e).toBeLessThan(1 / 30);
    }, 30_000);

    it(`seed ${seed}: the sigmoid collapses to the prior and its first layer barely moves (under 10⁻³ of its size by step ${STEPS}); ReLU's moves over 10 %`, () => {
      const [sig, relu] = runs({ seed });
      expect(diag(sig)).toBe('collapsed');
      expect(sig.records.at(-1)!.drift![0]).toBeLessThan(1e-3);
      expect(relu.records.at(-1)!.drift![0]).toBeGreaterThan(0.1);
    }, 30_000);

    it(`seed ${seed}: after ${STEPS} steps the sigmoid is stuck at ln 2 and ReLU has learned`, () => {
      const [sig, relu] = runs({ seed });
      expect(isStuck(sig)).toBe(true);
      expect(relu.loss).toBeLessThan(0.1);
      expect(relu.testAccuracy).toBeGreaterThan(0.85);
      // From the start, the sigmoid's first layer gets a gradient orders of magnitude below ReLU's.
      expect(sig.initialLayers[0].weightGradNorm).toBeLessThan(relu.initialLayers[0].weightGradNorm * 1e-2);
      expect(sig.diverged).toBeNull();
      expect(relu.diverged).toBeNull();
    }, 30_000);

    it(`seed ${seed}: with two hidden layers the two loss curves end much closer together`, () => {
      const gap = (r: PairRun[]) => r[0].loss - r[1].loss;
      const deep = runs({ seed });
      const shallow = runs({ seed, depth: 2 });
      expect(shallow[0].loss).toBeLessThan(CHANCE_LOSS - 0.2); // the shallow sigmoid learns
      expect(gap(shallow)).toBeLessThan(gap(deep) / 2);
    }, 30_000);
  }
});

describe('relu-vs-sigmoid view', () => {
  it('the summary states both losses and ratios in the reader notation, and says when the sigmoid is stuck', () => {
    const pair = runs({ seed: 1 });
    for (const lang of ['es', 'en'] as const) {
      const text = pairSummary(pair, strings(lang), lang);
      expect(text).not.toContain('⟦');
      expect(text).toContain(formatLoss(pair[0].loss, lang));
      expect(text).toContain(formatLoss(pair[1].loss, lang));
      expect(text).not.toMatch(/ReLU 0 /);
      expect(text).toContain(formatSci(firstToLast(pair[0].initialLayers), lang));
      expect(text).toContain(formatSci(firstToLast(pair[1].layers), lang));
      expect(text).toContain(formatNumber(CHANCE_LOSS, lang, 3));
      expect(text).toContain(strings(lang)['series.diag.collapsed'].slice(0, 20));
      expect(text).not.toMatch(/NaN|\{/);
    }
    expect(pairSummary(pair, strings('es'), 'es')).toContain('0,693');
    expect(pairSummary(pair, strings('en'), 'en')).toContain('0.693');
  });

  it('small losses are never shown as a bare 0', () => {
    expect(formatLoss(4.2e-4, 'en')).toBe('4.2 × 10⁻⁴');
    expect(formatLoss(4.2e-4, 'es')).toBe('4,2 × 10⁻⁴');
    expect(formatLoss(0.6931, 'es')).toBe('0,693');
  });

  it('the summary says nothing about being stuck in the first steps', () => {
    const pair = runs({ seed: 1 }).map((r) => ({ ...r, step: 10 }));
    expect(pairSummary(pair, strings('en'), 'en')).not.toContain(formatNumber(CHANCE_LOSS, 'en', 3));
  });

  it('a ReLU network with a dead output layer is named, never "NaN times"', () => {
    const pair = runs({ seed: 1 }).map((r) => ({ ...r, layers: r.layers.map((l) => ({ ...l, weightGradNorm: 0 })) }));
    const text = pairSummary(pair, strings('en'), 'en');
    expect(text).not.toContain('NaN');
    expect(text).toContain(strings('en')['series.diag.dead'].slice(0, 15));
  });

  it('a ReLU network that starts with a dead layer (0/0 at step 0) is described in words, in both languages', () => {
    const pair = runs({ seed: 1 });
    pair[1] = { ...pair[1], initialLayers: pair[1].initialLayers.map((l) => ({ ...l, weightGradNorm: 0 })) };
    for (const lang of ['es', 'en'] as const) {
      const text = pairSummary(pair, strings(lang), lang);
      expect(text).not.toMatch(/NaN|\{/);
      expect(text).toContain(strings(lang)['widget.reluVsSigmoid.startDeadRelu'].split('{ratioS0}')[1].slice(0, 40));
      expect(text).toContain(formatSci(firstToLast(pair[0].initialLayers), lang));
    }
  });

  it('the data table has one row per layer with both networks, now and at step 0', () => {
    const pair = runs({ seed: 2 });
    const t = pairTable(pair, strings('en'));
    expect(t.rows).toHaveLength(defaults(PAIR_SCHEMA).depth + 1);
    expect(t.rows[0].slice(0, 5)).toEqual([1, pair[0].layers[0].weightGradNorm, pair[1].layers[0].weightGradNorm, pair[0].initialLayers[0].weightGradNorm, pair[1].initialLayers[0].weightGradNorm]);
    expect(t.columns).toHaveLength(t.rows[0].length);
  });

  it('the per-layer chart spans both profiles, now and at step 0, on a log axis', () => {
    const pair = runs({ seed: 3 });
    const o = layersChart(pair, strings('en'), 'light');
    const y = o.y as { type: string; domain: [number, number] };
    expect(y.type).toBe('log');
    const all = pair.flatMap((r) => [...r.layers, ...r.initialLayers].map((l) => l.weightGradNorm)).filter((v) => v > 0);
    expect(y.domain[0]).toBeLessThanOrEqual(Math.min(...all));
    expect(y.domain[1]).toBeGreaterThanOrEqual(Math.max(...all));
    expect(o.ariaLabel).toBe(strings('en')['widget.reluVsSigmoid.chart.layers']);
    const e = errorChart(pair, strings('en'), 'light').y as { domain: [number, number] };
    expect(e.domain[0]).toBeLessThanOrEqual(Math.min(...pair.flatMap((r) => r.initialLayers.map((l) => l.deltaRms))));
  });
});
