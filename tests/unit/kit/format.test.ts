import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, formatPow10, formatSci } from '../../../src/widgets/kit/format.ts';

describe('locale numbers', () => {
  it('writes 0,25 in Spanish and 0.25 in English', () => {
    expect(formatNumber(0.25, 'es')).toBe('0,25');
    expect(formatNumber(0.25, 'en')).toBe('0.25');
  });
  it('uses a true minus sign', () => {
    expect(formatNumber(-1.5, 'en')).toBe('−1.5');
  });
  it('writes scientific notation with a superscript exponent', () => {
    expect(formatSci(2.1e-6, 'es')).toBe('2,1 × 10⁻⁶');
    expect(formatSci(2.1e-6, 'en')).toBe('2.1 × 10⁻⁶');
    expect(formatSci(0.25 ** 10, 'en')).toBe('9.5 × 10⁻⁷');
  });
  it('carries a mantissa that rounds up to 10 into the exponent', () => {
    expect(formatSci(9.96e-7, 'en')).toBe('1 × 10⁻⁶');
  });
  it('keeps ordinary magnitudes in plain notation', () => {
    expect(formatSci(0.0066, 'es')).toBe('0,0066');
    expect(formatSci(123, 'en')).toBe('120');
  });
  it('says infinity and NaN in words a reader can see', () => {
    expect(formatNumber(Infinity, 'en')).toBe('∞');
    expect(formatSci(NaN, 'es')).toBe('NaN');
  });
  it('labels log axes with powers of ten', () => {
    expect(formatPow10(1e-6)).toBe('10⁻⁶');
    expect(formatPow10(100)).toBe('10²');
  });
  it('writes percentages the local way', () => {
    expect(formatPercent(0.37, 'en')).toBe('37%');
    expect(formatPercent(0.37, 'es')).toMatch(/^37\s%$/);
  });
});
