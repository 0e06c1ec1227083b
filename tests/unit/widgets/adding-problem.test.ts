// The adding problem: at length 50, within the budget, the plain tanh network learns only
// the average (its test loss stays on the mse ≈ 1/6 of always answering 1) while the LSTM
// learns to add; at length 10 the plain network learns too. Seeds 1..3.
import { describe, expect, it } from 'vitest';
import { makeSequenceTask } from '../../../src/lib/index.ts';
import { pick } from '../../../src/i18n/index.ts';
import { defaults } from '../../../src/widgets/kit/params.ts';
import { createSequenceSession } from '../../../src/widgets/runner/sequenceSession.ts';
import { ADD_SCHEMA, BASELINE, MAX_STEPS, addConfigs, hasLearned, learnedAt, onBaseline, type AddRun, type AddValues } from '../../../src/widgets/adding-problem/model.ts';
import { trainCells } from '../../../src/widgets/adding-problem/static.ts';
import { addSummary, addTable, hiddenChart, lossChart } from '../../../src/widgets/adding-problem/view.ts';
import { formatLoss } from '../../../src/widgets/series/index.ts';

const SEEDS = [1, 2, 3];
/** The claim is "learned by step 500": the LSTM is trained just that far (it is the costlier cell, 3.4 s of CPU per 750 steps). */
const LSTM_STEPS = 500;
const strings = (lang: 'es' | 'en') => ({ ...pick(lang, 'kit.'), ...pick(lang, 'widget.addingProblem.') });
const v = (patch: Partial<AddValues>) => ({ ...defaults(ADD_SCHEMA), ...patch }) as AddValues;
const cache = new Map<string, AddRun[]>();
const runs = (patch: Partial<AddValues>, budgets: [number, number]) => {
  const key = JSON.stringify([v(patch), budgets]);
  if (!cache.has(key)) cache.set(key, trainCells(v(patch), budgets));
  return cache.get(key)!;
};

describe('adding-problem settings and baseline', () => {
  it('every default lies in its range; the two configurations differ only in the cell', () => {
    for (const [name, p] of Object.entries(ADD_SCHEMA)) {
      if (p.kind === 'number') {
        expect(p.default, name).toBeGreaterThanOrEqual(p.min);
        expect(p.default, name).toBeLessThanOrEqual(p.max);
      } else expect(p.options as readonly string[], name).toContain(p.default);
    }
    const [rnn, lstm] = addConfigs(v({ seed: 7 }));
    expect(rnn.spec.cell).toBe('rnn');
    expect(lstm.spec.cell).toBe('lstm');
    const strip = (c: typeof rnn) => ({ ...c, spec: { ...c.spec, cell: 'x', activation: undefined, forgetBias: undefined } });
    expect(strip(rnn)).toEqual(strip(lstm));
    expect(rnn.spec.seed).toBe(7);
  });

  it('always answering 1 costs Var[y] = 1/6 in expectation; the test set of each seed is within 20 % of it', () => {
    expect(BASELINE).toBeCloseTo(2 / 12, 12);
    const big = makeSequenceTask('adding', { steps: 20, count: 20_000, seed: 5 });
    let s = 0;
    for (const y of big.ys) s += (y - 1) ** 2;
    expect(s / big.count).toBeCloseTo(1 / 6, 2);
    for (const seed of SEEDS) {
      const b = createSequenceSession(addConfigs(v({ seed }))[0]).baseline;
      expect(Math.abs(b / BASELINE - 1)).toBeLessThan(0.2);
    }
  });
});

