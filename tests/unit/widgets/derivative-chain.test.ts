// The chain of derivatives: the plotted best cases are the library's, and the printed
// value is 0.25^n in the reader's notation.
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, sigmoidBound } from '../../../src/lib/index.ts';
import { pick } from '../../../src/i18n/index.ts';
import { defaults } from '../../../src/widgets/kit/params.ts';
import { formatSci } from '../../../src/widgets/kit/format.ts';
import { CHAIN_SCHEMA, chainAt, chainRows } from '../../../src/widgets/derivative-chain/model.ts';
import { chainCaption, chainChart, chainSummary, chainTable, powerText } from '../../../src/widgets/derivative-chain/view.ts';

const S = { es: { ...pick('es', 'kit.'), ...pick('es', 'widget.derivativeChain.') }, en: { ...pick('en', 'kit.'), ...pick('en', 'widget.derivativeChain.') } };

describe('derivative-chain model', () => {
  it('depth runs from 1 to 30 and the default lies inside', () => {
    expect(CHAIN_SCHEMA.depth.min).toBe(1);
    expect(CHAIN_SCHEMA.depth.max).toBe(30);
    const d = defaults(CHAIN_SCHEMA).depth;
    expect(d).toBeGreaterThanOrEqual(1);
    expect(d).toBeLessThanOrEqual(30);
    expect(chainRows().map((r) => r.n)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it("the sigmoid's best case is sigma'(0)^n = sigmoidBound(n); tanh's and ReLU's stay 1", () => {
    for (const r of chainRows()) {
      expect(r.sigmoid).toBe(sigmoidBound(r.n));
      expect(r.sigmoid).toBeCloseTo(ACTIVATIONS.sigmoid.df(0) ** r.n, 30);
      expect(r.tanh).toBe(ACTIVATIONS.tanh.df(0) ** r.n);
      expect(r.tanh).toBe(1);
      expect(r.relu).toBe(1);
    }
    // Each layer divides by exactly 1 / sigma'(0) = 4.
    expect(chainAt(11).sigmoid / chainAt(10).sigmoid).toBeCloseTo(ACTIVATIONS.sigmoid.df(0), 15);
  });
});

describe('derivative-chain view', () => {
  it('prints 0,25^10 ≈ 9,5 × 10⁻⁷ (es) and 0.25^10 ≈ 9.5 × 10⁻⁷ (en), derived from the bound', () => {
    const es = powerText(10, 'es');
    const en = powerText(10, 'en');
    expect(`${es.base}${es.exp}`).toBe('0,25¹⁰');
    expect(`${en.base}${en.exp}`).toBe('0.25¹⁰');
    const mant = (0.25 ** 10 / 10 ** Math.floor(Math.log10(0.25 ** 10))).toFixed(1);
    expect(en.value).toBe(`${mant} × 10⁻⁷`);
    expect(es.value).toBe(`${mant.replace('.', ',')} × 10⁻⁷`);
    expect(powerText(30, 'en').value).toBe(formatSci(0.25 ** 30, 'en'));
  });

  it('summaries carry the value and the divisor in both languages', () => {
    const es = chainSummary({ depth: 10 }, S.es, 'es');
    const en = chainSummary({ depth: 10 }, S.en, 'en');
    expect(es).toContain('0,25¹⁰ ≈ 9,5 × 10⁻⁷');
    expect(en).toContain('0.25¹⁰ ≈ 9.5 × 10⁻⁷');
    expect(en).toContain((4 ** 10).toLocaleString('en-GB'));
    expect(chainSummary({ depth: 30 }, S.en, 'en')).toContain(formatSci(4 ** 30, 'en'));
    const one = chainSummary({ depth: 1 }, S.en, 'en');
    expect(one).toContain('0.25¹ = 0.25');
    for (const t of [es, en, one, chainCaption(S.es, 'es'), chainCaption(S.en, 'en')]) expect(t).not.toMatch(/⟦|\{/);
  });

  it('the chart is named and log-scaled down past 0.25^30; the table has one row per depth', () => {
    const o = chainChart({ depth: 30 }, S.es, 'es', 'light');
    expect(o.ariaLabel).toBe(S.es['widget.derivativeChain.chart']);
    const y = o.y as { type: string; domain: number[] };
    expect(y.type).toBe('log');
    expect(y.domain[0]).toBeLessThan(sigmoidBound(30));
    expect(y.domain[1]).toBeGreaterThan(1);
    const t = chainTable(S.en, 'en');
    expect(t.rows).toHaveLength(30);
    expect(t.rows[9][1]).toBe(sigmoidBound(10));
  });
});

describe('derivative-chain defaults, as the chapter quotes them', () => {
  it('opens at depth 10, which reads 9.5 × 10⁻⁷; 1, 5 and 30 read 0.25, 9.8 × 10⁻⁴ and 8.7 × 10⁻¹⁹', () => {
    expect(defaults(CHAIN_SCHEMA)).toEqual({ depth: 10 });
    expect(powerText(defaults(CHAIN_SCHEMA).depth, 'en').value).toBe('9.5 × 10⁻⁷');
    expect(powerText(1, 'en').value).toBe('0.25');
    expect(powerText(5, 'en').value).toBe('9.8 × 10⁻⁴');
    expect(powerText(30, 'en').value).toBe('8.7 × 10⁻¹⁹');
  });
});
