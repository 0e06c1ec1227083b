// The gradient through time: what the chapter says of the figure, over seeds 1..3.
// The plain network's gradient falls geometrically going back in time (and never faster
// than the bound (γ‖W_h‖₂)^(T−t) allows), the LSTM's far less, the forget bias flattens
// the LSTM's curve, and the IRNN keeps its ratio near 1 at initialisation.
import { describe, expect, it } from 'vitest';
import { pick } from '../../../src/i18n/index.ts';
import { defaults } from '../../../src/widgets/kit/params.ts';
import { formatNumber, formatSci } from '../../../src/widgets/kit/format.ts';
import { CELLS, GTT_SCHEMA, gradientThroughTime, perStep, recurrentInit, type GttValues } from '../../../src/widgets/gradient-through-time/model.ts';
import { firstToLast } from '../../../src/widgets/series/index.ts';
import { gttSummary, gttTable, throughTimeChart } from '../../../src/widgets/gradient-through-time/view.ts';

const SEEDS = [1, 2, 3];
const strings = (lang: 'es' | 'en') => ({ ...pick(lang, 'kit.'), ...pick(lang, 'widget.gradientThroughTime.') });
const run = (patch: Partial<GttValues>) => gradientThroughTime({ ...defaults(GTT_SCHEMA), ...patch } as GttValues);

/** R² of a straight-line fit of ln|dL/dh_t| against t: 1 for an exact geometric decay. */
function logLinearity(h: number[]): number {
  const ys = h.map(Math.log);
  const n = ys.length;
  const mx = (n + 1) / 2;
  const my = ys.reduce((a, y) => a + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  ys.forEach((y, i) => {
    sxy += (i + 1 - mx) * (y - my);
    sxx += (i + 1 - mx) ** 2;
    syy += (y - my) ** 2;
  });
  return (sxy * sxy) / (sxx * syy);
}

describe('gradient-through-time settings', () => {
  it('every default lies in its range; lengths run from 5 to 100', () => {
    for (const [name, p] of Object.entries(GTT_SCHEMA)) {
      if (p.kind === 'number') {
        expect(p.default, name).toBeGreaterThanOrEqual(p.min);
        expect(p.default, name).toBeLessThanOrEqual(p.max);
      } else expect(p.options as readonly string[], name).toContain(p.default);
    }
    expect([GTT_SCHEMA.steps.min, GTT_SCHEMA.steps.max]).toEqual([5, 100]);
    expect(recurrentInit('half')).toEqual({ kind: 'orthogonal', gain: 0.5 });
    expect(recurrentInit('identity')).toBe('identity');
  });

  it('one value per time step for each cell, at every length', () => {
    for (const steps of [5, 37, 100]) {
      const r = run({ steps });
      for (const c of CELLS) {
        expect(r.hidden[c]).toHaveLength(steps);
        for (const x of r.hidden[c]) expect(x).toBeGreaterThan(0);
      }
    }
  });
});

describe('gradient-through-time, seeds 1..3', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: at the default length, with Xavier W_h, the plain network's gradient falls geometrically, more than a hundredfold`, () => {
      const r = run({ seed });
      expect(firstToLast(r.hidden.rnn)).toBeLessThan(1e-2);
      expect(logLinearity(r.hidden.rnn)).toBeGreaterThan(0.9);
    });

    it(`seed ${seed}: with forget bias 1 the LSTM loses about as much at initialisation, within an order of magnitude either way; at 3 its curve is almost flat`, () => {
      const r = run({ seed });
      const q = firstToLast(r.hidden.lstm) / firstToLast(r.hidden.rnn);
      expect(q).toBeGreaterThan(0.05);
      expect(q).toBeLessThan(20);
      expect(perStep(run({ seed, forgetBias: 3 }).hidden.lstm)).toBeGreaterThan(0.95);
    });

    it(`seed ${seed}: with ‖W_h‖₂ = 0.5 the plain network's ratio plunges by about fifteen orders of magnitude, and the LSTM keeps over 1000 times more`, () => {
      const r = run({ seed, recInit: 'half' });
      expect(firstToLast(r.hidden.rnn)).toBeLessThan(1e-14);
      expect(firstToLast(r.hidden.rnn)).toBeGreaterThan(1e-17);
      expect(firstToLast(r.hidden.lstm)).toBeGreaterThan(1000 * firstToLast(r.hidden.rnn));
    });

    it(`seed ${seed}: with ‖W_h‖₂ = 0.5 and tanh, the plain network never beats the bound 0.5^(T−t)`, () => {
      const r = run({ seed, recInit: 'half', steps: 40 });
      const h = r.hidden.rnn;
      const T = h.length;
      for (let t = 1; t <= T; t++) expect(h[t - 1] / h[T - 1]).toBeLessThanOrEqual(0.5 ** (T - t) * (1 + 1e-9));
    });

    it(`seed ${seed}: raising the forget bias flattens the LSTM's curve`, () => {
      const f = (forgetBias: number) => firstToLast(run({ seed, forgetBias }).hidden.lstm);
      expect(f(3)).toBeGreaterThan(f(1));
      expect(f(1)).toBeGreaterThan(f(-1));
    });

    it(`seed ${seed}: the IRNN (ReLU, identity W_h) keeps its ratio within two orders of magnitude of 1`, () => {
      const ratio = firstToLast(run({ seed, rnnActivation: 'relu', recInit: 'identity' }).hidden.rnn);
      expect(ratio).toBeGreaterThan(1e-2);
      expect(ratio).toBeLessThan(1e2);
    });
  }
});

describe('gradient-through-time view', () => {
  it('the summary states both ratios and the per-step factors in the reader notation', () => {
    const r = run({ seed: 1 });
    for (const lang of ['es', 'en'] as const) {
      const text = gttSummary(r, strings(lang), lang);
      expect(text).not.toContain('⟦');
      expect(text).toContain(formatSci(firstToLast(r.hidden.rnn), lang));
      expect(text).toContain(formatSci(firstToLast(r.hidden.lstm), lang));
      expect(text).toContain(formatNumber(perStep(r.hidden.rnn), lang, 3));
    }
  });

  it('the table has one row per step and the chart spans both curves on a log axis', () => {
    const r = run({ seed: 2, steps: 30 });
    const t = gttTable(r, strings('en'));
    expect(t.rows).toHaveLength(30);
    expect(t.rows[0]).toEqual([1, r.hidden.rnn[0], r.hidden.lstm[0]]);
    const o = throughTimeChart(r, strings('en'), 'light');
    const y = o.y as { type: string; domain: [number, number] };
    expect(y.type).toBe('log');
    const all = [...r.hidden.rnn, ...r.hidden.lstm];
    expect(y.domain[0]).toBeLessThanOrEqual(Math.min(...all));
    expect(y.domain[1]).toBeGreaterThanOrEqual(Math.max(...all));
  });
});
