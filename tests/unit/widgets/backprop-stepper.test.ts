// The backprop stepper: deltas and gradients from src/lib match the four backprop
// equations written out by hand and a finite-difference check, as the chapter says.
import { describe, expect, it } from 'vitest';
import { pick } from '../../../src/i18n/index.ts';
import { defaults } from '../../../src/widgets/kit/params.ts';
import { PARAMS } from '../../../src/widgets/worked-example/example.ts';
import { BACK_STEPS, BACKPROP_SCHEMA, backprop, deltaKnown, EPS, gradientOf, lossWith, nudge } from '../../../src/widgets/backprop-stepper/model.ts';
import { agreeingDigits, backpropChart, backpropSummary, nudgeRows, nudgeVerdict, stepLines } from '../../../src/widgets/backprop-stepper/view.ts';

const S = {
  es: { ...pick('es', 'kit.'), ...pick('es', 'widget.forwardPass.'), ...pick('es', 'widget.backpropStepper.') },
  en: { ...pick('en', 'kit.'), ...pick('en', 'widget.forwardPass.'), ...pick('en', 'widget.backpropStepper.') },
};
const r = backprop();

describe('backprop-stepper model', () => {
  it('default selection is a valid parameter', () => {
    expect(BACKPROP_SCHEMA.sel.options).toContain(defaults(BACKPROP_SCHEMA).sel);
  });

  it('loss is the squared error (ŷ − y)²', () => {
    expect(r.loss).toBeCloseTo((r.fwd.a2 - 1) ** 2, 14);
  });

  it('follows the backprop equations: δ² = 2(ŷ − y)σ′(z²), δ¹ = (W²ᵀδ²) ⊙ σ′(z¹), ∂C/∂W = δ aᵀ', () => {
    const s = (a: number) => a * (1 - a);
    const d2 = 2 * (r.fwd.a2 - 1) * s(r.fwd.a2);
    expect(r.delta2).toBeCloseTo(d2, 14);
    const W2 = Array.from(r.fwd.net.layers[1].weights);
    r.delta1.forEach((d, j) => expect(d).toBeCloseTo(W2[j] * d2 * s(r.fwd.a1[j]), 14));
    r.gW2.forEach((g, k) => expect(g).toBeCloseTo(d2 * r.fwd.a1[k], 14));
    for (let j = 0; j < 3; j++) for (let k = 0; k < 2; k++) expect(r.gW1[j * 2 + k]).toBeCloseTo(r.delta1[j] * r.fwd.x[k], 14);
    // The chapter's signs: every output-weight gradient negative, the second hidden delta positive.
    expect(r.gW2.every((g) => g < 0)).toBe(true);
    expect(r.delta1.map(Math.sign)).toEqual([-1, 1, -1]);
  });

  it('every gradient agrees with a central finite difference', () => {
    for (const p of PARAMS) {
      const h = 1e-6;
      const fd = (lossWith(r.fwd.net, r.fwd.x, 1, p, h) - lossWith(r.fwd.net, r.fwd.x, 1, p, -h)) / (2 * h);
      expect(gradientOf(r, p), p.key).toBeCloseTo(fd, 8);
    }
  });

  it('nudging by ε = 0.001 matches the analytic gradient to 3 or more significant digits', () => {
    expect(EPS).toBe(0.001);
    for (const p of PARAMS) {
      const n = nudge(r, p.key);
      expect(n.after - n.before).toBeCloseTo(n.forward * EPS, 15);
      expect(agreeingDigits(n.forward, n.analytic), p.key).toBeGreaterThanOrEqual(2);
      expect(agreeingDigits(n.central, n.analytic), p.key).toBeGreaterThanOrEqual(5);
    }
    const w11 = nudge(r, 'w1_11');
    expect(agreeingDigits(w11.forward, w11.analytic)).toBeGreaterThanOrEqual(3);
    // The chapter: the loss goes from 0.118007 to 0.117981.
    expect(w11.before.toFixed(6)).toBe('0.118007');
    expect(w11.after.toFixed(6)).toBe('0.117981');
  });

  it('first-layer gradients are smaller than the output layer’s, by the ratio of norms', () => {
    const n = (xs: number[]) => Math.hypot(...xs);
    expect(r.normRatio).toBeCloseTo(n(r.gW2) / n(r.gW1), 12);
    expect(r.normRatio).toBeGreaterThan(1);
  });

  it('steps backwards: the output delta first, then the hidden units', () => {
    expect(BACK_STEPS).toBe(4);
    expect(deltaKnown(0, 2, 0)).toBe(false);
    expect(deltaKnown(1, 2, 0)).toBe(true);
    expect(deltaKnown(1, 1, 0)).toBe(false);
    expect(deltaKnown(4, 1, 2)).toBe(true);
  });
});

describe('backprop-stepper view', () => {
  it('writes each step with the chapter numbers, in each notation', () => {
    expect(stepLines(r, 1, 'en')[0]).toBe('δ² = 2(ŷ − y) · σ′(z²) = −0.687 · 0.226 = −0.155');
    expect(stepLines(r, 2, 'es')[0]).toContain('= −0,0261');
    expect(stepLines(r, 2, 'en')[1]).toContain('(−0.0261, −0.013)');
  });

  it('the chart labels edges only once their gradient is known', () => {
    const at = (step: number) => backpropChart(r, step, S.en, 'light', 'en');
    const labels = (step: number) => JSON.stringify(at(step).marks).match(/−0\.0928/g)?.length ?? 0;
    expect(at(0).ariaLabel).toBe(S.en['widget.backpropStepper.chart']);
    expect(labels(0)).toBe(0);
  });

  it('summary and nudge rows in both languages', () => {
    const en = backpropSummary(r, 0, S.en, 'en');
    const es = backpropSummary(r, 0, S.es, 'es');
    expect(en).toContain('C = 0.118');
    expect(en).toContain('δ² = −0.155');
    expect(en).toContain(`${(Math.round(r.normRatio * 10) / 10).toFixed(1)} times smaller`);
    expect(es).toContain('δ¹ = (−0,0261; 0,0182; −0,0328)');
    const n = nudge(r, 'w1_11');
    const rows = nudgeRows(n, S.es, 'es');
    expect(rows[0][1]).toBe('0,118007');
    expect(rows[1][1]).toBe('0,117981');
    expect(nudgeVerdict(n, S.en, 'en')).toMatch(/to 3 significant digits/);
    for (const t of [en, es, nudgeVerdict(n, S.es, 'es')]) expect(t).not.toMatch(/⟦/);
  });
});
