// The sigmoid explorer: its numbers come from src/lib and match the closed forms.
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../../../src/lib/index.ts';
import { pick } from '../../../src/i18n/index.ts';
import { defaults, clampNumber } from '../../../src/widgets/kit/params.ts';
import { SIGMOID_SCHEMA, curves, readout } from '../../../src/widgets/sigmoid-explorer/model.ts';
import { sigmoidChart, sigmoidSummary, sigmoidTable, formatValue } from '../../../src/widgets/sigmoid-explorer/view.ts';

const S = { es: { ...pick('es', 'kit.'), ...pick('es', 'widget.sigmoidExplorer.') }, en: { ...pick('en', 'kit.'), ...pick('en', 'widget.sigmoidExplorer.') } };
const sigma = (x: number) => 1 / (1 + Math.exp(-x));

describe('sigmoid-explorer model', () => {
  it('defaults lie inside the schema', () => {
    const d = defaults(SIGMOID_SCHEMA);
    expect(d.x).toBeGreaterThanOrEqual(SIGMOID_SCHEMA.x.min);
    expect(d.x).toBeLessThanOrEqual(SIGMOID_SCHEMA.x.max);
    expect(clampNumber(SIGMOID_SCHEMA.x, d.x).adjusted).toBeNull();
    expect(SIGMOID_SCHEMA.x.min).toBe(-8);
    expect(SIGMOID_SCHEMA.x.max).toBe(8);
  });

  it("sigma'(0) is the maximum 1/4 and tanh'(0) is 1", () => {
    const r = readout(0);
    expect(r.s).toBe(0.5);
    expect(r.ds).toBe(1 / 4);
    expect(r.fraction).toBe(1);
    expect(r.dt).toBe(1);
  });

  it("matches the closed forms sigma' = sigma (1 - sigma), tanh = 2 sigma(2x) - 1, tanh' = 4 sigma'(2x)", () => {
    for (let x = -8; x <= 8; x += 0.7) {
      const r = readout(x);
      expect(r.s).toBeCloseTo(sigma(x), 14);
      expect(r.ds).toBeCloseTo(sigma(x) * (1 - sigma(x)), 14);
      expect(r.t).toBeCloseTo(2 * sigma(2 * x) - 1, 12);
      expect(r.dt).toBeCloseTo(4 * readout(2 * x).ds, 12);
      // symmetric bell, never above the maximum
      expect(r.ds).toBeCloseTo(readout(-x).ds, 14);
      expect(r.ds).toBeLessThanOrEqual(0.25);
    }
  });

  it('the sampled curves never exceed the derivative bound and peak at x = 0', () => {
    const c = curves();
    const peak = c.dSigma.reduce((a, b) => (b.y > a.y ? b : a));
    expect(peak.x).toBeCloseTo(0, 10);
    expect(peak.y).toBe(ACTIVATIONS.sigmoid.maxDerivative);
  });
});

describe('sigmoid-explorer view', () => {
  it('formats readout numbers in each language', () => {
    expect(formatValue(readout(0).ds, 'es')).toBe('0,25');
    expect(formatValue(readout(0).ds, 'en')).toBe('0.25');
    expect(formatValue(readout(5).ds, 'en')).toBe(String(Number(readout(5).ds.toFixed(4))));
    // tanh'(5) is tiny: scientific notation
    expect(formatValue(readout(5).dt, 'en')).toMatch(/^1\.8 × 10⁻⁴$/);
  });

  it('summaries state the values and the distance below the maximum, in both languages', () => {
    const es0 = sigmoidSummary({ x: 0, tanh: false }, S.es, 'es');
    const en0 = sigmoidSummary({ x: 0, tanh: false }, S.en, 'en');
    expect(es0).toContain('σ′(x) = 0,25');
    expect(en0).toContain('σ′(x) = 0.25');
    expect(es0).not.toBe(en0);
    const en2 = sigmoidSummary({ x: 2, tanh: false }, S.en, 'en');
    const r = readout(2);
    expect(en2).toContain(`σ′(x) = ${formatValue(r.ds, 'en')}`);
    expect(en2).toContain(`${Math.round(r.fraction * 100)}%`);
    expect(en2).toContain(`${(0.25 / r.ds).toFixed(1)} times smaller`);
    const es5 = sigmoidSummary({ x: 5, tanh: true }, S.es, 'es');
    expect(es5).toContain(`${Math.round(0.25 / readout(5).ds)} veces menos`);
    expect(es5).toContain('tanh′(x) = 1,8 × 10⁻⁴');
    for (const t of [es0, en0, en2, es5]) expect(t).not.toMatch(/⟦|\{/);
  });

  it('the chart is named, shows the marker at x with slope sigma\'(x), and the table holds raw numbers', () => {
    const o = sigmoidChart({ x: 2, tanh: false }, S.en, 'light');
    expect(o.ariaLabel).toBe(S.en['widget.sigmoidExplorer.chart']);
    const withTanh = sigmoidChart({ x: 2, tanh: true }, S.en, 'dark');
    expect((withTanh.marks as unknown[]).length).toBeGreaterThan((o.marks as unknown[]).length);
    const t = sigmoidTable({ x: 2.3, tanh: true });
    expect(t.columns).toHaveLength(5);
    const row = t.rows.find((r) => r[0] === 2.3)!;
    expect(row[2]).toBeCloseTo(sigma(2.3) * (1 - sigma(2.3)), 14);
  });
});

describe('sigmoid-explorer defaults, as the chapter quotes them', () => {
  it('opens at x = 0 without tanh, where the figure reads σ′ = 0.25; at 2 it reads 0.105, at 5 about 0.0066', () => {
    expect(defaults(SIGMOID_SCHEMA)).toEqual({ x: 0, tanh: false });
    expect(readout(defaults(SIGMOID_SCHEMA).x).ds).toBe(0.25);
    expect(readout(2).ds).toBeCloseTo(0.105, 3);
    expect(readout(5).ds).toBeCloseTo(0.0066, 4);
    expect(readout(-5).ds).toBeCloseTo(readout(5).ds, 15);
  });
});
