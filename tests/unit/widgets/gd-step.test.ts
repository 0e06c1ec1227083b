// The gradient-descent step: updates on the bowl follow w − w* ← (1 − ηk)(w − w*),
// the regimes switch at 1/k and 2/k, and divergence is caught when the loss overflows.
import { describe, expect, it } from 'vitest';
import { pick } from '../../../src/i18n/index.ts';
import { clampNumber, defaults } from '../../../src/widgets/kit/params.ts';
import { advance, factor, GD_SCHEMA, grad, CURVATURE, loss, regime, start, stepsToTenfold, update, W0, W_STAR } from '../../../src/widgets/gd-step/model.ts';
import { gdCharts, gdSummary, gdTable } from '../../../src/widgets/gd-step/view.ts';

const S = { es: { ...pick('es', 'kit.'), ...pick('es', 'widget.gdStep.') }, en: { ...pick('en', 'kit.'), ...pick('en', 'widget.gdStep.') } };

describe('gd-step model', () => {
  it('default learning rate lies in range, and the range covers all regimes', () => {
    const d = defaults(GD_SCHEMA);
    expect(clampNumber(GD_SCHEMA.lr, d.lr).adjusted).toBeNull();
    expect(GD_SCHEMA.lr.min).toBeLessThan(1 / CURVATURE);
    expect(GD_SCHEMA.lr.max).toBeGreaterThan(2 / CURVATURE);
  });

  it('the gradient is the derivative of the loss', () => {
    for (const w of [-2, 0.3, 4]) expect(grad(w)).toBeCloseTo((loss(w + 1e-6) - loss(w - 1e-6)) / 2e-6, 6);
  });

  it('each update multiplies the distance to the minimum by 1 − ηk', () => {
    for (const lr of [0.01, 0.3, 0.5, 0.8, 1, 1.7]) {
      const w = update(W0, lr);
      expect(w - W_STAR).toBeCloseTo(factor(lr) * (W0 - W_STAR), 12);
    }
    // ηk = 0.01: a hundred steps leave about 37% of the distance (the chapter's figure).
    let w = W0;
    for (let i = 0; i < 100; i++) w = update(w, 0.01 / CURVATURE);
    expect((w - W_STAR) / (W0 - W_STAR)).toBeCloseTo(Math.exp(-1), 2);
  });

  it('classifies the regimes at 1/k and 2/k', () => {
    expect(regime(0.1)).toBe('slow');
    expect(regime(1 / CURVATURE)).toBe('exact');
    expect(regime(0.75)).toBe('oscillate');
    expect(regime(2 / CURVATURE)).toBe('bounce');
    expect(regime(1.5)).toBe('diverge');
    expect(stepsToTenfold(0.1)).toBe(Math.ceil(Math.log(10) / -Math.log(0.8)));
    expect(stepsToTenfold(2 / CURVATURE)).toBeNull();
  });

  it('η = 1/k lands on the minimum in one update; oscillation alternates sides', () => {
    expect(advance(start(), 1 / CURVATURE, 1).ws[1]).toBe(W_STAR);
    const t = advance(start(), 0.75, 4);
    const sides = t.ws.map((w) => Math.sign(w - W_STAR));
    expect(sides).toEqual([-1, 1, -1, 1, -1]);
    expect(loss(t.ws[4])).toBeLessThan(loss(t.ws[0]));
  });

  it('a diverging run stops with an alert when the loss overflows, keeping the last finite point', () => {
    let t = start();
    for (let i = 0; i < 60 && !t.diverged; i++) t = advance(t, 2, 10);
    expect(t.diverged?.reason).toBe('infinite');
    expect(Number.isFinite(loss(t.ws[t.ws.length - 1]))).toBe(true);
    expect(t.diverged?.step).toBe(t.ws.length);
    // |1 − 2k| = 3: C grows 9× per step from 9, so it overflows after log(MAX/9)/log(9) steps.
    expect(t.ws.length - 1).toBe(Math.floor(Math.log(Number.MAX_VALUE / loss(W0)) / Math.log(9)));
    expect(advance(t, 0.1, 1)).toBe(t);
  });
});

describe('gd-step view', () => {
  it('summary names the regime with its numbers in both languages', () => {
    const t = advance(start(), 0.1, 3);
    const en = gdSummary(t, 0.1, S.en, 'en');
    expect(en).toContain('1 − ηk = 0.8');
    expect(en).toContain('η < 1/k = 0.5');
    expect(en).toContain(`every ${stepsToTenfold(0.1)} updates`);
    expect(en).toContain(`After 3 updates`);
    const es = gdSummary(start(), 1.5, S.es, 'es');
    expect(es).toContain('1 − ηk = −2');
    expect(es).toContain('η > 2/k = 1');
    expect(gdSummary(start(), 0.75, S.es, 'es')).toContain('1/k = 0,5 < η < 2/k = 1');
    for (const s of [en, es]) expect(s).not.toMatch(/⟦/);
  });

  it('charts have names and the bowl widens to keep a diverging point in view', () => {
    const far = advance(start(), 1.5, 5);
    const c = gdCharts(far, S.en, 'light', 'en');
    expect(c.bowl.ariaLabel).toBe(S.en['widget.gdStep.chart.bowl']);
    expect(c.history.ariaLabel).toBe(S.en['widget.gdStep.chart.history']);
    const dom = (c.bowl.x as { domain: number[] }).domain;
    const w = far.ws[far.ws.length - 1];
    expect(dom[0]).toBeLessThanOrEqual(w);
    expect(dom[1]).toBeGreaterThanOrEqual(w);
    expect(gdTable(far, S.en).rows).toHaveLength(6);
  });
});

describe('gd-step: the chapter\'s sequence, one fresh run per learning rate', () => {
  // The island starts w again at every new η; the chapter raises η step by step.
  const run = (lr: number, n: number) => advance(start(), lr, n);
  it('opens at η = 0.1 and w = −2', () => {
    expect(defaults(GD_SCHEMA)).toEqual({ lr: 0.1 });
    expect(start().ws).toEqual([-2]);
  });
  it('η = 0.1 creeps: after 10 updates w is still on the starting side, 0.8^10 of the way', () => {
    const t = run(defaults(GD_SCHEMA).lr, 10);
    expect(t.ws.every((w) => w < W_STAR)).toBe(true);
    expect((t.ws[10] - W_STAR) / (W0 - W_STAR)).toBeCloseTo(0.8 ** 10, 12);
  });
  it('η = 0.5 lands on the minimum in one update', () => {
    expect(run(0.5, 1).ws[1]).toBe(W_STAR);
  });
  it('η = 0.8 bounces from side to side and closes in', () => {
    const d = run(0.8, 6).ws.map((w) => w - W_STAR);
    for (let i = 1; i < d.length; i++) {
      expect(Math.sign(d[i])).toBe(-Math.sign(d[i - 1]));
      expect(Math.abs(d[i])).toBeLessThan(Math.abs(d[i - 1]));
    }
  });
  it('η = 1.1 diverges: every bounce is larger than the last', () => {
    const d = run(1.1, 10).ws.map((w) => Math.abs(w - W_STAR));
    for (let i = 1; i < d.length; i++) expect(d[i]).toBeGreaterThan(d[i - 1]);
    expect(regime(1.1)).toBe('diverge');
  });
  it('the ηk = 0.01 example of the text: a hundred steps still leave 37 % of the distance', () => {
    expect(Math.abs(factor(0.01 / CURVATURE)) ** 100).toBeCloseTo(0.366, 3);
  });
});