describe('adding-problem at the default length (50), seeds 1..3', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: the LSTM learns to add by step 500, with a test loss under a quarter of the baseline`, () => {
      const [, lstm] = runs({ seed }, [0, LSTM_STEPS]);
      expect(hasLearned(lstm)).toBe(true);
      const at = learnedAt(lstm);
      expect(at).not.toBeNull();
      expect(at!).toBeLessThanOrEqual(500);
      expect(lstm.step).toBe(LSTM_STEPS);
      // It sat on the baseline for a while first: at step 250 it had learned only the average.
      const early = lstm.records.find((r) => r.step === 250)!;
      expect(early.testLoss / lstm.baseline).toBeGreaterThan(0.85);
      expect(early.testLoss / lstm.baseline).toBeLessThan(1.3);
      expect(lstm.diverged).toBeNull();
    }, 600_000);

    it(`seed ${seed}: the plain network comes down to the baseline and stays on it for the whole budget (${MAX_STEPS} steps)`, () => {
      const [rnn] = runs({ seed }, [MAX_STEPS, 0]);
      expect(rnn.step).toBe(MAX_STEPS);
      expect(rnn.records[0].testLoss).toBeGreaterThan(2 * rnn.baseline);
      // Never below it (Adam's noise can throw it briefly above), and typically on it.
      const later = rnn.records.filter((x) => x.step >= 250).map((r) => r.testLoss / rnn.baseline);
      for (const q of later) expect(q).toBeGreaterThan(0.85);
      const median = [...later].sort((a, b) => a - b)[Math.floor(later.length / 2)];
      expect(median).toBeLessThan(1.15);
      expect(onBaseline(rnn)).toBe(true);
      expect(rnn.diverged).toBeNull();
    }, 600_000);

    it(`seed ${seed}: its gradient through time at the end of the budget reaches the first step at under 10⁻³ of the last`, () => {
      const [rnn] = runs({ seed }, [MAX_STEPS, 0]);
      const h = rnn.records.at(-1)!.hidden;
      expect(h).toHaveLength(defaults(ADD_SCHEMA).steps);
      expect(h[0] / h[h.length - 1]).toBeLessThan(1e-3);
    }, 600_000);
  }
});

describe('adding-problem at length 10, seeds 1..3', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: the plain network learns too, within the budget`, () => {
      const [rnn] = runs({ seed, steps: 10 }, [MAX_STEPS, 0]);
      expect(hasLearned(rnn)).toBe(true);
    }, 600_000);
  }
});

describe('adding-problem view', () => {
  it('the summary gives both test losses and the baseline, and says who learned and who is stuck', () => {
    const pair = [runs({ seed: 1 }, [MAX_STEPS, 0])[0], runs({ seed: 1 }, [0, LSTM_STEPS])[1]];
    for (const lang of ['es', 'en'] as const) {
      const text = addSummary(pair, 50, strings(lang), lang);
      expect(text).not.toContain('⟦');
      expect(text).toContain(formatLoss(pair[0].testLoss, lang));
      expect(text).toContain(formatLoss(pair[1].testLoss, lang));
      expect(text).toContain(strings(lang)['widget.addingProblem.cell.lstm']);
    }
    expect(addSummary(pair, 50, strings('es'), 'es')).toMatch(/sigue en la línea de referencia/);
    expect(addSummary(pair, 50, strings('en'), 'en')).toMatch(/has learned to add/);
  }, 600_000);

  it('the table has one row per record; the loss chart draws the 1/6 line; the gradient chart is on a log axis', () => {
    const pair = runs({ seed: 2 }, [MAX_STEPS, 0]).map((r) => ({ ...r }));
    const t = addTable(pair, strings('en'));
    expect(t.rows).toHaveLength(pair[0].records.length);
    const o = lossChart(pair, strings('en'), 'light');
    expect(o.ariaLabel).toBe(strings('en')['widget.addingProblem.chart.loss']);
    const y = o.y as { type: string; domain: [number, number] };
    expect(y.type).toBe('log');
    expect(y.domain[0]).toBeLessThan(BASELINE);
    expect(y.domain[1]).toBeGreaterThan(BASELINE);
    expect((hiddenChart(pair, strings('en'), 'dark').y as { type: string }).type).toBe('log');
  }, 600_000);
});
